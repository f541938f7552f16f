/**
 * The Lua scripts of the Redis inbox. Every call is one script, atomic on the server, reading
 * the clock with `TIME` there. All keys of one queue share the hash tag `{queue}`, so a queue
 * lives in one Cluster slot; each script names the queue's `ready` set as its key (for
 * routing) and derives the others from the prefix `P` it gets first.
 *
 * Layout under `P = <prefix>{<queue>}:`:
 * - `e:<skey>`: a hash per entry (`skey` = `storageKey(key)`); the body is base64 in field `b`;
 * - `ready` and `ready:<provider>`: sorted sets of pending and running entries, scored by
 *   `available_at` (when due; for a running entry when its lease ends): a claim is a range read;
 * - `all`: every entry, for listing in key order; `done:completed`, `done:dead`: finished entries
 *   by finish time, for purge and replay; `counts`: entries per provider and state.
 *
 * A full Redis (`maxmemory` with `noeviction`) refuses a script at its first write when that
 * command may add memory (HSET, ZADD, HINCRBY may; HDEL, ZREM may not), and lets every later
 * write of the same script run. New entries and claims may be refused (STORE_FULL, retried),
 * but an entry already running must never lose its lease or its verdict (its handler would run
 * again), so `EXTEND`, `FINISH` and `REQUEUE` start with a write that cannot be refused.
 */
import { createHash } from 'node:crypto';
import type { RedisScript } from './scripts';

function script(body: string): RedisScript {
  const source = `${PRELUDE}${body}`;
  // SHA1 here is Redis's script identifier, not a security primitive.
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

const PRELUDE = `
local P = ARGV[1]
local FIN = 8640000000000000
local function now()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function str(n) return string.format('%.0f', n) end
local function count(provider, state, by)
  redis.call('HINCRBY', P .. 'counts', provider .. '\\n' .. state, by)
end
local function ready(skey, provider, at)
  redis.call('ZADD', P .. 'ready', at, skey)
  redis.call('ZADD', P .. 'ready:' .. provider, at, skey)
end
local function unready(skey, provider)
  redis.call('ZREM', P .. 'ready', skey)
  redis.call('ZREM', P .. 'ready:' .. provider, skey)
end
local function owned(e, token)
  local g = redis.call('HMGET', e, 's', 't', 'p', 'v')
  if g[1] ~= 'running' or g[2] ~= token then return nil end
  return g
end
`;

/** ARGV: P skey keyField provider type method headers body64 receivedAt keyIndex digest
 * deadCode deadMessage bodyBytes. Returns {'ok', state} or {'dup', state, digest}. */
export const ENQUEUE = script(`
local skey = ARGV[2]
local e = P .. 'e:' .. skey
if redis.call('EXISTS', e) == 1 then
  local got = redis.call('HMGET', e, 's', 'g')
  return {'dup', got[1], got[2] or ''}
end
local t = now()
local dead = ARGV[12] ~= ''
local state = 'pending'
if dead then state = 'dead' end
redis.call('HSET', e, 'sk', skey, 'k', ARGV[3], 'p', ARGV[4], 'y', ARGV[5], 'm', ARGV[6],
  'h', ARGV[7], 'b', ARGV[8], 'r', ARGV[9], 'x', ARGV[10], 'g', ARGV[11], 'a', 0, 'f', 0,
  'q', str(t), 'n', 0, 'bl', ARGV[14], 's', state)
if dead then
  redis.call('HSET', e, 'v', str(FIN), 'z', str(t), 'ec', ARGV[12], 'em', ARGV[13])
  redis.call('ZADD', P .. 'done:dead', t, skey)
else
  redis.call('HSET', e, 'v', str(t))
  ready(skey, ARGV[4], t)
end
redis.call('ZADD', P .. 'all', 0, skey)
count(ARGV[4], state, 1)
return {'ok', state}
`);

/** ARGV: P token leaseMs limit nProviders provider... Returns HGETALL lists of claimed entries. */
export const CLAIM = script(`
local t = now()
local lease = tonumber(ARGV[3])
local limit = tonumber(ARGV[4])
local np = tonumber(ARGV[5])
local cands = {}
local sets = {}
if np == 0 then sets[1] = P .. 'ready' else
  for j = 1, np do sets[j] = P .. 'ready:' .. ARGV[5 + j] end
end
for _, set in ipairs(sets) do
  local r = redis.call('ZRANGEBYSCORE', set, '-inf', t, 'WITHSCORES', 'LIMIT', 0, limit)
  for i = 1, #r, 2 do cands[#cands + 1] = {r[i], tonumber(r[i + 1])} end
end
table.sort(cands, function(a, b) return a[2] < b[2] end)
local out = {}
for i = 1, math.min(limit, #cands) do
  local skey = cands[i][1]
  local e = P .. 'e:' .. skey
  local g = redis.call('HMGET', e, 's', 'p')
  if g[1] == 'pending' or g[1] == 'running' then
    local due = t + lease
    redis.call('HSET', e, 's', 'running', 't', ARGV[2], 'v', str(due))
    redis.call('HINCRBY', e, 'a', 1)
    redis.call('HINCRBY', e, 'f', 1)
    ready(skey, g[2], due)
    if g[1] == 'pending' then
      count(g[2], 'pending', -1)
      count(g[2], 'running', 1)
    end
    out[#out + 1] = redis.call('HGETALL', e)
  else
    for _, set in ipairs(sets) do redis.call('ZREM', set, skey) end
  end
end
return out
`);

/** ARGV: P skey token leaseMs. */
export const EXTEND = script(`
local e = P .. 'e:' .. ARGV[2]
local g = owned(e, ARGV[3])
if not g then return 0 end
local t = now()
if tonumber(g[4]) <= t then return 0 end
local due = t + tonumber(ARGV[4])
-- First write: one that a full Redis runs (see above); the HSET then rewrites the field.
redis.call('HDEL', e, 'v')
redis.call('HSET', e, 'v', str(due))
ready(ARGV[2], g[3], due)
return 1
`);

/** ARGV: P skey token state(completed|dead) code message. */
export const FINISH = script(`
local e = P .. 'e:' .. ARGV[2]
local g = owned(e, ARGV[3])
if not g then return 0 end
local t = now()
-- First write: the ZREMs, which a full Redis runs (see above).
unready(ARGV[2], g[3])
redis.call('HSET', e, 's', ARGV[4], 'z', str(t), 'v', str(FIN))
if ARGV[5] ~= '' then redis.call('HSET', e, 'ec', ARGV[5], 'em', ARGV[6]) end
redis.call('ZADD', P .. 'done:' .. ARGV[4], t, ARGV[2])
count(g[3], 'running', -1)
count(g[3], ARGV[4], 1)
return 1
`);

/** ARGV: P skey token delayMs code message giveBack(1|0): fail (with an error) or release. */
export const REQUEUE = script(`
local e = P .. 'e:' .. ARGV[2]
local g = owned(e, ARGV[3])
if not g then return 0 end
local due = now() + tonumber(ARGV[4])
-- First write: the HDEL, which a full Redis runs (see above).
redis.call('HDEL', e, 't')
redis.call('HSET', e, 's', 'pending', 'v', str(due))
if ARGV[5] ~= '' then redis.call('HSET', e, 'ec', ARGV[5], 'em', ARGV[6]) end
if ARGV[7] == '1' and tonumber(redis.call('HGET', e, 'a')) > 0 then
  redis.call('HINCRBY', e, 'a', -1)
end
ready(ARGV[2], g[3], due)
count(g[3], 'running', -1)
count(g[3], 'pending', 1)
return 1
`);

/** ARGV: P skey reason states(csv) provider type receivedFrom receivedBefore ('' = any). */
export const REPLAY = script(`
local e = P .. 'e:' .. ARGV[2]
local g = redis.call('HMGET', e, 's', 'p', 'y', 'r')
if not g[1] then return 0 end
if not string.find(',' .. ARGV[4] .. ',', ',' .. g[1] .. ',', 1, true) then return 0 end
if ARGV[5] ~= '' and g[2] ~= ARGV[5] then return 0 end
if ARGV[6] ~= '' and g[3] ~= ARGV[6] then return 0 end
local received = tonumber(g[4])
if ARGV[7] ~= '' and received < tonumber(ARGV[7]) then return 0 end
if ARGV[8] ~= '' and received >= tonumber(ARGV[8]) then return 0 end
local t = now()
redis.call('HSET', e, 's', 'pending', 'a', 0, 'v', str(t), 'rr', ARGV[3], 'rt', str(t))
redis.call('HINCRBY', e, 'n', 1)
redis.call('HDEL', e, 't', 'z')
redis.call('ZREM', P .. 'done:' .. g[1], ARGV[2])
ready(ARGV[2], g[2], t)
count(g[2], g[1], -1)
count(g[2], 'pending', 1)
return 1
`);

/** Summary fields, in this order, for listings. */
export const SUMMARY_FIELDS = [
  'sk',
  'k',
  'p',
  'y',
  's',
  'a',
  'f',
  'r',
  'q',
  'v',
  'z',
  'ec',
  'em',
  'n',
  'rr',
  'rt',
  'x',
  'g',
  'bl',
] as const;

/** ARGV: P cursor count. Returns {next-or-'', summary field lists...} in key order. */
export const LIST = script(`
local start = '-'
if ARGV[2] ~= '' then start = '(' .. ARGV[2] end
local keys = redis.call('ZRANGEBYLEX', P .. 'all', start, '+', 'LIMIT', 0, tonumber(ARGV[3]))
local out = {''}
if #keys == tonumber(ARGV[3]) then out[1] = keys[#keys] end
for _, skey in ipairs(keys) do
  out[#out + 1] = redis.call('HMGET', P .. 'e:' .. skey, ${SUMMARY_FIELDS.map((f) => `'${f}'`).join(', ')})
end
return out
`);

/** ARGV: P. Returns {ready, provider\\nstate, count, ...}. */
export const STATS = script(`
local out = {redis.call('ZCOUNT', P .. 'ready', '-inf', now())}
local counts = redis.call('HGETALL', P .. 'counts')
for i = 1, #counts do out[#out + 1] = counts[i] end
return out
`);

/** ARGV: P state olderThanMs batch. Returns how many finished entries were examined. */
export const PURGE = script(`
local done = P .. 'done:' .. ARGV[2]
local r = redis.call('ZRANGEBYSCORE', done, '-inf', now() - tonumber(ARGV[3]), 'LIMIT', 0,
  tonumber(ARGV[4]))
local removed = 0
for _, skey in ipairs(r) do
  local e = P .. 'e:' .. skey
  local g = redis.call('HMGET', e, 's', 'p')
  if g[1] == ARGV[2] then
    redis.call('DEL', e)
    redis.call('ZREM', P .. 'all', skey)
    count(g[2], g[1], -1)
    removed = removed + 1
  end
  redis.call('ZREM', done, skey)
end
return {#r, removed}
`);
