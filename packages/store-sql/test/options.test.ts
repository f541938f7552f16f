/**
 * Options are checked at construction (per-call values at the call): CONFIG_INVALID naming the
 * option, the same names and meaning on every SQL store. No server needed: the clients are
 * created but never connect.
 */
import { mysqlStore, postgresStore, type SqlDedupeStore, sqliteStore } from '@hooklatch/store-sql';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

const pool = new pg.Pool({ connectionString: 'postgres://nobody@127.0.0.1:1/x' });
const myPool = mysql.createPool({ uri: 'mysql://nobody@127.0.0.1:1/x' });
const db = new Database(':memory:');
afterAll(async () => {
  await Promise.all([pool.end(), myPool.end()]);
  db.close();
});

type Build = (options: Record<string, unknown>) => SqlDedupeStore;
const stores: [string, Build][] = [
  ['postgres', (o) => postgresStore({ client: pool, ...o })],
  ['mysql', (o) => mysqlStore({ client: myPool, ...o })],
  ['sqlite', (o) => sqliteStore({ database: db, ...o })],
];
const invalid = (option: string) =>
  expect.objectContaining({ code: 'CONFIG_INVALID', details: expect.objectContaining({ option }) });

describe.each(stores)('%s store options', (_, build) => {
  it('timeoutMs must be a positive number (default 5000)', () => {
    for (const bad of [0, -1, Number.NaN, '100', 2 ** 31, null]) {
      expect(() => build({ timeoutMs: bad })).toThrow(invalid('timeoutMs'));
    }
    expect(() => build({ timeoutMs: 1 })).not.toThrow();
    expect(() => build({})).not.toThrow();
  });

  it('prefix must be printable ASCII without spaces, at most 55 characters', () => {
    for (const bad of ['a b', 'é', 'x'.repeat(56), 'tab\t', 'nul\u0000', 42]) {
      expect(() => build({ prefix: bad })).toThrow(invalid('prefix'));
    }
    expect(() => build({ prefix: 'x'.repeat(55) })).not.toThrow();
    expect(() => build({ prefix: 'tenant-1:' })).not.toThrow();
  });

  it('per-call durations and digests are checked before any statement runs', async () => {
    // The clients point at a closed port: a check that let the call through would fail with
    // STORE_UNAVAILABLE instead.
    const store = build({ timeoutMs: 2_000 });
    // 4e12 ms: past the 100 years every hooklatch store accepts (storeOptionChecks).
    for (const leaseMs of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, 4e12]) {
      await expect(store.claim('k', { leaseMs, ttlMs: 1_000 })).rejects.toMatchObject(
        invalid('leaseMs'),
      );
      await expect(store.extend('k', 't', leaseMs)).rejects.toMatchObject(invalid('leaseMs'));
    }
    await expect(store.claim('k', { leaseMs: 1_000, ttlMs: 0 })).rejects.toMatchObject(
      invalid('ttlMs'),
    );
    await expect(store.complete('k', 't', { ttlMs: -1 })).rejects.toMatchObject(invalid('ttlMs'));
    await expect(store.claim(42 as never, { leaseMs: 1_000, ttlMs: 1_000 })).rejects.toMatchObject(
      invalid('key'),
    );
    await expect(store.complete('k', 't', undefined as never)).rejects.toMatchObject(
      invalid('complete options'),
    );
    for (const digest of ['', 'x'.repeat(129), 'é', 'a\u0000']) {
      await expect(
        store.claim('k', { leaseMs: 1_000, ttlMs: 1_000, digest }),
      ).rejects.toMatchObject(invalid('digest'));
    }
  });
});

describe.each(stores)('%s store complete({ tx })', (_, build) => {
  it('a tx handle the store cannot run statements on is CONFIG_INVALID naming tx', async () => {
    const store = build({});
    for (const tx of [{}, null, 'tx', 42]) {
      await expect(store.complete('k', 't', { ttlMs: 1_000, tx })).rejects.toMatchObject(
        invalid('tx'),
      );
    }
  });
});

describe('renamed options point at timeoutMs', () => {
  it('mysql queryTimeoutMs and sqlite busyTimeoutMs', () => {
    expect(() => mysqlStore({ client: myPool, queryTimeoutMs: 100 } as never)).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: expect.stringContaining('timeoutMs'),
        details: { option: 'queryTimeoutMs' },
      }),
    );
    expect(() => sqliteStore({ database: db, busyTimeoutMs: 100 } as never)).toThrow(
      invalid('busyTimeoutMs'),
    );
  });
});
