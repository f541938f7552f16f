/**
 * The migration files in docs/stores/sql/ must stay in step with createSchema(): SQLite compares
 * the stored DDL text; PostgreSQL and MySQL compare the resulting columns.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mysqlStore, postgresStore, sqliteStore } from '@hooklatch/store-sql';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { serverUrl, uniqueName } from './support/servers';

const migration = (dialect: string, table: string) =>
  readFileSync(
    fileURLToPath(new URL(`../../../docs/stores/sql/${dialect}.sql`, import.meta.url)),
    'utf8',
  ).replaceAll('hooklatch_dedupe', table);
const squash = (sql: string) => sql.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')');

describe('migration files match createSchema()', () => {
  it('sqlite', async () => {
    const fromFile = new Database(':memory:');
    fromFile.exec(migration('sqlite', 'hooklatch_dedupe'));
    const fromStore = new Database(':memory:');
    await sqliteStore({ database: fromStore }).createSchema();
    const ddl = (db: Database.Database) =>
      (
        db.prepare('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name').all() as {
          sql: string;
        }[]
      ).map((r) => squash(r.sql));
    expect(ddl(fromFile)).toEqual(ddl(fromStore));
  });

  const pgUrl = serverUrl('pg');
  it.skipIf(!pgUrl)('postgres', async () => {
    const pool = new pg.Pool({ connectionString: pgUrl, max: 1 });
    const [a, b] = [uniqueName('hl_mig_file'), uniqueName('hl_mig_store')];
    const columns = async (t: string) =>
      (
        await pool.query(
          `SELECT column_name, data_type, is_nullable FROM information_schema.columns
           WHERE table_name = $1 ORDER BY column_name`,
          [t],
        )
      ).rows;
    try {
      await pool.query(migration('postgres', a));
      await postgresStore({ client: pool, table: b }).createSchema();
      expect(await columns(a)).toEqual(await columns(b));
      expect((await columns(a)).length).toBe(9);
    } finally {
      await pool.query(`DROP TABLE IF EXISTS ${a}; DROP TABLE IF EXISTS ${b}`);
      await pool.end();
    }
  });

  const myUrl = serverUrl('mysql');
  it.skipIf(!myUrl)('mysql', async () => {
    const pool = mysql.createPool({ uri: myUrl as string, connectionLimit: 1 });
    const [a, b] = [uniqueName('hl_mig_file'), uniqueName('hl_mig_store')];
    const columns = async (t: string) =>
      (
        await pool.query(
          `SELECT column_name, column_type, is_nullable, collation_name
           FROM information_schema.columns
           WHERE table_schema = DATABASE() AND table_name = ? ORDER BY column_name`,
          [t],
        )
      )[0];
    try {
      await pool.query(migration('mysql', a));
      await mysqlStore({ client: pool, table: b }).createSchema();
      expect(await columns(a)).toEqual(await columns(b));
      expect((await columns(a)) as unknown[]).toHaveLength(9);
    } finally {
      await pool.query(`DROP TABLE IF EXISTS ${a}, ${b}`);
      await pool.end();
    }
  });
});
