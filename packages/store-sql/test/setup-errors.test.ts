/**
 * Setup mistakes are CONFIG_INVALID with the driver's code and advice, never STORE_UNAVAILABLE
 * (which makes the provider retry for days while the operator looks for an outage): a missing
 * table, a v1 table missing a column, a missing privilege, wrong credentials, an unknown
 * database, a driver module that is not installed. Refused connections stay STORE_UNAVAILABLE.
 * Every case runs against the real servers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mysqlStore, postgresStore, type SqlDedupeStore, sqliteStore } from '@hooklatch/store-sql';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toStoreError } from '../src/errors';
import { openSqliteFile } from '../src/sqlite-open';
import { closedPort } from './support/frozen-server';
import { serverUrl, uniqueName } from './support/servers';
import { mysqlV1, pgV1, sqliteV1 } from './support/v1-schema';

const long = { leaseMs: 60_000, ttlMs: 60_000 };

/** The claim fails with CONFIG_INVALID for `reason`, the driver's code, and `advice`. */
async function expectSetupError(
  store: SqlDedupeStore,
  reason: string,
  driverCode: string,
  advice: RegExp,
) {
  const error = await store.claim('k', long).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toMatchObject({ code: 'CONFIG_INVALID', httpStatus: 500 });
  expect((error as { details: object }).details).toMatchObject({ reason, driverCode });
  expect((error as Error).message).toMatch(advice);
}

const withUser = (url: string, user: string, password = '') => {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
};
const withDatabase = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

const pgUrl = serverUrl('pg');
describe.skipIf(!pgUrl)('postgres setup errors', () => {
  const url = pgUrl as string;
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const sql = postgres(url, { max: 2, onnotice: () => {} });
  const [v1, granted] = [uniqueName('hl_err_v1'), uniqueName('hl_err_perm')];
  const role = uniqueName('hl_noperm');
  beforeAll(async () => {
    await pool.query(pgV1(v1));
    await postgresStore({ client: pool, table: granted }).createSchema();
    await pool.query(`CREATE ROLE ${role} LOGIN`);
  });
  afterAll(async () => {
    await pool.query(`DROP TABLE IF EXISTS ${v1}, ${granted}`);
    await pool.query(`DROP ROLE IF EXISTS ${role}`);
    await Promise.all([pool.end(), sql.end()]);
  });

  for (const [driver, client] of [
    ['pg', pool],
    ['postgres.js', sql],
  ] as const) {
    it(`${driver}: missing table, v1 table and syntax errors are CONFIG_INVALID`, async () => {
      const missing = postgresStore({ client, table: uniqueName('hl_absent') });
      await expectSetupError(missing, 'missing_table', '42P01', /run createSchema\(\)/);
      const old = postgresStore({ client, table: v1 });
      await expectSetupError(old, 'missing_column', '42703', /createSchema\(\)/);
      // A statement the server refuses to parse is a bug or a setup mistake, not an outage.
      const syntax = await pool.query('SELEC 1').catch((e: unknown) => toStoreError('postgres', e));
      expect(syntax).toMatchObject({ code: 'CONFIG_INVALID', details: { driverCode: '42601' } });
    });
  }

  it('a user without privileges on the table is CONFIG_INVALID', async () => {
    const denied = new pg.Pool({ connectionString: withUser(url, role), max: 1 });
    try {
      const store = postgresStore({ client: denied, table: granted });
      await expectSetupError(store, 'permission', '42501', /grant/);
    } finally {
      await denied.end();
    }
  });

  it('an unknown database is CONFIG_INVALID; a refused connection is STORE_UNAVAILABLE', async () => {
    const noDb = new pg.Pool({ connectionString: withDatabase(url, uniqueName('hl_nodb')) });
    const refused = new pg.Pool({
      connectionString: `postgres://postgres@127.0.0.1:${await closedPort()}/x`,
    });
    try {
      await expectSetupError(postgresStore({ client: noDb }), 'unknown_database', '3D000', /exist/);
      await expect(postgresStore({ client: refused }).claim('k', long)).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
        details: { driverCode: 'ECONNREFUSED' },
      });
    } finally {
      await Promise.all([noDb.end(), refused.end()]);
    }
  });
});

const myUrl = serverUrl('mysql');
describe.skipIf(!myUrl)('mysql setup errors', () => {
  const url = myUrl as string;
  const pool = mysql.createPool({ uri: url, connectionLimit: 2 });
  const [v1, granted] = [uniqueName('hl_err_v1'), uniqueName('hl_err_perm')];
  const user = uniqueName('hl_noperm').slice(0, 32);
  beforeAll(async () => {
    await pool.query(mysqlV1(v1));
    await mysqlStore({ client: pool, table: granted }).createSchema();
    await pool.query(`CREATE USER '${user}'@'127.0.0.1'`);
  });
  afterAll(async () => {
    await pool.query(`DROP TABLE IF EXISTS ${v1}, ${granted}`);
    await pool.query(`DROP USER IF EXISTS '${user}'@'127.0.0.1'`);
    await pool.end();
  });

  it('missing table and v1 table are CONFIG_INVALID', async () => {
    const missing = mysqlStore({ client: pool, table: uniqueName('hl_absent') });
    await expectSetupError(missing, 'missing_table', 'ER_NO_SUCH_TABLE', /run createSchema\(\)/);
    const old = mysqlStore({ client: pool, table: v1 });
    await expectSetupError(old, 'missing_column', 'ER_BAD_FIELD_ERROR', /createSchema\(\)/);
  });

  it('missing privileges, wrong credentials and an unknown database are CONFIG_INVALID', async () => {
    const database = new URL(url).pathname.slice(1);
    const clients = [
      mysql.createPool({ uri: withDatabase(withUser(url, user), ''), connectionLimit: 1 }),
      mysql.createPool({ uri: withUser(url, 'root', 'not-the-password'), connectionLimit: 1 }),
      mysql.createPool({ uri: withDatabase(url, uniqueName('hl_nodb')), connectionLimit: 1 }),
    ] as const;
    try {
      const denied = mysqlStore({ client: clients[0], table: `${database}.${granted}` });
      await expectSetupError(denied, 'permission', 'ER_TABLEACCESS_DENIED_ERROR', /grant/);
      const badPassword = mysqlStore({ client: clients[1], table: granted });
      await expectSetupError(badPassword, 'credentials', 'ER_ACCESS_DENIED_ERROR', /credentials/);
      const noDb = mysqlStore({ client: clients[2], table: granted });
      await expectSetupError(noDb, 'unknown_database', 'ER_BAD_DB_ERROR', /exist/);
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
  });

  it('a refused connection is STORE_UNAVAILABLE', async () => {
    const refused = mysql.createPool({ uri: `mysql://root@127.0.0.1:${await closedPort()}/x` });
    try {
      await expect(mysqlStore({ client: refused }).claim('k', long)).rejects.toMatchObject({
        code: 'STORE_UNAVAILABLE',
        details: { driverCode: 'ECONNREFUSED' },
      });
    } finally {
      await refused.end();
    }
  });
});

describe('sqlite setup errors', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hooklatch-sqlite-err-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('missing table, v1 table and a read-only file are CONFIG_INVALID', async () => {
    const db = new Database(join(dir, 'setup.db'));
    try {
      await expectSetupError(
        sqliteStore({ database: db, table: 'absent' }),
        'missing_table',
        'SQLITE_ERROR',
        /run createSchema\(\)/,
      );
      db.exec(sqliteV1('legacy'));
      await expectSetupError(
        sqliteStore({ database: db, table: 'legacy' }),
        'missing_column',
        'SQLITE_ERROR',
        /createSchema\(\)/,
      );
      await sqliteStore({ database: db }).createSchema();
      const readonly = new Database(join(dir, 'setup.db'), { readonly: true });
      try {
        await expectSetupError(
          sqliteStore({ database: readonly }),
          'permission',
          'SQLITE_READONLY',
          /permissions/,
        );
      } finally {
        readonly.close();
      }
    } finally {
      db.close();
    }
  });

  it('a file in a directory that does not exist is CONFIG_INVALID, reason permission', async () => {
    const error = await openSqliteFile(join(dir, 'no-such-dir', 'x.db'), 1000).catch((e: unknown) =>
      toStoreError('sqlite', e),
    );
    expect(error).toMatchObject({ code: 'CONFIG_INVALID', details: { reason: 'permission' } });
  });

  it('a better-sqlite3 module that is not installed is CONFIG_INVALID', async () => {
    const error = await openSqliteFile(
      join(dir, 'never.db'),
      1000,
      () => import(['better-sqlite3', 'not-installed'].join('-') as 'better-sqlite3'),
    ).catch((e: unknown) => toStoreError('sqlite', e));
    expect(error).toMatchObject({
      code: 'CONFIG_INVALID',
      details: { reason: 'driver_missing', driverCode: 'ERR_MODULE_NOT_FOUND' },
    });
    expect((error as Error).message).toMatch(/not installed/);
  });
});

describe('a missing client is CONFIG_INVALID at construction', () => {
  it('for every SQL store', () => {
    const missing = expect.objectContaining({
      code: 'CONFIG_INVALID',
      details: expect.objectContaining({ option: expect.any(String) }),
    });
    expect(() => postgresStore({ client: undefined as never })).toThrow(missing);
    expect(() => postgresStore(undefined as never)).toThrow(missing);
    expect(() => mysqlStore({ client: undefined as never })).toThrow(missing);
    expect(() => sqliteStore({ database: undefined })).toThrow(missing);
  });
});
