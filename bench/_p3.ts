import { Redis } from 'ioredis';
import { COMPLETE } from '../packages/store-redis/src/scripts';
const c = new Redis('redis://127.0.0.1:6379');
const trivial = await c.script('LOAD', 'return 1') as string;
const time = await c.script('LOAD', "local t = redis.call('TIME') return 1") as string;
const getset = await c.script('LOAD', "local v = redis.call('GET', KEYS[1]) redis.call('SET', KEYS[1], 'x', 'KEEPTTL') return 1") as string;
await c.script('LOAD', COMPLETE.source);
async function t(name: string, fn: () => Promise<unknown>) {
  for (let w = 0; w < 500; w++) await fn();
  const s = process.hrtime.bigint(); for (let i = 0; i < 3000; i++) await fn();
  console.log(name, (Number(process.hrtime.bigint() - s) / 3000 / 1000).toFixed(1), 'us');
}
await c.set('hlp3:k', 'hl2 f 01ARZ3NDEKTSV4RRFFQ69G5FAV 300000 300000 1796132320000 - 1 - 0 ', 'PX', 300000);
for (let r = 0; r < 2; r++) {
await t('ping', () => c.ping());
await t('set', () => c.call('SET', 'hlp3:x', 'v', 'PX', '1000'));
await t('evalsha trivial', () => c.call('EVALSHA', trivial, '1', 'hlp3:k'));
await t('evalsha time', () => c.call('EVALSHA', time, '1', 'hlp3:k'));
await t('evalsha get+set', () => c.call('EVALSHA', getset, '1', 'hlp3:y'));
await t('evalsha complete(no match)', () => c.call('EVALSHA', COMPLETE.sha, '1', 'hlp3:k', 'nope', '1000', ''));
}
await c.del('hlp3:k', 'hlp3:x', 'hlp3:y');
c.disconnect();
