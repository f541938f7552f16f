/**
 * Replicas booting at once: 8 createSchema() calls, each on its own connection (each in its own
 * OS process for SQLite), on a fresh table name and on a v1 table that needs its columns added.
 * All must resolve and the table must then work. (PostgreSQL's plain CREATE TABLE IF NOT EXISTS
 * fails most such races with a duplicate key on pg_type.)
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mysqlStore, postgresStore, type SqlDedupeStore, sqliteStore } from '@hooklatch/store-sql';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import postgres from 'postgres';
import { describe, expect, it } from 'vitest';
import { serverUrl, uniqueName } from './support/servers';
import { mysqlV1, pgV1, sqliteV1 } from './support/v1-schema';

const REPLICAS = 8;
const long = { leaseMs: 60_000, ttlMs: 60_000 };

/** Every replica's createSchema() resolves; then the table takes claims with digests. */
async function expectAllResolve(stores: SqlDedupeStore[]) {
  const results = await Promise.allSettled(stores.map((store) => store.createSchema()));
  expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
  const first = stores[0] as SqlDedupeStore;
  expect((await first.claim('k ', { ...long, digest: 'sha256:d' })).status).toBe('claimed');
  expect(await first.get('k ')).toMatchObject({ key: 'k ', digest: 'sha256:d' });
}

const pgUrl = serverUrl('pg');
describe.skipIf(!pgUrl)('postgres: concurrent createSchema()', () => {
  for (const v1 of [false, true]) {
    const what = v1 ? 'v1 table being upgraded' : 'fresh table';
    it(`pg: ${REPLICAS} clients, ${what}`, async () => {
      const table = uniqueName('hl_schema_pg');
      const clients = Array.from({ length: REPLICAS }, () => new pg.Client(pgUrl));
      await Promise.all(clients.map((c) => c.connect()));
      try {
        if (v1) await clients[0]?.query(pgV1(table));
        await expectAllResolve(clients.map((client) => postgresStore({ client, table })));
      } finally {
        await clients[0]?.query(`DROP TABLE IF EXISTS ${table}`);
        await Promise.all(clients.map((c) => c.end()));
      }
    });

    it(`postgres.js: ${REPLICAS} instances, ${what}`, async () => {
      const table = uniqueName('hl_schema_pgjs');
      const sqls = Array.from({ length: REPLICAS }, () =>
        postgres(pgUrl as string, { max: 1, onnotice: () => {} }),
      );
      // Connect every instance before the race, so the calls overlap on the server.
      await Promise.all(sqls.map((sql) => sql`SELECT 1`));
      try {
        if (v1) await sqls[0]?.unsafe(pgV1(table));
        await expectAllResolve(sqls.map((client) => postgresStore({ client, table })));
      } finally {
        await sqls[0]?.unsafe(`DROP TABLE IF EXISTS ${table}`);
        await Promise.all(sqls.map((sql) => sql.end()));
      }
    });
  }
});

const myUrl = serverUrl('mysql');
describe.skipIf(!myUrl)('mysql: concurrent createSchema()', () => {
  for (const v1 of [false, true]) {
    it(`${REPLICAS} connections, ${v1 ? 'v1 table being upgraded' : 'fresh table'}`, async () => {
      const table = uniqueName('hl_schema_my');
      const connections = await Promise.all(
        Array.from({ length: REPLICAS }, () => mysql.createConnection({ uri: myUrl as string })),
      );
      try {
        if (v1) await connections[0]?.query(mysqlV1(table));
        await expectAllResolve(connections.map((client) => mysqlStore({ client, table })));
      } finally {
        await connections[0]?.query(`DROP TABLE IF EXISTS ${table}`);
        await Promise.all(connections.map((c) => c.end()));
      }
    }, 30_000);
  }
});

/** Start one child per replica, release them together, collect their verdicts. */
async function raceSqliteChildren(file: string, table: string): Promise<string[]> {
  const child = fileURLToPath(new URL('./support/sqlite-schema-child.ts', import.meta.url));
  const children = Array.from({ length: REPLICAS }, () =>
    spawn(process.execPath, ['--import', 'tsx', child, file, table], { stdio: 'pipe' }),
  );
  const outputs = children.map((c) => {
    let out = '';
    c.stdout.on('data', (d) => {
      out += d;
    });
    c.stderr.on('data', (d) => {
      out += d;
    });
    const ready = new Promise<void>((resolve) => {
      const check = () => out.includes('READY') && resolve();
      c.stdout.on('data', check);
      c.on('close', () => resolve());
    });
    const done = new Promise<string>((resolve) => c.on('close', () => resolve(out)));
    return { ready, done };
  });
  await Promise.all(outputs.map((o) => o.ready));
  for (const c of children) c.stdin.end('GO\n');
  const all = await Promise.all(outputs.map((o) => o.done));
  return all.map((out) => out.replace('READY\n', '').trim());
}

describe('sqlite: concurrent createSchema()', () => {
  for (const v1 of [false, true]) {
    it(`${REPLICAS} processes on one file, ${v1 ? 'v1 table being upgraded' : 'fresh table'}`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'hooklatch-schema-'));
      const file = join(dir, 'schema.db');
      try {
        const db = new Database(file);
        db.pragma('journal_mode = WAL');
        if (v1) db.exec(sqliteV1('replicas'));
        db.close();
        expect(await raceSqliteChildren(file, 'replicas')).toEqual(Array(REPLICAS).fill('OK'));
        const store = sqliteStore({ filename: file, table: 'replicas' });
        try {
          await expectAllResolve([store]);
        } finally {
          await store.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }, 60_000);
  }
});
