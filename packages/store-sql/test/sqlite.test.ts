/**
 * sqliteStore on a temp database file with better-sqlite3, both as a store-opened file and as an
 * injected Database. No server needed, so these always run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { postgresStore, sqliteStore } from '@hooklatch/store-sql';
import { describeStore } from '@hooklatch/testing/vitest';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeSqlExtras } from './support/sql-extras';

const table = 'hl_sqlite';
let dir: string;
let db: Database.Database;
// In hooks, not at module level: vitest skips hooks of fully filtered-out files, and a
// module-level temp dir would then never be removed.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hooklatch-sqlite-'));
  db = new Database(join(dir, 'dedupe.db'), { timeout: 5_000 });
  db.pragma('journal_mode = WAL');
  await sqliteStore({ database: db, table }).createSchema();
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describeStore({
  name: 'sqlite (better-sqlite3, injected Database)',
  create: ({ prefix }) => sqliteStore({ database: db, table, prefix }),
});

describeStore({
  name: 'sqlite (better-sqlite3, store-opened file)',
  create: async ({ prefix }) => {
    const store = sqliteStore({ filename: join(dir, 'opened.db'), table, prefix });
    await store.createSchema();
    return store;
  },
});

describeSqlExtras('sqlite (better-sqlite3)', table, {
  setup: async () => {
    db.exec(`CREATE TABLE IF NOT EXISTS ${table}_orders (id TEXT)`);
  },
  teardown: async () => {
    db.exec(`DROP TABLE IF EXISTS ${table}_orders`);
  },
  store: (t, prefix) => sqliteStore({ database: db, table: t, prefix }),
  // better-sqlite3 transactions are synchronous: complete's UPDATE starts before it returns, so
  // it runs inside the transaction; its promise settles afterwards.
  async transaction(commit, fn) {
    let pending: Promise<void> | undefined;
    const run = db.transaction(() => {
      pending = fn(db);
      if (!commit) throw new Error('roll back');
    });
    try {
      run();
    } finally {
      await pending;
    }
  },
  insertOrder: async (tx, id) => {
    (tx as Database.Database).prepare(`INSERT INTO ${table}_orders (id) VALUES (?)`).run(id);
  },
  dropTable: async (t) => {
    db.exec(`DROP TABLE IF EXISTS ${t}`);
  },
  countOrders: async (id) =>
    (db.prepare(`SELECT id FROM ${table}_orders WHERE id = ?`).all(id) as unknown[]).length,
});

describe('sqlite judges leases by its own SQL clock', () => {
  it('an app clock 10 minutes ahead neither ends a live lease nor shrinks what is left', async () => {
    const store = sqliteStore({ database: db, table, prefix: 'clock-' });
    const first = await store.claim('k', { leaseMs: 5_000, ttlMs: 60_000 });
    if (first.status !== 'claimed') throw new Error(`expected claimed, got ${first.status}`);
    const skewed = vi.spyOn(Date, 'now').mockReturnValue(Date.now() + 600_000);
    try {
      const copy = await store.claim('k', { leaseMs: 5_000, ttlMs: 60_000 });
      expect(copy.status).toBe('in_flight');
      if (copy.status === 'in_flight') {
        expect(copy.leaseRemainingMs).toBeGreaterThan(3_000);
        expect(copy.leaseRemainingMs).toBeLessThanOrEqual(5_000);
      }
      expect(await store.extend('k', first.token, 5_000)).toBe(true);
      expect(await store.get('k')).toMatchObject({ state: 'in_flight', token: first.token });
    } finally {
      skewed.mockRestore();
    }
  });
});

describe('sql store configuration', () => {
  it('rejects table names that are not plain identifiers', () => {
    for (const bad of ['x; DROP TABLE y', 'a-b', '"quoted"', 'a.b.c', '', '1abc']) {
      expect(() => sqliteStore({ database: db, table: bad })).toThrow(
        expect.objectContaining({ code: 'CONFIG_INVALID' }),
      );
    }
    expect(sqliteStore({ database: db, table: 'main.ok_name' }).table).toBe('main.ok_name');
  });

  it('rejects a missing client or database', () => {
    expect(() => sqliteStore({})).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    expect(() => postgresStore({ client: {} as never })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });

  it('close() closes a database the store opened, never an injected one', async () => {
    const injected = sqliteStore({ database: db, table });
    await injected.close();
    expect(db.open).toBe(true);
    const path = join(dir, 'owned.db');
    const owned = sqliteStore({ filename: path, table });
    await owned.createSchema();
    await owned.close();
    await expect(owned.get('k')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
  });
});
