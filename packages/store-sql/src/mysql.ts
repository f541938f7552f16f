/**
 * `@hooklatch/store-sql/mysql`: the MySQL / MariaDB dedupe store alone, over `mysql2`. Import
 * this subpath (not the package root) so your types never reach for another dialect's driver.
 *
 * ```ts
 * import { mysqlStore } from '@hooklatch/store-sql/mysql';
 * const store = mysqlStore({ client: pool });
 * ```
 *
 * @module
 */

// The durable inbox (docs/inbox.md).
export type { SqlInbox, SqlInboxOptions } from './inbox-api';
export type { MysqlInboxConnection, MysqlInboxOptions, MysqlInboxPool } from './inbox-mysql';
export { mysqlInbox, mysqlInboxSchemaSql } from './inbox-mysql';
export { mysqlSchemaSql } from './mysql-sql';
export type { MysqlCallbackClient, MysqlQueryable, MysqlStoreOptions } from './mysql-store';
export { mysqlStore } from './mysql-store';
export type { PurgeOptions, SqlDedupeStore } from './sql-store';
