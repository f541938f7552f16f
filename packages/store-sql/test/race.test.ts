/**
 * The cross-process race per SQL database: 2 OS processes x 32 concurrent claimers over the same
 * 1,000 keys. Every key must be claimed exactly once and no claim may fail.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mysqlStore, postgresStore, type SqlDedupeStore, sqliteStore } from '@hooklatch/store-sql';
import { runClaimRace } from '@hooklatch/testing';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { serverUrl, uniqueName } from './support/servers';

const factory = (name: string) => fileURLToPath(new URL(`./race/${name}`, import.meta.url));
const pgUrl = serverUrl('pg');
const mysqlUrl = serverUrl('mysql');

/** Create the schema, race the children built by `factoryFile`, then always clean up. */
async function race(
  factoryFile: string,
  store: SqlDedupeStore,
  env: Record<string, string>,
  cleanup: () => Promise<void>,
) {
  try {
    await store.createSchema();
    const report = await runClaimRace({ factoryModule: factory(factoryFile), env });
    expect(report.errors).toEqual([]);
    expect(report.claims).toBe(2 * 32 * 1000);
    expect(report.claimedPerKey).toHaveLength(1000);
    expect(report.claimedPerKey.filter((n) => n !== 1)).toEqual([]);
  } finally {
    await cleanup();
  }
}

describe('cross-process claim race', () => {
  it.skipIf(!pgUrl)(
    'postgres: each of 1,000 keys claimed exactly once',
    async () => {
      const table = uniqueName('hl_race_pg');
      const pool = new pg.Pool({ connectionString: pgUrl, max: 1 });
      await race(
        'postgres-factory.ts',
        postgresStore({ client: pool, table }),
        { HOOKLATCH_RACE_TABLE: table },
        async () => {
          await pool.query(`DROP TABLE IF EXISTS ${table}`);
          await pool.end();
        },
      );
    },
    180_000,
  );

  it.skipIf(!mysqlUrl)(
    'mysql: each of 1,000 keys claimed exactly once',
    async () => {
      const table = uniqueName('hl_race_my');
      const pool = mysql.createPool({ uri: mysqlUrl as string, connectionLimit: 1 });
      await race(
        'mysql-factory.ts',
        mysqlStore({ client: pool, table }),
        { HOOKLATCH_RACE_TABLE: table },
        async () => {
          await pool.query(`DROP TABLE IF EXISTS ${table}`);
          await pool.end();
        },
      );
    },
    180_000,
  );

  it('sqlite (WAL file shared by two processes): each key claimed exactly once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hooklatch-race-'));
    const file = join(dir, 'race.db');
    const setup = sqliteStore({ filename: file });
    await race('sqlite-factory.ts', setup, { HOOKLATCH_RACE_SQLITE_FILE: file }, async () => {
      await setup.close();
      rmSync(dir, { recursive: true, force: true });
    });
  }, 180_000);
});
