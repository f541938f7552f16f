/**
 * The SQLite inbox through the shared inbox suite: one WAL file shared by this process and the
 * suite's child workers. The outage is the database locked by another connection (every write
 * waits out its busy timeout and fails STORE_UNAVAILABLE) for longer than a few timeouts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sqliteInbox, sqliteInboxSchemaSql } from '@hooklatch/store-sql/sqlite';
import { describeInbox } from '@hooklatch/testing/vitest';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'hooklatch-inbox-'));
const filename = join(dir, 'inbox.db');

describe('sqlite inbox', () => {
  beforeAll(() => sqliteInbox({ filename }).createSchema());
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describeInbox({
    name: 'sqlite (file)',
    create: ({ queue }) => sqliteInbox({ filename, queue }),
    processes: {
      factoryModule: fileURLToPath(new URL('./inbox/sqlite-factory.ts', import.meta.url)),
      env: { HOOKLATCH_INBOX_SQLITE_FILE: filename },
    },
    async outage(queue) {
      const inbox = sqliteInbox({ filename, queue, timeoutMs: 150 });
      const locker = new Database(filename, { timeout: 5_000 });
      return {
        inbox,
        async begin() {
          locker.exec('BEGIN IMMEDIATE');
        },
        async end() {
          locker.exec('COMMIT');
        },
        async close() {
          if (locker.inTransaction) locker.exec('ROLLBACK');
          locker.close();
          await inbox.close();
        },
      };
    },
  });

  it('schema SQL matches what createSchema runs, and is idempotent', async () => {
    const db = new Database(':memory:');
    db.exec(sqliteInboxSchemaSql('custom_inbox'));
    db.exec(sqliteInboxSchemaSql('custom_inbox'));
    const inbox = sqliteInbox({ database: db, table: 'custom_inbox' });
    await inbox.createSchema();
    expect((await inbox.stats()).total).toBe(0);
    await inbox.close();
    expect(db.open).toBe(true);
    db.close();
  });
});
