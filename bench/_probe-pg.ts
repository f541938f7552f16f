import { postgresStore } from '@hooklatch/store-sql/postgres';
import pg from 'pg';
const pool = new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:5432/hooklatch', max: 8 });
const table = `hl_probe_${process.pid}`;
const floorTable = `${table}_floor`;
const store = postgresStore({ client: pool, table });
await store.createSchema();
await pool.query(`CREATE TABLE ${floorTable} (LIKE ${table} INCLUDING ALL)`);
let n = 0;
const o = { leaseMs: 300_000, ttlMs: 300_000 };
const NOW = '(extract(epoch from statement_timestamp()) * 1000)::bigint';
async function ours() {
  const k = `k${n++}`;
  const c = await store.claim(k, o);
  if (c.status !== 'claimed') throw new Error('x');
  await store.complete(k, c.token, { ttlMs: 259_200_000 });
}
async function floor() {
  const k = `f${n++}`;
  const r = await pool.query({ name: 'floor_claim', text: `INSERT INTO ${floorTable} (dedupe_key, state, token, lease_expires_at, expires_at, created_at) VALUES ($1, 'in_flight', $2, ${NOW} + $3::bigint, ${NOW} + $3::bigint, ${NOW}) ON CONFLICT (dedupe_key) DO NOTHING`, values: [k, 'tok', 300000] });
  if (r.rowCount !== 1) throw new Error('y');
  await pool.query({ name: 'floor_complete', text: `UPDATE ${floorTable} SET state = 'completed', completed_at = ${NOW}, expires_at = ${NOW} + $3::bigint WHERE dedupe_key = $1 AND token = $2 AND state = 'in_flight'`, values: [k, 'tok', 259200000] });
}
async function time(fn: () => Promise<void>, iters: number, par: number) {
  const t = process.hrtime.bigint();
  let left = iters;
  await Promise.all(Array.from({ length: par }, async () => { while (left-- > 0) await fn(); }));
  return Number(process.hrtime.bigint() - t) / iters;
}
for (const par of [1, 8]) for (let r = 0; r < 3; r++) {
  const a = await time(ours, 1000, par); const b = await time(floor, 1000, par);
  console.log(par, r, (a / 1000).toFixed(0), (b / 1000).toFixed(0), (a / b).toFixed(2));
}
await pool.query(`DROP TABLE ${table}; DROP TABLE ${floorTable}`);
await pool.end();
