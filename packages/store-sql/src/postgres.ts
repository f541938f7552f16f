/**
 * `@hooklatch/store-sql/postgres`: the PostgreSQL dedupe store alone, over `pg` or postgres.js.
 * Import this subpath (not the package root) so your types never reach for another dialect's
 * driver: the root also exports `sqliteStore`, whose types name `better-sqlite3`.
 *
 * ```ts
 * import { postgresStore } from '@hooklatch/store-sql/postgres';
 * const store = postgresStore({ client: pool });
 * ```
 *
 * @module
 */

// The durable inbox (docs/inbox.md).
export type { SqlInbox, SqlInboxOptions } from './inbox-api';
export type { PostgresInboxOptions } from './inbox-postgres';
export { postgresInbox, postgresInboxSchemaSql } from './inbox-postgres';
export { postgresSchemaSql } from './postgres-sql';
export type {
  PgQueryable,
  PostgresJsQuery,
  PostgresJsSql,
  PostgresStoreOptions,
} from './postgres-store';
export { postgresStore } from './postgres-store';
export type { PurgeOptions, SqlDedupeStore } from './sql-store';
