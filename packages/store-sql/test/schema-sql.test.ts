/**
 * The DDL exported from code (`postgresSchemaSql`...) is the DDL of the files shipped in sql/,
 * statement for statement, so a migration tool can use either. Runs without a server: the
 * server suites (migrations.test.ts) prove that the files build the table createSchema() builds.
 */
import { mysqlInboxSchemaSql, mysqlSchemaSql } from '@hooklatch/store-sql/mysql';
import { postgresInboxSchemaSql, postgresSchemaSql } from '@hooklatch/store-sql/postgres';
import { sqliteInboxSchemaSql, sqliteSchemaSql } from '@hooklatch/store-sql/sqlite';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { shipped, statements } from './support/shipped-sql';

const dialects = [
  ['postgres', postgresSchemaSql],
  ['mysql', mysqlSchemaSql],
  ['sqlite', sqliteSchemaSql],
] as const;

describe('schema DDL from code', () => {
  it.each(dialects)('%s: the same statements as the shipped file', (file, ddl) => {
    expect(statements(ddl())).toEqual(statements(shipped(file)));
    expect(ddl('hooklatch_dedupe')).toBe(ddl());
  });

  it.each(dialects)('%s: another table name renames the table and its index', (_, ddl) => {
    const sql = ddl('app.webhook_dedupe');
    expect(sql).toContain('CREATE TABLE IF NOT EXISTS app.webhook_dedupe (');
    expect(sql).toContain('webhook_dedupe_expires_at_idx');
    expect(sql).not.toContain('hooklatch_dedupe');
  });

  it.each(dialects)('%s: an unsafe table name is CONFIG_INVALID', (_, ddl) => {
    expect(() => ddl('x; DROP TABLE users')).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', details: { option: 'table' } }),
    );
  });

  it.each([
    ['postgres', postgresInboxSchemaSql],
    ['mysql', mysqlInboxSchemaSql],
    ['sqlite', sqliteInboxSchemaSql],
  ] as const)(
    '%s: an unsafe inbox table name is CONFIG_INVALID naming the inbox table',
    (_, ddl) => {
      expect(() => ddl('x; DROP TABLE users')).toThrow(
        expect.objectContaining({ message: expect.stringMatching(/^The inbox table name/) }),
      );
    },
  );

  it('sqlite: the exported DDL runs and is idempotent', () => {
    const db = new Database(':memory:');
    db.exec(sqliteSchemaSql());
    db.exec(sqliteSchemaSql());
    expect(db.prepare('PRAGMA table_info(hooklatch_dedupe)').all()).toHaveLength(11);
    db.close();
  });
});
