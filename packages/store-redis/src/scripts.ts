/**
 * The Lua scripts behind every write. Each touches exactly one key (so it runs on any Redis
 * Cluster node) and reads the clock with `TIME` on the server, so app servers with skewed clocks
 * still agree on when a lease ends.
 *
 * A record is one hash: s state, t token, l lease end, e expiry, c created, d completed (all ms
 * since the epoch), n claims, k the caller's key, r the stored result as JSON text. Redis's own
 * `PEXPIREAT` drops the hash when `e` passes; the scripts also treat a passed `e` as absent, so a
 * record never outlives its expiry by the lazy-expiry grace.
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
 * KEYS[1] record; ARGV token, leaseMs, ttlMs, caller key.
 * Replies {'claimed', token, leaseEnd, claims} | {'in_flight', leaseEnd} | {'completed', ...hash}.
 */
export const CLAIM = script(`${NOW}
local f = redis.call('HMGET', KEYS[1], 's', 't', 'l', 'e', 'c', 'd', 'n', 'k', 'r')
local live = f[1] and tonumber(f[4]) > now
if live and f[1] == 'completed' then
  return {'completed', f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9]}
end
if live and tonumber(f[3]) > now then
  return {'in_flight', f[3]}
end
local lease = tonumber(ARGV[2])
local ttl = math.max(lease, tonumber(ARGV[3]))
local claims = 1
local created = now
if live then
  claims = tonumber(f[7]) + 1
  created = tonumber(f[5])
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 's', 'in_flight', 't', ARGV[1], 'l', ms(now + lease),
  'e', ms(now + ttl), 'c', ms(created), 'n', claims, 'k', ARGV[4])
redis.call('PEXPIREAT', KEYS[1], ms(now + ttl))
return {'claimed', ARGV[1], ms(now + lease), claims}
`);

/** KEYS[1] record; ARGV token, ttlMs, has result ('1'/'0'), result JSON. Replies 1 or 0. */
export const COMPLETE = script(`${NOW}
local f = redis.call('HMGET', KEYS[1], 's', 't', 'e')
if f[1] ~= 'in_flight' or f[2] ~= ARGV[1] or tonumber(f[3]) <= now then return 0 end
local expires = now + tonumber(ARGV[2])
redis.call('HSET', KEYS[1], 's', 'completed', 'd', ms(now), 'e', ms(expires))
if ARGV[3] == '1' then
  redis.call('HSET', KEYS[1], 'r', ARGV[4])
else
  redis.call('HDEL', KEYS[1], 'r')
end
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
export const RECORD_FIELDS = ['s', 't', 'l', 'e', 'c', 'd', 'n', 'k', 'r'] as const;
