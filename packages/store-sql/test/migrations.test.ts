/**
 * The migration files shipped in sql/ must stay in step with createSchema(): SQLite compares
 * the stored DDL text; PostgreSQL and MySQL compare the resulting columns. A schema v1 table
 * (hooklatch 0.1) must reach v2 both through the upgrade file and through createSchema(), keep
 * its old rows readable, and then keep keys apart that v1 could not.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { mysqlStore, postgresStore, type SqlDedupeStore, sqliteStore } from '@hooklatch/store-sql';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { serverUrl, uniqueName } from './support/servers';
import { mysqlV1, pgV1, sqliteV1, V1_ROW } from './support/v1-schema';

const migration = (file: string, table: string) =>
  readFileSync(fileURLToPath(new URL(`../sql/${file}.sql`, import.meta.url)), 'utf8').replaceAll(
    'hooklatch_dedupe',
    table,
  );
const squash = (sql: string) => sql.replace(/\s+/g, ' ').replace(/\( /g, '(').replace(/ \)/g, ')');
const long = { leaseMs: 60_000, ttlMs: 60_000 };

/** The v1 row, as hooklatch 0.1 wrote it, in positional parameters. */
const v1Params = () => {
  const now = Date.now();
  return [V1_ROW.key, V1_ROW.token, now, now + 3_600_000, V1_ROW.result, now, now];
};
const V1_INSERT = (t: string, p: (i: number) => string) =>
  `INSERT INTO ${t} (dedupe_key, state, token, lease_expires_at, expires_at, result, claims,
     created_at, completed_at)
   VALUES (${p(1)}, 'completed', ${p(2)}, ${p(3)}, ${p(4)}, ${p(5)}, 1, ${p(6)}, ${p(7)})`;

/**
 * createSchema() upgrades a v1 table holding a v1 row; the store then works in full. 0.1 wrote
 * keys without a prefix: an upgraded store keeps finding them only with `prefix: ''` (the
 * default is now 'hooklatch:', see docs/stores/sql.md), which the callers below pass.
 */
async function expectUpgradeByCreateSchema(store: SqlDedupeStore) {
  await Promise.all([store.createSchema(), store.createSchema()]);
  await store.createSchema();
  expect(await store.get(V1_ROW.key)).toMatchObject({
    key: V1_ROW.key,
    state: 'completed',
    token: V1_ROW.token,
    result: { v: 1 },
  });
  expect((await store.claim(V1_ROW.key, long)).status).toBe('completed');
  // Keys the v1 columns folded together (PAD SPACE) or refused (NUL), with a digest.
  for (const key of ['k', 'k ', 'n\u0000', 'x'.repeat(600)]) {
    const claim = await store.claim(key, { ...long, digest: `sha256:${key.length}` });
    expect(claim.status, `key of length ${key.length}`).toBe('claimed');
    const record = await store.get(key);
    expect(record?.key === key).toBe(true);
    expect(record?.digest).toBe(`sha256:${key.length}`);
  }
}

describe('migration files match createSchema()', () => {
  const tables = (db: Database.Database) =>
    (
      db.prepare('SELECT sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY name').all() as {
        sql: string;
      }[]
    ).map((r) => squash(r.sql));
  const columns = (db: Database.Database, t: string) =>
    db.prepare(`PRAGMA table_info(${t})`).all() as { name: string; type: string }[];

  it('sqlite: fresh v2 file and createSchema()', async () => {
    const fromFile = new Database(':memory:');
    fromFile.exec(migration('sqlite', 'hooklatch_dedupe'));
    const fromStore = new Database(':memory:');
    await sqliteStore({ database: fromStore }).createSchema();
    expect(tables(fromFile)).toEqual(tables(fromStore));
    expect(columns(fromStore, 'hooklatch_dedupe')).toHaveLength(11);
  });

  it('sqlite: v1 table upgraded by the upgrade file and by createSchema()', async () => {
    const fresh = new Database(':memory:');
    await sqliteStore({ database: fresh }).createSchema();
    const byFile = new Database(':memory:');
    byFile.exec(sqliteV1('hooklatch_dedupe'));
    byFile.exec(migration('sqlite-upgrade-v2', 'hooklatch_dedupe'));
    expect(columns(byFile, 'hooklatch_dedupe')).toEqual(columns(fresh, 'hooklatch_dedupe'));

    const db = new Database(':memory:');
    db.exec(sqliteV1('legacy'));
    db.prepare(V1_INSERT('legacy', () => '?')).run(...v1Params());
    await expectUpgradeByCreateSchema(sqliteStore({ database: db, table: 'legacy', prefix: '' }));
    expect(columns(db, 'legacy')).toEqual(columns(fresh, 'hooklatch_dedupe'));
  });

  const pgUrl = serverUrl('pg');
  it.skipIf(!pgUrl)('postgres', async () => {
    const pool = new pg.Pool({ connectionString: pgUrl, max: 2 });
    const [file, store, upgraded, legacy] = ['file', 'store', 'upg', 'legacy'].map((n) =>
      uniqueName(`hl_mig_${n}`),
    ) as [string, string, string, string];
    const columns = async (t: string, withCollation = true) =>
      (
        await pool.query(
          `SELECT column_name, data_type, is_nullable
             ${withCollation ? ', collation_name' : ''}
           FROM information_schema.columns WHERE table_name = $1 ORDER BY column_name`,
          [t],
        )
      ).rows;
    try {
      await pool.query(migration('postgres', file));
      await postgresStore({ client: pool, table: store }).createSchema();
      expect(await columns(file)).toEqual(await columns(store));
      expect(await columns(file)).toHaveLength(11);
      expect((await columns(store)).find((c) => c.column_name === 'dedupe_key')).toMatchObject({
        collation_name: 'C',
      });

      await pool.query(pgV1(upgraded));
      await pool.query(migration('postgres-upgrade-v2', upgraded));
      await pool.query(migration('postgres-upgrade-v2', upgraded)); // idempotent
      expect(await columns(upgraded, false)).toEqual(await columns(store, false));

      await pool.query(pgV1(legacy));
      await pool.query(
        V1_INSERT(legacy, (i) => `$${i}`),
        v1Params(),
      );
      await expectUpgradeByCreateSchema(postgresStore({ client: pool, table: legacy, prefix: '' }));
      expect(await columns(legacy, false)).toEqual(await columns(store, false));
    } finally {
      for (const t of [file, store, upgraded, legacy])
        await pool.query(`DROP TABLE IF EXISTS ${t}`);
      await pool.end();
    }
  });

  const myUrl = serverUrl('mysql');
  it.skipIf(!myUrl)('mysql', async () => {
    const pool = mysql.createPool({
      uri: myUrl as string,
      connectionLimit: 2,
      multipleStatements: true,
    });
    const [file, store, upgraded, legacy] = ['file', 'store', 'upg', 'legacy'].map((n) =>
      uniqueName(`hl_mig_${n}`),
    ) as [string, string, string, string];
    const columns = async (t: string, only?: string[]) => {
      const [rows] = await pool.query(
        `SELECT column_name, column_type, is_nullable, collation_name
         FROM information_schema.columns
         WHERE table_schema = DATABASE() AND table_name = ? ORDER BY column_name`,
        [t],
      );
      const all = rows as { column_name?: string; COLUMN_NAME?: string }[];
      const name = (c: (typeof all)[number]) => c.column_name ?? c.COLUMN_NAME ?? '';
      return only ? all.filter((c) => only.includes(name(c))) : all;
    };
    try {
      await pool.query(migration('mysql', file));
      await mysqlStore({ client: pool, table: store }).createSchema();
      expect(await columns(file)).toEqual(await columns(store));
      expect(await columns(file)).toHaveLength(11);

      const added = ['key_text', 'digest'];
      await pool.query(mysqlV1(upgraded));
      await pool.query(migration('mysql-upgrade-v2', upgraded));
      expect(await columns(upgraded, added)).toEqual(await columns(store, added));
      expect(await columns(upgraded)).toHaveLength(11);

      await pool.query(mysqlV1(legacy));
      await pool.query(
        V1_INSERT(legacy, () => '?'),
        v1Params(),
      );
      await expectUpgradeByCreateSchema(mysqlStore({ client: pool, table: legacy, prefix: '' }));
      expect(await columns(legacy, added)).toEqual(await columns(store, added));
    } finally {
      await pool.query(`DROP TABLE IF EXISTS ${file}, ${store}, ${upgraded}, ${legacy}`);
      await pool.end();
    }
  });
});
