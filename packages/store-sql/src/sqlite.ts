/**
 * `@hooklatch/store-sql/sqlite`: the SQLite dedupe store alone, over `better-sqlite3` (its
 * types come from `@types/better-sqlite3`, which a TypeScript user of this subpath needs).
 *
 * ```ts
 * import { sqliteStore } from '@hooklatch/store-sql/sqlite';
 * const store = sqliteStore({ filename: './data/dedupe.db' });
 * ```
 *
 * @module
 */

// The durable inbox (docs/inbox.md).
export type { SqlInbox, SqlInboxOptions } from './inbox-api';
export type { SqliteInboxOptions } from './inbox-sqlite';
export { sqliteInbox, sqliteInboxSchemaSql } from './inbox-sqlite';
export type { PurgeOptions, SqlDedupeStore } from './sql-store';
export { sqliteSchemaSql } from './sqlite-sql';
export type { SqliteStoreOptions } from './sqlite-store';
export { sqliteStore } from './sqlite-store';
