/**
 * The Lua scripts: the claim of a key that already holds a record (and every claim until the
 * server proved it runs scripts, or on a Redis without `SET ... NX GET`), `extend`, `complete`
 * and `release`. Each touches exactly one key (so it runs on any Redis Cluster node). Every
 * lease is judged by the server's clock (`TIME`), so app servers with skewed clocks still agree
 * on when a lease ends; `load` turns a fresh claim's durations into server times with
 * `PEXPIRETIME` wherever a lease is judged. The record layout is in `record-format.ts`.
 *
 * Records written by 0.1 (one hash per key: s t l e c d n k r g) are read by the same `load`,
 * so a rolling upgrade keeps every in-flight and completed record; a takeover of such a key
 * stores it in the string layout.
 *
 * Under `maxmemory` Redis refuses a script only at its first write, and only when that command
 * may grow memory (SET may; PEXPIRE, PEXPIREAT and DEL may not); later writes of the same script
 * then run, so a script is never stopped halfway. The claim writes with SET first, so a full
 * Redis refuses new claims (OOM, reported as STORE_FULL, a retryable 503), while `extend` and
 * `complete` start with an expiry write, so a full Redis never costs a running handler its lease
 * or its completion mark (which would let the next copy run twice).
 */
import { createHash } from 'node:crypto';

/** A script with its SHA1, for EVALSHA. */
export interface RedisScript {
  readonly source: string;
  readonly sha: string;
}

function script(source: string): RedisScript {
  // SHA1 here is Redis's script identifier, not a security primitive.
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/** The error for a value that is not a record (the store reports it as WRONGTYPE). */
const NOT_OURS = 'WRONGTYPE key holds data that is not a hooklatch record';

/**
 * `now` by the server's clock; `read(key)` returns the value at `key` as a string, or nil, or
 * nil and an error (`false` for a hash, which may be a 0.1 record). `load(key, anchor)`
 * returns the live record at `key` as a table with absolute times (nil when absent or past its
 * expiry), or nil and an error for data that is not a hooklatch record. Without `anchor` a
 * fresh record keeps the claimer's dates (enough to check its state and owner; the key's
 * existence proves it live). `save` encodes a table. Head fields are read by position (see
 * record-format.ts): state 5, token 7-32, lease 34-46, expiry 48-60, created 62-74,
 * completed 76-88, claims 90-99, the rest from 101.
 */
const PRELUDE = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local function ms(value) return string.format('%.0f', value) end
local function pad(value) return string.format('%013.0f', value) end
local NOT_OURS = '${NOT_OURS}'

local function read(key)
  local v = redis.pcall('GET', key)
  if type(v) == 'table' then
    if string.find(v.err, '^WRONGTYPE') then return nil, false end
    return nil, v.err
  end
  if not v then return nil end
  local st = string.sub(v, 5, 5)
  if string.sub(v, 1, 4) ~= 'hl2 ' or #v < 103 or (st ~= 'f' and st ~= 'i' and st ~= 'c') then
    return nil, NOT_OURS
  end
  return v
end

local function legacy(key)
  if redis.call('TYPE', key)['ok'] ~= 'hash' then return nil, NOT_OURS end
  local f = redis.call('HMGET', key, 's', 't', 'l', 'e', 'c', 'd', 'n', 'k', 'r', 'g')
  if not f[1] or not f[2] then return nil, NOT_OURS end
  local r = {st = (f[1] == 'completed') and 'c' or 'i', t = f[2], l = tonumber(f[3]),
    e = tonumber(f[4]), c = tonumber(f[5]), d = tonumber(f[6] or '0'), n = tonumber(f[7] or '1'),
    k = f[8] or '-', g = f[10] or '', r = f[9] or ''}
  if r.e <= now then return nil end
  return r
end
`;

/** `load` and `save`, for the scripts that work on the whole record (all but COMPLETE). */
const RECORDS = `
local function load(key, anchor)
  local v, err = read(key)
  if err == false then return legacy(key) end
  if not v then return nil, err end
  local keyEnd = string.find(v, ' ', 101, true)
  local lengthEnd = string.find(v, ' ', keyEnd + 1, true)
  local digestEnd = lengthEnd + tonumber(string.sub(v, keyEnd + 1, lengthEnd - 1))
  local r = {st = string.sub(v, 5, 5), t = string.sub(v, 7, 32),
    l = tonumber(string.sub(v, 34, 46)), e = tonumber(string.sub(v, 48, 60)),
    c = tonumber(string.sub(v, 62, 74)), d = tonumber(string.sub(v, 76, 88)),
    n = tonumber(string.sub(v, 90, 99)), k = string.sub(v, 101, keyEnd - 1),
    g = string.sub(v, lengthEnd + 1, digestEnd), r = string.sub(v, digestEnd + 1)}
  if r.st == 'f' then
    r.st = 'i'
    if anchor then
      -- The claimer's dates, moved onto the server's clock by the key's own expiry.
      local at = redis.call('PEXPIRETIME', key)
      r.c = at - (r.e - r.c)
      r.l = at - (r.e - r.l)
      r.e = at
    end
    return r
  end
  -- A completed record's expiry field is the completer's clock (COMPLETE reads none): judged
  -- against the server's, an app server running behind would end retention early and the
  -- event would run again. Its key's existence is the proof: PEXPIRE counted its TTL here.
  if r.st ~= 'c' and r.e <= now then return nil end
  return r
end

local function save(r)
  return 'hl2 ' .. r.st .. ' ' .. r.t .. ' ' .. pad(r.l) .. ' ' .. pad(r.e) .. ' ' .. pad(r.c) ..
    ' ' .. pad(r.d) .. ' ' .. string.format('%010d', r.n) .. ' ' .. r.k .. ' ' .. #r.g .. ' ' ..
    r.g .. r.r
end
`;

/**
 * KEYS[1] record; ARGV token, leaseMs, ttlMs (at least leaseMs), key field, digest ('' for none).
 * Replies {'claimed', token, leaseEnd, claims} | {'in_flight', leaseEnd, leaseRemainingMs,
 * digest} | {'completed', record value}. The remaining time comes from the server's clock, so
 * a caller never needs its own clock to compute a Retry-After.
 */
export const CLAIM = script(`${PRELUDE}${RECORDS}
local r, err = load(KEYS[1], true)
if err then return redis.error_reply(err) end
if r and r.st == 'c' then return {'completed', save(r)} end
if r and r.l > now then return {'in_flight', ms(r.l), ms(r.l - now), r.g} end
local claims = 1
local created = now
if r then
  claims = r.n + 1
  created = r.c
end
local w = {st = 'i', t = ARGV[1], l = now + tonumber(ARGV[2]), e = now + tonumber(ARGV[3]),
  c = created, d = 0, n = claims, k = ARGV[4], g = ARGV[5], r = ''}
redis.call('SET', KEYS[1], save(w), 'PXAT', ms(w.e))
return {'claimed', ARGV[1], ms(w.l), claims}
`);

/**
 * KEYS[1] record; ARGV token, leaseMs. Renews a lease the token owns while it is still live by
 * the server's clock (an ended lease is never revived: someone may have taken it over already,
 * or may at any moment). Moves the expiry out when the new lease would outlive it. Replies 1 or 0.
 */
export const EXTEND = script(`${PRELUDE}${RECORDS}
local r, err = load(KEYS[1], true)
if err then return redis.error_reply(err) end
if not r or r.st ~= 'i' or r.t ~= ARGV[1] or r.l <= now then return 0 end
r.l = now + tonumber(ARGV[2])
if r.l > r.e then r.e = r.l end
redis.call('PEXPIREAT', KEYS[1], ms(r.e))
redis.call('SET', KEYS[1], save(r), 'KEEPTTL')
return 1
`);

/**
 * KEYS[1] record; ARGV token, ttlMs, expiry and completion time (13 digits each, the caller's
 * clock), result JSON ('' for none). Replies 1 or 0. The hot path of every lifecycle, so it
 * reads no clock, computes nothing and edits the value by position: state, expiry and
 * completion time change, the rest (token, lease, created, claims, key, digest; an in-flight
 * record holds no result) is copied as it is. The key's existence proves the record live
 * (Redis drops it at its expiry), and PEXPIRE counts the new TTL on the server's clock, so only
 * the completed record's reported dates come from the caller.
 */
export const COMPLETE = script(`
local v = redis.pcall('GET', KEYS[1])
if type(v) == 'table' then
  if not string.find(v.err, '^WRONGTYPE') then return redis.error_reply(v.err) end
  -- A hash: a record written by 0.1, owned by a 0.1 process (no token of this version is in
  -- one), or someone else's data.
  local f = redis.call('HMGET', KEYS[1], 's', 't')
  if not f[1] or not f[2] then return redis.error_reply('${NOT_OURS}') end
  return 0
end
if not v then return 0 end
local st = string.byte(v, 5)
if string.sub(v, 1, 4) ~= 'hl2 ' or #v < 103 or (st ~= 102 and st ~= 105 and st ~= 99) then
  return redis.error_reply('${NOT_OURS}')
end
if st == 99 or string.sub(v, 7, 32) ~= ARGV[1] then return 0 end
-- PEXPIRE first, then SET ... KEEPTTL, not one SET ... PX: a script's first write decides
-- whether a Redis over maxmemory refuses it (SET may add memory, PEXPIRE does not), and a
-- completion must go through on a full Redis, or the next copy of the event would run again.
redis.call('PEXPIRE', KEYS[1], ARGV[2])
redis.call('SET', KEYS[1], 'hl2 c ' .. string.sub(v, 7, 47) .. ARGV[3] .. string.sub(v, 61, 75) ..
  ARGV[4] .. string.sub(v, 89) .. ARGV[5], 'KEEPTTL')
return 1
`);

/** KEYS[1] record; ARGV token. Deletes an in-flight record the token owns. Replies 1 or 0. */
export const RELEASE = script(`${PRELUDE}${RECORDS}
local r, err = load(KEYS[1], false)
if err then return redis.error_reply(err) end
if not r or r.st ~= 'i' or r.t ~= ARGV[1] then return 0 end
redis.call('DEL', KEYS[1])
return 1
`);

/** Fields of a 0.1 record hash, in the order `get` reads them (see `record.ts`). */
export const LEGACY_FIELDS = ['s', 't', 'l', 'e', 'c', 'd', 'n', 'k', 'r', 'g'] as const;

/** What `evalScript` needs from a client: one command routed by its (only) key. */
type Send = (key: string, args: string[]) => Promise<unknown>;

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}

/**
 * Run `script` on `key` with EVALSHA, sending the source once when the server lacks it, and
 * answer `read(reply)`. Not an async function, and the reply is read in the same `then` that
 * catches NOSCRIPT: each layer costs a promise and a turn on every completion.
 */
export function evalScript<T = unknown>(
  send: Send,
  script: RedisScript,
  key: string,
  args: string[],
  read: (reply: unknown) => T = (reply) => reply as T,
): Promise<T> {
  let sent: Promise<unknown>;
  try {
    // `Promise.resolve`: a client in callback mode answers undefined, which the caller then
    // reports as an unexpected reply (a promise is passed through as it is).
    sent = Promise.resolve(send(key, ['EVALSHA', script.sha, '1', key, ...args]));
  } catch (error) {
    sent = Promise.reject(error);
  }
  return sent.then(read, (error: unknown) => {
    // First use on this server (or after SCRIPT FLUSH / a failover): send the source once.
    if (!isNoScript(error)) throw error;
    return Promise.resolve(send(key, ['EVAL', script.source, '1', key, ...args])).then(read);
  });
}
