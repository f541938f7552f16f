/**
 * `sqlite:FILE`: one better-sqlite3 connection shared by the dedupe store and the inbox. The
 * file must exist: an operator tool that created an empty database for a mistyped path would
 * then report an empty store instead of the typo.
 */
import { existsSync } from 'node:fs';
import { CliFailure } from '../io';
import { loadOptional } from '../optional-module';
import { dedupeOptions, inboxOptions, type StoreConnection, sqlConnection } from './connection';
import type { StoreSettings } from './options';

/** Open the SQLite file `settings.target` names. */
export async function connectSqlite(settings: StoreSettings): Promise<StoreConnection> {
  const { target } = settings;
  if (target.kind !== 'sqlite') throw new TypeError('not a sqlite target');
  if (!existsSync(target.filename)) {
    throw new CliFailure(`no SQLite database at ${target.filename} (check the path in --store).`);
  }
  const why = 'a sqlite: store';
  const { default: Database } = await loadOptional(
    'better-sqlite3',
    why,
    () => import('better-sqlite3'),
  );
  const sql = await loadOptional(
    '@hooklatch/store-sql',
    why,
    () => import('@hooklatch/store-sql/sqlite'),
  );
  let database: InstanceType<typeof Database>;
  try {
    database = new Database(target.filename, { fileMustExist: true, timeout: settings.timeoutMs });
  } catch (error) {
    throw new CliFailure(`cannot open ${target.display}: ${(error as Error).message}.`);
  }
  return sqlConnection(
    target,
    sql.sqliteStore({ database, ...dedupeOptions(settings) }),
    () => sql.sqliteInbox({ database, ...inboxOptions(settings) }),
    async () => void database.close(),
  );
}
