/**
 * The inbox DDL shipped in sql/inbox-*.sql is the DDL `*InboxSchemaSql()` returns (and
 * `createSchema()` runs), statement for statement, so a migration tool can take either. On
 * SQLite the file itself builds a table the inbox works on.
 */
import { mysqlInboxSchemaSql } from '@hooklatch/store-sql/mysql';
import { postgresInboxSchemaSql } from '@hooklatch/store-sql/postgres';
import { sqliteInbox, sqliteInboxSchemaSql } from '@hooklatch/store-sql/sqlite';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { shipped as shippedFile, statements } from './support/shipped-sql';

const shipped = (dialect: string) => shippedFile(`inbox-${dialect}`);

const dialects = [
  ['postgres', postgresInboxSchemaSql],
  ['mysql', mysqlInboxSchemaSql],
  ['sqlite', sqliteInboxSchemaSql],
] as const;

describe('inbox DDL files', () => {
  it.each(dialects)('%s: the same statements as the shipped file', (dialect, ddl) => {
    const expected = statements(ddl());
    expect(expected.length).toBeGreaterThanOrEqual(1);
    expect(statements(shipped(dialect))).toEqual(expected);
    expect(ddl('hooklatch_inbox')).toBe(ddl());
    expect(shipped(dialect)).toMatch(/^-- hooklatch inbox table/);
  });

  it('sqlite: the shipped file builds a table the inbox works on', async () => {
    const db = new Database(':memory:');
    db.exec(shipped('sqlite'));
    db.exec(shipped('sqlite'));
    const inbox = sqliteInbox({ database: db });
    const body = new TextEncoder().encode('{"id":"a"}');
    const delivery = {
      key: 'p:a',
      provider: 'p',
      type: 't',
      method: 'POST',
      headers: {},
      body,
      receivedAt: new Date(),
    };
    expect(await inbox.enqueue(delivery)).toEqual({ status: 'enqueued', state: 'pending' });
    const [claim] = await inbox.claim({ leaseMs: 10_000, limit: 1 });
    expect(await inbox.complete('p:a', claim?.token as string)).toBe(true);
    expect((await inbox.stats()).states.completed).toBe(1);
    db.close();
  });
});
