/**
 * The real stores of the core pipeline suites: Redis (ioredis), PostgreSQL (pg), MySQL/MariaDB
 * (mysql2) against the loopback servers in HOOKLATCH_*_URL, and SQLite (better-sqlite3, no
 * server). `realStores(tag)` gives one of each; `tag` names the suite's table and key prefix.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { redisStore } from '@hooklatch/store-redis';
import { mysqlStore, postgresStore, sqliteStore } from '@hooklatch/store-sql';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import mysql from 'mysql2/promise';
import pg from 'pg';
import { serverUrl } from '../../../testing/test-support/require-server';
import type { DedupeStore } from '../../src/index';

/** A real store, opened once per suite; each test gets its own key prefix. */
export interface RealStore {
  name: string;
  skip: boolean;
  open(): Promise<void>;
  close(): Promise<void>;
  create(prefix: string): DedupeStore;
  /** Run `fn(tx)` in a transaction, then commit, or roll back and throw. */
  transaction?(commit: boolean, fn: (tx: unknown) => Promise<unknown>): Promise<void>;
}

/** One real store of each kind, for a suite tagged `tag` (lowercase letters). */
export function realStores(tag: string): RealStore[] {
  const run = Math.random().toString(36).slice(2, 8);
  const table = `hl_${tag}_${run}`;

  function redis(): RealStore {
    const url = serverUrl('redis');
    let client: Redis;
    return {
      name: 'redis',
      skip: !url,
      async open() {
        client = new Redis(url as string, { maxRetriesPerRequest: 1, commandTimeout: 5_000 });
      },
      async close() {
        const keys = await client.keys(`hl-${tag}-${run}*`);
        if (keys.length > 0) await client.del(...keys);
        client.disconnect();
      },
      create: (prefix) => redisStore({ client, prefix: `hl-${tag}-${run}-${prefix}:` }),
    };
  }

  function postgres(): RealStore {
    const url = serverUrl('pg');
    let pool: pg.Pool;
    return {
      name: 'postgres',
      skip: !url,
      async open() {
        pool = new pg.Pool({ connectionString: url, max: 6, connectionTimeoutMillis: 5_000 });
        await postgresStore({ client: pool, table }).createSchema();
      },
      async close() {
        await pool.query(`DROP TABLE IF EXISTS ${table}`);
        await pool.end();
      },
      create: (prefix) => postgresStore({ client: pool, table, prefix }),
      async transaction(commit, fn) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await fn(client);
          if (!commit) throw new Error('roll back');
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        } finally {
          client.release();
        }
      },
    };
  }

  function mysqlReal(): RealStore {
    const url = serverUrl('mysql');
    let pool: mysql.Pool;
    return {
      name: 'mysql',
      skip: !url,
      async open() {
        pool = mysql.createPool({ uri: url, connectionLimit: 6, connectTimeout: 5_000 });
        await mysqlStore({ client: pool, table }).createSchema();
      },
      async close() {
        await pool.query(`DROP TABLE IF EXISTS ${table}`);
        await pool.end();
      },
      create: (prefix) => mysqlStore({ client: pool, table, prefix }),
      async transaction(commit, fn) {
        const connection = await pool.getConnection();
        try {
          await connection.beginTransaction();
          await fn(connection);
          if (!commit) throw new Error('roll back');
          await connection.commit();
        } catch (error) {
          await connection.rollback();
          throw error;
        } finally {
          connection.release();
        }
      },
    };
  }

  function sqlite(): RealStore {
    let dir: string;
    let db: Database.Database;
    return {
      name: 'sqlite',
      skip: false,
      async open() {
        dir = mkdtempSync(join(tmpdir(), `hooklatch-${tag}-`));
        db = new Database(join(dir, 'dedupe.db'), { timeout: 5_000 });
        db.pragma('journal_mode = WAL');
        await sqliteStore({ database: db, table }).createSchema();
      },
      async close() {
        db.close();
        rmSync(dir, { recursive: true, force: true });
      },
      create: (prefix) => sqliteStore({ database: db, table, prefix }),
      // better-sqlite3 transactions are synchronous: the statements start inside, the promise
      // settles afterwards, and only a synchronous throw rolls back.
      async transaction(commit, fn) {
        let pending: Promise<unknown> | undefined;
        try {
          db.transaction(() => {
            pending = fn(db);
            if (!commit) throw new Error('roll back');
          })();
        } finally {
          await pending;
        }
      },
    };
  }

  return [redis(), postgres(), mysqlReal(), sqlite()];
}
