/**
 * `complete(key, token, { tx })` with a handle that is not inside the caller's transaction: a
 * pg Pool or a mysql2 pool (each statement takes some pooled connection, never the one BEGIN
 * ran on). Such a completion would commit at once and outlive the caller's rollback: the event
 * would be answered as handled and never run again. Each is refused with CONFIG_INVALID and the
 * claim stays as it was. Real servers.
 */
import type { DedupeStore } from '@hooklatch/core';
import { mysqlStore, postgresInbox, postgresStore } from '@hooklatch/store-sql';
import mysql from 'mysql2/promise';
import pg from 'pg';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { serverUrl, uniqueName } from './support/servers';

const LEASE = { leaseMs: 60_000, ttlMs: 60_000 };

/** A minimal inbox delivery. */
const inboxDelivery = (key: string) => ({
  key,
  provider: 'tx-handle',
  type: 't',
  method: 'POST',
  headers: {},
  body: new TextEncoder().encode('{}'),
  receivedAt: new Date(),
});

/** Claim a key, try to complete it through `tx`, and return what the store then holds. */
async function completeThrough(store: DedupeStore, tx: unknown) {
  const key = `tx-handle:${Math.random().toString(36).slice(2)}`;
  const claim = await store.claim(key, LEASE);
  if (claim.status !== 'claimed') throw new Error('not claimed');
  const error = await store.complete(key, claim.token, { ttlMs: 60_000, tx }).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { error, record: await store.get(key) };
}

describe('complete({ tx }) refuses a handle outside the caller’s transaction', () => {
  /** The pool is refused; a session that began a transaction completes inside it. */
  async function poolRefusedSessionAccepted(
    store: DedupeStore & { createSchema(): Promise<void> },
    pool: unknown,
    session: () => Promise<{ tx: unknown; commit(): Promise<unknown>; release(): void }>,
  ) {
    await store.createSchema();
    const { error, record } = await completeThrough(store, pool);
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', details: { option: 'tx' } });
    expect(record?.state).toBe('in_flight');
    const key = 'tx-handle:session';
    const claim = await store.claim(key, LEASE);
    if (claim.status !== 'claimed') throw new Error('not claimed');
    const open = await session();
    try {
      expect(await store.complete(key, claim.token, { ttlMs: 60_000, tx: open.tx })).toBe(true);
      await open.commit();
    } finally {
      open.release();
    }
    expect((await store.get(key))?.state).toBe('completed');
  }

  it('PostgreSQL (pg): the Pool is refused, the client BEGIN ran on is not', async () => {
    const url = serverUrl('pg');
    if (!url) return;
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    const table = uniqueName('hl_tx_handle');
    try {
      await poolRefusedSessionAccepted(postgresStore({ client: pool, table }), pool, async () => {
        const client = await pool.connect();
        await client.query('BEGIN');
        return {
          tx: client,
          commit: () => client.query('COMMIT'),
          release: () => client.release(),
        };
      });
    } finally {
      await pool.query(`DROP TABLE IF EXISTS ${table}`);
      await pool.end();
    }
  });

  it('PostgreSQL (postgres.js): the root sql is refused, the sql.begin callback’s is not', async () => {
    const url = serverUrl('pg');
    if (!url) return;
    const sql = postgres(url, { max: 2, onnotice: () => {} });
    const table = uniqueName('hl_tx_handle');
    const store = postgresStore({ client: sql, table });
    try {
      await store.createSchema();
      const { error, record } = await completeThrough(store, sql);
      expect(error).toMatchObject({ code: 'CONFIG_INVALID', details: { option: 'tx' } });
      expect(record?.state).toBe('in_flight');
      const claim = await store.claim('tx-handle:begin', LEASE);
      if (claim.status !== 'claimed') throw new Error('not claimed');
      await sql.begin(async (tx) => {
        expect(await store.complete('tx-handle:begin', claim.token, { ttlMs: 60_000, tx })).toBe(
          true,
        );
      });
      expect((await store.get('tx-handle:begin'))?.state).toBe('completed');
      // The inbox makes the same check.
      const inbox = postgresInbox({ client: sql, table: `${table}_inbox` });
      await inbox.createSchema();
      await inbox.enqueue(inboxDelivery('tx-handle:inbox'));
      const [entry] = await inbox.claim({ leaseMs: 60_000, limit: 1 });
      if (!entry) throw new Error('no entry');
      await expect(inbox.complete(entry.entry.key, entry.token, { tx: sql })).rejects.toMatchObject(
        {
          code: 'CONFIG_INVALID',
        },
      );
      expect((await inbox.get('tx-handle:inbox'))?.state).toBe('running');
    } finally {
      await sql.unsafe(`DROP TABLE IF EXISTS ${table}`);
      await sql.unsafe(`DROP TABLE IF EXISTS ${table}_inbox`);
      await sql.end();
    }
  });

  it('MySQL / MariaDB: the pool is refused, the connection BEGIN ran on is not', async () => {
    const url = serverUrl('mysql');
    if (!url) return;
    const pool = mysql.createPool(url);
    const table = uniqueName('hl_tx_handle');
    try {
      await poolRefusedSessionAccepted(mysqlStore({ client: pool, table }), pool, async () => {
        const connection = await pool.getConnection();
        await connection.beginTransaction();
        return {
          tx: connection,
          commit: () => connection.commit(),
          release: () => connection.release(),
        };
      });
    } finally {
      await pool.query(`DROP TABLE IF EXISTS ${table}`);
      await pool.end();
    }
  });
});
