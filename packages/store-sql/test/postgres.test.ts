/**
 * postgresStore against the real PostgreSQL server in HOOKLATCH_PG_URL, through both drivers:
 * `pg` (Pool, plus a pool client for transactions) and postgres.js.
 */
import { postgresStore } from '@hooklatch/store-sql';
import { describeStore } from '@hooklatch/testing/vitest';
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl, uniqueName } from './support/servers';
import { describeSqlExtras } from './support/sql-extras';

const url = serverUrl('pg');

describe.skipIf(!url)('postgres via pg Pool', () => {
  const table = uniqueName('hl_pg');
  const pool = new pg.Pool({
    connectionString: url,
    max: 8,
    connectionTimeoutMillis: 5_000,
    query_timeout: 10_000,
  });
  beforeAll(() => postgresStore({ client: pool, table }).createSchema());
  afterAll(async () => {
    await pool.query(`DROP TABLE IF EXISTS ${table}`);
    await pool.end();
  });

  describeStore({
    name: 'postgres (pg Pool)',
    create: ({ prefix }) => postgresStore({ client: pool, table, prefix }),
  });

  it('a claim stuck behind a row lock fails with STORE_UNAVAILABLE after timeoutMs', async () => {
    const impatient = new pg.Pool({ connectionString: url, max: 2 });
    impatient.on('error', () => {});
    const prefix = uniqueName('lock');
    const store = postgresStore({ client: impatient, table, prefix, timeoutMs: 300 });
    const holder = await pool.connect();
    try {
      expect((await store.claim('k', { leaseMs: 1, ttlMs: 60_000 })).status).toBe('claimed');
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM ${table} WHERE dedupe_key LIKE 'lock%' FOR UPDATE`);
      await expect(store.claim('k', { leaseMs: 60_000, ttlMs: 60_000 })).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
      });
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
      await impatient.end();
    }
  });

  describeSqlExtras('postgres (pg)', table, {
    setup: () => pool.query(`CREATE TABLE IF NOT EXISTS ${table}_orders (id text)`).then(() => {}),
    teardown: () => pool.query(`DROP TABLE IF EXISTS ${table}_orders`).then(() => {}),
    store: (t, prefix) => postgresStore({ client: pool, table: t, prefix }),
    async transaction(commit, fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await fn(client);
        await client.query(commit ? 'COMMIT' : 'ROLLBACK');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    insertOrder: (tx, id) =>
      (tx as pg.PoolClient)
        .query(`INSERT INTO ${table}_orders (id) VALUES ($1)`, [id])
        .then(() => {}),
    dropTable: (t) => pool.query(`DROP TABLE IF EXISTS ${t}`).then(() => {}),
    countOrders: async (id) =>
      (await pool.query(`SELECT id FROM ${table}_orders WHERE id = $1`, [id])).rowCount ?? 0,
  });
});

describe.skipIf(!url)('postgres via postgres.js', () => {
  const table = uniqueName('hl_pgjs');
  const sql = postgres(url as string, { max: 8, connect_timeout: 5, onnotice: () => {} });
  const client = sql;
  beforeAll(() => postgresStore({ client, table }).createSchema());
  afterAll(async () => {
    await sql.unsafe(`DROP TABLE IF EXISTS ${table}`);
    await sql.end();
  });

  describeStore({
    name: 'postgres (postgres.js)',
    create: ({ prefix }) => postgresStore({ client, table, prefix }),
  });

  class Rollback extends Error {}
  describeSqlExtras('postgres (postgres.js)', table, {
    setup: () => sql.unsafe(`CREATE TABLE IF NOT EXISTS ${table}_orders (id text)`).then(() => {}),
    teardown: () => sql.unsafe(`DROP TABLE IF EXISTS ${table}_orders`).then(() => {}),
    store: (t, prefix) => postgresStore({ client, table: t, prefix }),
    async transaction(commit, fn) {
      try {
        await sql.begin(async (tx) => {
          await fn(tx);
          if (!commit) throw new Rollback('roll back');
        });
      } catch (error) {
        if (!(error instanceof Rollback)) throw error;
      }
    },
    insertOrder: (tx, id) =>
      (tx as postgres.TransactionSql)
        .unsafe(`INSERT INTO ${table}_orders (id) VALUES ($1)`, [id])
        .then(() => {}),
    dropTable: (t) => sql.unsafe(`DROP TABLE IF EXISTS ${t}`).then(() => {}),
    countOrders: async (id) =>
      (await sql.unsafe(`SELECT id FROM ${table}_orders WHERE id = $1`, [id])).length,
  });
});
