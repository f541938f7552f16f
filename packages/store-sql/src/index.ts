/**
 * @hooklatch/store-sql: durable dedupe stores in the SQL database you already run.
 *
 * - `postgresStore` over `pg` or postgres.js, `mysqlStore` over `mysql2` (MySQL and MariaDB),
 *   `sqliteStore` over `better-sqlite3`.
 * - A claim is one `INSERT ... ON CONFLICT / ON DUPLICATE KEY UPDATE` statement that inserts or
 *   takes over an expired lease; `extend`, `complete` and `release` are one compare-and-set
 *   statement each; `complete(key, token, { tx })` joins your transaction.
 * - Leases are judged by the database's clock; keys of any content stay distinct
 *   (`prefix + storageKey(key)` in a byte-compared column); every call is bounded by `timeoutMs`;
 *   setup mistakes are `CONFIG_INVALID`, outages `STORE_UNAVAILABLE`.
 *
 * This root entry re-exports all three dialects, for compatibility with 0.1. Its types name
 * `better-sqlite3` (through `sqliteStore`), so prefer the subpath of your database:
 * `@hooklatch/store-sql/postgres`, `/mysql` or `/sqlite`.
 *
 * @module
 */

export * from './mysql';
export * from './postgres';
export * from './sqlite';
