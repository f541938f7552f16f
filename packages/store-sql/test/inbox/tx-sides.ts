/**
 * One database side of the `context.complete({ tx })` cases, for the test process and its
 * child workers alike: the inbox, an effects table (one row per business write) and the
 * handler's work, a business write and the inbox completion in one transaction.
 */
import type { InboxHandlerContext } from '@hooklatch/core';
import { mysqlInbox } from '@hooklatch/store-sql/mysql';
import { postgresInbox } from '@hooklatch/store-sql/postgres';
import { type SqlInbox, sqliteInbox } from '@hooklatch/store-sql/sqlite';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import pg from 'pg';

export type TxDialect = 'postgres' | 'mysql' | 'sqlite';

/** Where a side's tables live: the inbox table and queue, the effects table, a SQLite file. */
export interface TxNames {
  table: string;
  queue: string;
  effects: string;
  file?: string;
}

export interface TxSide {
  inbox: SqlInbox;
  /** Create the inbox and effects tables (idempotent). */
  setup(): Promise<void>;
  /** Effect rows written for `key`. */
  effects(key: string): Promise<number>;
  /**
   * Write one effect for `ctx.key` and complete the entry, in one transaction. With `hold`,
   * it is awaited between the completion and COMMIT (a child is killed there).
   */
  writeAndComplete(ctx: InboxHandlerContext, hold?: () => Promise<never>): Promise<void>;
  /**
   * Write one effect and complete the entry in one transaction, then roll it back (a
   * serialization failure after the completion): neither is kept.
   */
  completeThenRollBack(ctx: InboxHandlerContext): Promise<void>;
  /** Write one effect on its own (autocommit), without completing. */
  writePlain(ctx: InboxHandlerContext): Promise<void>;
  /** Drop the tables and close the connections. */
  drop(): Promise<void>;
  close(): Promise<void>;
}

function postgresSide(names: TxNames): TxSide {
  const pool = new pg.Pool({ connectionString: process.env.HOOKLATCH_PG_URL, max: 4 });
  const inbox = postgresInbox({ client: pool, table: names.table, queue: names.queue });
  const insert = `INSERT INTO ${names.effects} (entry_key, pid) VALUES ($1, $2)`;
  return {
    inbox,
    async setup() {
      await inbox.createSchema();
      await pool.query(`CREATE TABLE IF NOT EXISTS ${names.effects} (entry_key text, pid int)`);
    },
    async effects(key) {
      const { rows } = await pool.query(
        `SELECT count(*)::int AS n FROM ${names.effects} WHERE entry_key = $1`,
        [key],
      );
      return rows[0].n;
    },
    async writeAndComplete(ctx, hold) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(insert, [ctx.key, process.pid]);
        if (!(await ctx.complete({ tx: client }))) throw new Error('taken over');
        if (hold) await hold();
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async completeThenRollBack(ctx) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(insert, [ctx.key, process.pid]);
        if (!(await ctx.complete({ tx: client }))) throw new Error('taken over');
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    },
    async writePlain(ctx) {
      await pool.query(insert, [ctx.key, process.pid]);
    },
    async drop() {
      await pool.query(`DROP TABLE IF EXISTS ${names.table}, ${names.effects}`);
    },
    close: () => pool.end(),
  };
}

function mysqlSide(names: TxNames): TxSide {
  const pool = mysql.createPool({
    uri: process.env.HOOKLATCH_MYSQL_URL as string,
    connectionLimit: 4,
  });
  const inbox = mysqlInbox({ client: pool, table: names.table, queue: names.queue });
  const insert = `INSERT INTO ${names.effects} (entry_key, pid) VALUES (?, ?)`;
  return {
    inbox,
    async setup() {
      await inbox.createSchema();
      await pool.query(
        `CREATE TABLE IF NOT EXISTS ${names.effects} (entry_key VARCHAR(255), pid INT)`,
      );
    },
    async effects(key) {
      const [rows] = await pool.query(
        `SELECT COUNT(*) AS n FROM ${names.effects} WHERE entry_key = ?`,
        [key],
      );
      return Number((rows as { n: number }[])[0]?.n);
    },
    async writeAndComplete(ctx, hold) {
      const connection = await pool.getConnection();
      try {
        await connection.beginTransaction();
        await connection.query(insert, [ctx.key, process.pid]);
        if (!(await ctx.complete({ tx: connection }))) throw new Error('taken over');
        if (hold) await hold();
        await connection.commit();
      } catch (error) {
        await connection.rollback();
        throw error;
      } finally {
        connection.release();
      }
    },
    async completeThenRollBack(ctx) {
      const connection = await pool.getConnection();
      try {
        await connection.beginTransaction();
        await connection.query(insert, [ctx.key, process.pid]);
        if (!(await ctx.complete({ tx: connection }))) throw new Error('taken over');
      } finally {
        await connection.rollback();
        connection.release();
      }
    },
    async writePlain(ctx) {
      await pool.query(insert, [ctx.key, process.pid]);
    },
    async drop() {
      await pool.query(`DROP TABLE IF EXISTS ${names.table}, ${names.effects}`);
    },
    close: () => pool.end(),
  };
}

function sqliteSide(names: TxNames): TxSide {
  // One connection for the inbox and the business writes, as an embedded app has it.
  const db = new Database(names.file as string, { timeout: 5_000 });
  db.pragma('journal_mode = WAL');
  const inbox = sqliteInbox({ database: db, table: names.table, queue: names.queue });
  const insert = () => db.prepare(`INSERT INTO ${names.effects} (entry_key, pid) VALUES (?, ?)`);
  return {
    inbox,
    async setup() {
      await inbox.createSchema();
      db.exec(`CREATE TABLE IF NOT EXISTS ${names.effects} (entry_key TEXT, pid INTEGER)`);
    },
    async effects(key) {
      const row = db
        .prepare(`SELECT count(*) AS n FROM ${names.effects} WHERE entry_key = ?`)
        .get(key);
      return (row as { n: number }).n;
    },
    async writeAndComplete(ctx, hold) {
      if (hold) {
        // Held open across an await only to be killed inside it (the worker runs one entry).
        db.exec('BEGIN IMMEDIATE');
        insert().run(ctx.key, process.pid);
        if (!(await ctx.complete({ tx: db }))) throw new Error('taken over');
        await hold();
      }
      // The documented way: a synchronous transaction; the completion's statement runs inside.
      let completed: Promise<boolean> | undefined;
      db.transaction(() => {
        insert().run(ctx.key, process.pid);
        completed = ctx.complete({ tx: db });
      })();
      if (!(await completed)) throw new Error('taken over');
    },
    async completeThenRollBack(ctx) {
      let completed: Promise<boolean> | undefined;
      try {
        db.transaction(() => {
          insert().run(ctx.key, process.pid);
          completed = ctx.complete({ tx: db });
          throw new Error('roll back');
        })();
      } catch {
        // Rolled back, as planned.
      }
      if (!(await completed)) throw new Error('taken over');
    },
    async writePlain(ctx) {
      insert().run(ctx.key, process.pid);
    },
    async drop() {
      db.exec(`DROP TABLE IF EXISTS ${names.table}; DROP TABLE IF EXISTS ${names.effects}`);
    },
    async close() {
      db.close();
    },
  };
}

export function txSide(dialect: TxDialect, names: TxNames): TxSide {
  if (dialect === 'postgres') return postgresSide(names);
  if (dialect === 'mysql') return mysqlSide(names);
  return sqliteSide(names);
}
