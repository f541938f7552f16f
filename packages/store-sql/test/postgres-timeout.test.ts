/**
 * After `timeoutMs` gives up on a statement, the connection must not stay hung on it: pg gets
 * the store's timeout as `query_timeout` (the Pool then discards that connection), postgres.js
 * cancels the statement on the server. With a one-connection pool, the next call must succeed
 * while the statement that timed out would still be waiting for its row lock.
 */
import { postgresStore, type SqlDedupeStore } from '@hooklatch/store-sql';
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl, uniqueName } from './support/servers';

const url = serverUrl('pg');
const long = { leaseMs: 60_000, ttlMs: 60_000 };

describe.skipIf(!url)('postgres: a timed-out statement frees its connection', () => {
  const table = uniqueName('hl_pg_to');
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  beforeAll(() => postgresStore({ client: admin, table }).createSchema());
  afterAll(async () => {
    await admin.query(`DROP TABLE IF EXISTS ${table}`);
    await admin.end();
  });

  /** Lock `prefix`k's row, time a claim out on it, then use the same one-connection client. */
  async function expectFreedAfterTimeout(store: SqlDedupeStore, prefix: string) {
    expect((await store.claim('k', { leaseMs: 1, ttlMs: 60_000 })).status).toBe('claimed');
    const holder = await admin.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM ${table} WHERE dedupe_key = $1 FOR UPDATE`, [`${prefix}k`]);
      await expect(store.claim('k', long)).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
      // Still inside the lock: only a freed (or fresh) connection can answer this.
      expect((await store.claim('other', long)).status).toBe('claimed');
    } finally {
      await holder.query('ROLLBACK');
      holder.release();
    }
  }

  it('pg Pool (max 1): query_timeout discards the hung connection', async () => {
    const pool = new pg.Pool({ connectionString: url, max: 1 });
    pool.on('error', () => {});
    const prefix = uniqueName('pg');
    try {
      await expectFreedAfterTimeout(
        postgresStore({ client: pool, table, prefix, timeoutMs: 400 }),
        prefix,
      );
    } finally {
      await pool.end();
    }
  });

  it('postgres.js (max 1): the statement is cancelled on the server', async () => {
    const sql = postgres(url as string, { max: 1, onnotice: () => {} });
    const prefix = uniqueName('pgjs');
    try {
      await expectFreedAfterTimeout(
        postgresStore({ client: sql, table, prefix, timeoutMs: 400 }),
        prefix,
      );
    } finally {
      await sql.end({ timeout: 1 });
    }
  });
});
