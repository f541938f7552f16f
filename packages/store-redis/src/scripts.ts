/**
 * The Lua scripts behind every write. Each touches exactly one key (so it runs on any Redis
 * Cluster node) and reads the clock with `TIME` on the server, so app servers with skewed clocks
 * still agree on when a lease ends.
 *
 * A record is one hash: s state, t token, l lease end, e expiry, c created, d completed (all ms
 * since the epoch), n claims, k the caller's key (`encodeKey` form, so any key survives the
 * client's UTF-8 encoding), r the stored result as JSON text, g the claim's payload digest. The
 * Redis key itself is `prefix + storageKey(key)`: ASCII, at most 255 characters. Redis's own
 * `PEXPIREAT` drops the hash when `e` passes; the scripts also treat a passed `e` as absent, so a
 * record never outlives its expiry by the lazy-expiry grace.
 *
 * Under `maxmemory` Redis refuses a script only at its first write, and only when that command
 * may grow memory (HSET may; HDEL and PEXPIREAT may not); later writes of the same script then
 * run, so a script is never stopped halfway. The order of writes below uses that on purpose: a
 * claim starts with HSET, so a full Redis refuses new claims (OOM, reported as STORE_FULL, a
 * retryable 503), while `extend` and `complete` start with a write that cannot be refused, so a
 * full Redis never costs a running handler its lease or its completion mark (which would let
 * the next copy run twice).
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

const NOW = `
local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local function ms(value) return string.format('%.0f', value) end
`;

/**
 * A hash at the record's key that lacks the state field belongs to someone else: refuse it (the
 * store reports WRONGTYPE, a setup error) instead of deleting another app's data.
 */
const NOT_OURS = `redis.error_reply('WRONGTYPE key holds a hash that is not a hooklatch record')`;

/**
 * KEYS[1] record; ARGV token, leaseMs, ttlMs, encoded caller key, has digest ('1'/'0'), digest.
 * Replies {'claimed', token, leaseEnd, claims} | {'in_flight', leaseEnd, leaseRemainingMs,
 * digest or nil} | {'completed', ...hash}. The remaining time comes from the server's clock, so
 * a caller never needs its own clock to compute a Retry-After.
 */
export const CLAIM = script(`${NOW}
local f = redis.call('HMGET', KEYS[1], 's', 't', 'l', 'e', 'c', 'd', 'n', 'k', 'r', 'g')
if not f[1] and redis.call('EXISTS', KEYS[1]) == 1 then return ${NOT_OURS} end
local live = f[1] and tonumber(f[4]) > now
if live and f[1] == 'completed' then
  return {'completed', f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10]}
end
if live and tonumber(f[3]) > now then
  return {'in_flight', f[3], ms(tonumber(f[3]) - now), f[10]}
end
local lease = tonumber(ARGV[2])
local ttl = math.max(lease, tonumber(ARGV[3]))
local claims = 1
local created = now
if live then
  claims = tonumber(f[7]) + 1
  created = tonumber(f[5])
end
redis.call('HSET', KEYS[1], 's', 'in_flight', 't', ARGV[1], 'l', ms(now + lease),
  'e', ms(now + ttl), 'c', ms(created), 'n', claims, 'k', ARGV[4])
redis.call('HDEL', KEYS[1], 'd', 'r', 'g')
if ARGV[5] == '1' then redis.call('HSET', KEYS[1], 'g', ARGV[6]) end
redis.call('PEXPIREAT', KEYS[1], ms(now + ttl))
return {'claimed', ARGV[1], ms(now + lease), claims}
`);

/**
 * KEYS[1] record; ARGV token, leaseMs. Renews a lease the token owns while it is still live by
 * the server's clock (an ended lease is never revived: someone may have taken it over already,
 * or may at any moment). Moves the expiry out when the new lease would outlive it. Replies 1 or 0.
 */
export const EXTEND = script(`${NOW}
local f = redis.call('HMGET', KEYS[1], 's', 't', 'l', 'e')
if f[1] ~= 'in_flight' or f[2] ~= ARGV[1] then return 0 end
if tonumber(f[3]) <= now or tonumber(f[4]) <= now then return 0 end
local lease = now + tonumber(ARGV[2])
local expires = math.max(lease, tonumber(f[4]))
redis.call('PEXPIREAT', KEYS[1], ms(expires))
redis.call('HSET', KEYS[1], 'l', ms(lease), 'e', ms(expires))
return 1
`);

/** KEYS[1] record; ARGV token, ttlMs, has result ('1'/'0'), result JSON. Replies 1 or 0. */
export const COMPLETE = script(`${NOW}
local f = redis.call('HMGET', KEYS[1], 's', 't', 'e')
if f[1] ~= 'in_flight' or f[2] ~= ARGV[1] or tonumber(f[3]) <= now then return 0 end
local expires = now + tonumber(ARGV[2])
redis.call('HDEL', KEYS[1], 'r')
redis.call('HSET', KEYS[1], 's', 'completed', 'd', ms(now), 'e', ms(expires))
if ARGV[3] == '1' then redis.call('HSET', KEYS[1], 'r', ARGV[4]) end
redis.call('PEXPIREAT', KEYS[1], ms(expires))
return 1
`);

/** KEYS[1] record; ARGV token. Deletes an in-flight record the token owns. Replies 1 or 0. */
export const RELEASE = script(`${NOW}
local f = redis.call('HMGET', KEYS[1], 's', 't', 'e')
if f[1] ~= 'in_flight' or f[2] ~= ARGV[1] or tonumber(f[3]) <= now then return 0 end
redis.call('DEL', KEYS[1])
return 1
`);

/** Fields in the order `get` reads them (and `CLAIM` returns them for a completed record). */
export const RECORD_FIELDS = ['s', 't', 'l', 'e', 'c', 'd', 'n', 'k', 'r', 'g'] as const;

/** What `evalScript` needs from a client: one command routed by its (only) key. */
type Send = (key: string, args: string[]) => Promise<unknown>;

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}

/** Run `script` on `key` with EVALSHA, sending the source once when the server lacks it. */
export async function evalScript(
  send: Send,
  script: RedisScript,
  key: string,
  args: string[],
): Promise<unknown> {
  try {
    return await send(key, ['EVALSHA', script.sha, '1', key, ...args]);
  } catch (error) {
    // First use on this server (or after SCRIPT FLUSH / a failover): send the source once.
    if (!isNoScript(error)) throw error;
    return send(key, ['EVAL', script.source, '1', key, ...args]);
  }
}
