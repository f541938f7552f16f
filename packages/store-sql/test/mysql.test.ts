/**
 * mysqlStore against the real MariaDB/MySQL server in HOOKLATCH_MYSQL_URL through mysql2: a
 * promise pool for the suite and a pooled connection for the caller's transaction.
 */
import { mysqlStore } from '@hooklatch/store-sql';
import { describeStore } from '@hooklatch/testing/vitest';
import mysql from 'mysql2';
import mysqlPromise from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl, uniqueName } from './support/servers';
import { describeSqlExtras } from './support/sql-extras';

const url = serverUrl('mysql');

describe.skipIf(!url)('mysql via mysql2', () => {
  const table = uniqueName('hl_my');
  const pool = mysqlPromise.createPool({ uri: url, connectionLimit: 8, connectTimeout: 5_000 });
  beforeAll(() => mysqlStore({ client: pool, table }).createSchema());
  afterAll(async () => {
    await pool.query(`DROP TABLE IF EXISTS ${table}`);
    await pool.end();
  });

  describeStore({
    name: 'mysql (mysql2/promise pool)',
    create: ({ prefix }) => mysqlStore({ client: pool, table, prefix }),
  });

  it('accepts a callback-style mysql2 pool through .promise()', async () => {
    const callbackPool = mysql.createPool({ uri: url, connectionLimit: 2 });
    try {
      const store = mysqlStore({ client: callbackPool, table, prefix: uniqueName('cb') });
      const claim = await store.claim('k', { leaseMs: 60_000, ttlMs: 60_000 });
      expect(claim.status).toBe('claimed');
      expect((await store.claim('k', { leaseMs: 60_000, ttlMs: 60_000 })).status).toBe('in_flight');
    } finally {
      await callbackPool.promise().end();
    }
  });

  it('a claim stuck behind a row lock fails with STORE_UNAVAILABLE after timeoutMs', async () => {
    const prefix = uniqueName('lock');
    const store = mysqlStore({ client: pool, table, prefix, timeoutMs: 300 });
    expect((await store.claim('k', { leaseMs: 1, ttlMs: 60_000 })).status).toBe('claimed');
    const holder = await pool.getConnection();
    try {
      await holder.beginTransaction();
      await holder.query(`SELECT 1 FROM ${table} WHERE dedupe_key = ? FOR UPDATE`, [`${prefix}k`]);
      await expect(store.claim('k', { leaseMs: 60_000, ttlMs: 60_000 })).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
      });
    } finally {
      await holder.rollback();
      holder.release();
    }
  });

  it('extend answers by matched rows, also with CLIENT_FOUND_ROWS off', async () => {
    // Without FOUND_ROWS, affectedRows counts changed rows only: an extend landing in the same
    // millisecond as the previous one changes nothing and would read as a lost lease. The
    // session clock is pinned (SET timestamp) to make that millisecond certain.
    const strict = await mysqlPromise.createConnection({ uri: url, flags: ['-FOUND_ROWS'] });
    try {
      await strict.query('SET timestamp = ?', [Date.now() / 1000]);
      const store = mysqlStore({ client: strict, table, prefix: uniqueName('rows') });
      const claim = await store.claim('k', { leaseMs: 60_000, ttlMs: 60_000 });
      if (claim.status !== 'claimed') throw new Error(`expected claimed, got ${claim.status}`);
      expect(await store.extend('k', claim.token, 60_000)).toBe(true);
      expect(await store.extend('k', claim.token, 60_000)).toBe(true);
      expect(await store.extend('k', '01ARZ3NDEKTSV4RRFFQ69G5FAV', 60_000)).toBe(false);
    } finally {
      await strict.end();
    }
  });

  describeSqlExtras('mysql (mysql2)', table, {
    setup: () =>
      pool.query(`CREATE TABLE IF NOT EXISTS ${table}_orders (id VARCHAR(64))`).then(() => {}),
    teardown: () => pool.query(`DROP TABLE IF EXISTS ${table}_orders`).then(() => {}),
    store: (t, prefix) => mysqlStore({ client: pool, table: t, prefix }),
    async transaction(commit, fn) {
      const connection = await pool.getConnection();
      try {
        await connection.beginTransaction();
        await fn(connection);
        if (commit) await connection.commit();
        else await connection.rollback();
      } catch (error) {
        await connection.rollback();
        throw error;
      } finally {
        connection.release();
      }
    },
    insertOrder: (tx, id) =>
      (tx as mysqlPromise.PoolConnection)
        .query(`INSERT INTO ${table}_orders (id) VALUES (?)`, [id])
        .then(() => {}),
    dropTable: (t) => pool.query(`DROP TABLE IF EXISTS ${t}`).then(() => {}),
    countOrders: async (id) => {
      const [rows] = await pool.query(`SELECT id FROM ${table}_orders WHERE id = ?`, [id]);
      return (rows as unknown[]).length;
    },
  });
});
