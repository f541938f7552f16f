import { redisStore } from '@hooklatch/store-redis';
import { mysqlStore, postgresStore, sqliteStore } from '@hooklatch/store-sql';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { type DedupeStore, memoryStore, processOnce } from '../src/index';

const run = Math.random().toString(36).slice(2, 8);
const table = `hl_adv_${run}`;
const redis = new Redis(process.env.HOOKLATCH_REDIS_URL as string);
const pool = new pg.Pool({ connectionString: process.env.HOOKLATCH_PG_URL, max: 4 });
const my = mysql.createPool({ uri: process.env.HOOKLATCH_MYSQL_URL as string, connectionLimit: 4 });
const db = new Database(':memory:');
const stores: [string, () => Promise<DedupeStore>][] = [
  ['memory', async () => memoryStore()],
  ['redis', async () => redisStore({ client: redis, prefix: `adv-${run}:` })],
  ['postgres', async () => { const s = postgresStore({ client: pool, table }); await s.createSchema(); return s; }],
  ['mysql', async () => { const s = mysqlStore({ client: my, table }); await s.createSchema(); return s; }],
  ['sqlite', async () => { const s = sqliteStore({ database: db, table }); await s.createSchema(); return s; }],
];
afterAll(async () => {
  await pool.query(`DROP TABLE IF EXISTS ${table}`); await pool.end();
  await my.query(`DROP TABLE IF EXISTS ${table}`); await my.end();
  const keys = await redis.keys(`adv-${run}:*`); if (keys.length) await redis.del(...keys); redis.disconnect();
});
const keys = ['k', 'k ', 'K', 'k\u0000', '\ud800', '\udc00x', 'x'.repeat(10_000), '\u{1F600}', '~sha256:abc', '', ' ', '\n', 'ß', 'ss', 'é', 'e\u0301', '%', '_', "'", '\\', '"'];
for (const [name, make] of stores) {
  describe(name, () => {
    it('weird keys through processOnce, with and without replay guard', async () => {
      const store = await make();
      const ran: string[] = [];
      for (const guard of ['off', 'digest'] as const) {
        for (const [i, k] of keys.entries()) {
          const event = { provider: 'p', type: 't', id: k, dedupeKey: `p${guard}:${k}`, payload: {}, digest: `sha256:${guard}${i}` } as never;
          const a = await processOnce(store, event, () => { ran.push(k); return { i }; }, { replayGuard: guard, logger: false, keyPrefix: '\u0000pre ' });
          const b = await processOnce(store, event, () => { ran.push(`again:${k}`); return 0; }, { replayGuard: guard, logger: false, keyPrefix: '\u0000pre ' });
          expect([a.outcome, a.outcome === 'processed' && a.completion, b.outcome], JSON.stringify(k).slice(0, 30)).toEqual(['processed', 'stored', 'duplicate']);
          if (b.outcome === 'duplicate') expect(b.result).toEqual({ i });
        }
      }
      expect(ran.filter((r) => r.startsWith('again:'))).toEqual([]);
    }, 60_000);
  });
}
