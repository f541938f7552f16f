import { Redis } from 'ioredis';
const c = new Redis('redis://127.0.0.1:6399');
const pre = `local clock = redis.call('TIME')
local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
local function ms(value) return string.format('%.0f', value) end
local function pad(value) return string.format('%013.0f', value) end
`;
const body = `local v = redis.call('GET', KEYS[1])
local st = string.sub(v, 5, 5)
if st == 'c' or string.sub(v, 7, 32) ~= ARGV[1] then return 0 end
local lease = string.sub(v, 34, 46)
if st == 'f' then lease = pad(tonumber(string.sub(v, 62, 74)) + tonumber(lease)) end
local expires = now + tonumber(ARGV[2])
`;
const scripts: Record<string, string> = {
  getset: "local v = redis.call('GET', KEYS[1]) redis.call('SET', KEYS[1], v, 'KEEPTTL') return 1",
  'time+get+set': "local t = redis.call('TIME') local v = redis.call('GET', KEYS[1]) redis.call('SET', KEYS[1], v, 'KEEPTTL') return 1",
  'pre+get+set': pre + "local v = redis.call('GET', KEYS[1]) redis.call('SET', KEYS[1], v, 'KEEPTTL') return 1",
  'pre+body+set': pre + body + "redis.call('SET', KEYS[1], 'hl2 c ' .. string.sub(v, 7, 33) .. lease .. ' ' .. pad(expires) .. ' ' .. string.sub(v, 62, 75) .. pad(now) .. string.sub(v, 89) .. ARGV[3], 'KEEPTTL') return 1",
  'pre+body+pexp+set': pre + body + "redis.call('PEXPIREAT', KEYS[1], ms(expires)) redis.call('SET', KEYS[1], 'hl2 c ' .. string.sub(v, 7, 33) .. lease .. ' ' .. pad(expires) .. ' ' .. string.sub(v, 62, 75) .. pad(now) .. string.sub(v, 89) .. ARGV[3], 'KEEPTTL') return 1",
  'pre+body+setpxat': pre + body + "redis.call('SET', KEYS[1], 'hl2 c ' .. string.sub(v, 7, 33) .. lease .. ' ' .. pad(expires) .. ' ' .. string.sub(v, 62, 75) .. pad(now) .. string.sub(v, 89) .. ARGV[3], 'PXAT', ms(expires)) return 1",
};
const v = 'hl2 f 01ARZ3NDEKTSV4RRFFQ69G5FAV 0000000300000 0000000300000 1796132320000 0000000000000 0000000001 - 0 ';
for (let round = 0; round < 2; round++)
for (const [name, src] of Object.entries(scripts)) {
  const sha = await c.script('LOAD', src) as string;
  await c.config('RESETSTAT');
  for (let i = 0; i < 5000; i++) {
    await c.set(`k${i}`, v, 'PX', 300000);
    await c.call('EVALSHA', sha, '1', `k${i}`, '01ARZ3NDEKTSV4RRFFQ69G5FAV', '100000', '');
  }
  const st = await c.info('commandstats');
  console.log(name, /cmdstat_evalsha:calls=\d+,usec=\d+,usec_per_call=([\d.]+)/.exec(st)?.[1]);
}
c.disconnect();
