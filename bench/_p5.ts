import { Redis } from 'ioredis';
import { COMPLETE } from '../packages/store-redis/src/scripts';
const c = new Redis('redis://127.0.0.1:6399');
const scripts: Record<string, string> = {
  trivial: 'return 1',
  time: "local t = redis.call('TIME') return 1",
  getset: "local v = redis.call('GET', KEYS[1]) redis.call('SET', KEYS[1], v, 'KEEPTTL') return 1",
  complete: COMPLETE.source,
};
const v = 'hl2 f 01ARZ3NDEKTSV4RRFFQ69G5FAV 0000000300000 0000000300000 1796132320000 0000000000000 0000000001 - 0 ';
for (const [name, src] of Object.entries(scripts)) {
  const sha = await c.script('LOAD', src) as string;
  await c.config('RESETSTAT');
  for (let i = 0; i < 5000; i++) {
    await c.set(`k${i}`, v, 'PX', 300000);
    await c.call('EVALSHA', sha, '1', `k${i}`, '01ARZ3NDEKTSV4RRFFQ69G5FAV', '100000', '');
  }
  const st = await c.info('commandstats');
  console.log(name, /cmdstat_evalsha:calls=\d+,usec=\d+,usec_per_call=([\d.]+)/.exec(st)?.[1], 'set', /cmdstat_set:calls=\d+,usec=\d+,usec_per_call=([\d.]+)/.exec(st)?.[1]);
}
c.disconnect();
