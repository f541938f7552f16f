/** The store commands on a SQLite file (always run: SQLite is the embedded default). */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sqliteInbox, sqliteStore } from '@hooklatch/store-sql/sqlite';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hooklatch } from './child';
import { describeStoreCommands } from './store-scenario';

const dir = mkdtempSync(join(tmpdir(), 'hooklatch-cli-'));
const filename = join(dir, 'hooklatch.db');
const database = new Database(filename);
database.pragma('journal_mode = WAL');

beforeAll(async () => {
  await sqliteStore({ database }).createSchema();
  await sqliteInbox({ database }).createSchema();
});
afterAll(() => {
  database.close();
  rmSync(dir, { recursive: true, force: true });
});

describeStoreCommands({
  name: 'SQLite',
  purgesExpired: true,
  namespace: (id) => ({
    args: ['--store', `sqlite:${filename}`, '--prefix', `${id}:`, '--queue', id],
    store: sqliteStore({ database, prefix: `${id}:` }),
    inbox: sqliteInbox({ database, queue: id }),
  }),
});

describe('a sqlite: store URL', { timeout: 30_000 }, () => {
  it('that names no file is reported, and no file is created', async () => {
    const missing = join(dir, 'typo.db');
    const run = await hooklatch(['list', '--store', `sqlite:${missing}`]);
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `hooklatch list: no SQLite database at ${missing} (check the path in --store).\n`,
    );
    expect(existsSync(missing)).toBe(false);
    expect((await hooklatch(['list', '--store', `sqlite:${dir}/x.db`])).code).toBe(1);
  });

  it('with a wrong --table names the missing table and the options to check', async () => {
    const run = await hooklatch(['stats', '--store', `sqlite:${filename}`, '--table', 'not_there']);
    expect(run.code).toBe(1);
    expect(run.err).toContain('the dedupe table does not exist');
    expect(run.err).toContain('Check --table');
  });

  it('is read from HOOKLATCH_STORE when --store is not given', async () => {
    const run = await hooklatch(['stats', '--json'], {
      env: { HOOKLATCH_STORE: `sqlite:${filename}`, X: '1' },
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toHaveProperty('providers');
  });
});
