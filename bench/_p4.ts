import { redisStore } from '@hooklatch/store-redis';
import { Redis } from 'ioredis';
import { COMPLETE } from '../packages/store-redis/src/scripts';
const c = new Redis('redis://127.0.0.1:6379');
const prefix = `hlp4:${process.pid}:`;
const store = redisStore({ client: c, prefix });
await store.claim('warm', { leaseMs: 1000, ttlMs: 1000 });
await c.script('LOAD', COMPLETE.source);
const o = { leaseMs: 300_000, ttlMs: 300_000 };
let s = 0;
async function prep(n: number) { const out: [string, string][] = []; for (let i = 0; i < n; i++) { const k = `k${s++}`; const r = await store.claim(k, o); if (r.status !== 'claimed') throw 1; out.push([k, r.token]); } return out; }
for (let round = 0; round < 3; round++) {
  let items = await prep(2000);
  let t0 = process.hrtime.bigint();
  for (const [k, tok] of items) await store.complete(k, tok, { ttlMs: 1e8 });
  const a = Number(process.hrtime.bigint() - t0) / 2000 / 1000;
  items = await prep(2000);
  t0 = process.hrtime.bigint();
  for (const [k, tok] of items) await c.call('EVALSHA', COMPLETE.sha, '1', prefix + k, tok, '100000000', '');
  const b = Number(process.hrtime.bigint() - t0) / 2000 / 1000;
  items = await prep(2000);
  t0 = process.hrtime.bigint();
  for (const [k] of items) await c.call('SET', prefix + k, '{"state":"completed"}', 'PX', '100000000', 'XX');
  const d = Number(process.hrtime.bigint() - t0) / 2000 / 1000;
  console.log('store.complete', a.toFixed(1), 'raw evalsha', b.toFixed(1), 'set xx', d.toFixed(1));
}
let cursor = '0'; do { const [n, ks] = await c.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000); if (ks.length) await c.del(...ks); cursor = n; } while (cursor !== '0');
c.disconnect();
