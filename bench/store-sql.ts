/**
 * The SQL stores against bare statements (issue 15), on the servers in HOOKLATCH_PG_URL and
 * HOOKLATCH_MYSQL_URL, each in tables of its own (dropped afterwards).
 *
 * - PostgreSQL, over `pg` and over postgres.js: the store's claim of a fresh key and its
 *   completion against the least two statements that do it by hand, on a table of the same
 *   schema: `INSERT ... ON CONFLICT DO NOTHING` and an `UPDATE` on the owner token, both named
 *   prepared statements too, with the server's clock. The store also runs with
 *   `prepare: false` (what a pooler that cannot keep prepared statements costs).
 * - MariaDB / MySQL: statements per lifecycle counted by the server (`SHOW SESSION STATUS`
 *   `Com_*` deltas on one connection), and the ratio against `INSERT ... ON DUPLICATE KEY
 *   UPDATE` + `UPDATE`.
 * Usage: tsx --tsconfig bench/tsconfig.json bench/store-sql.ts [--quick]
 */
import type { DedupeStore } from '@hooklatch/core';
import { newClaimToken } from '@hooklatch/core/kit';
import { mysqlSchemaSql, mysqlStore } from '@hooklatch/store-sql/mysql';
import { postgresSchemaSql, postgresStore } from '@hooklatch/store-sql/postgres';
import mysql from 'mysql2/promise';
import pg from 'pg';
import postgres from 'postgres';
import { serverUrl } from '../packages/testing/test-support/require-server';
import {
  type CompareOptions,
  compare,
  comparisonRow,
  type StoreRow,
  valueRow,
} from './store-measure';

/** Targets of issue 15. */
export const SQL_TARGETS = { postgresRatio: 1.05, mysqlStatements: 2 } as const;

const LEASE = { leaseMs: 300_000, ttlMs: 300_000 };
const DONE_TTL_MS = 259_200_000;
const PG_NOW = '(extract(epoch from statement_timestamp()) * 1000)::bigint';
const MY_NOW = "(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP(6)) DIV 1000)";

let serial = 0;
const freshKeys = (count: number) =>
  Array.from({ length: count }, () => `stripe:evt_${(serial++).toString(36).padStart(16, '0')}`);

async function lifecycle(store: DedupeStore, key: string): Promise<void> {
  const claim = await store.claim(key, LEASE);
  if (claim.status !== 'claimed') throw new Error(`bench: ${key} was not claimed`);
  if (!(await store.complete(key, claim.token, { ttlMs: DONE_TTL_MS }))) {
    throw new Error('bench: complete refused');
  }
}

/** The hand-written PostgreSQL statements of the floor, for table `t`. */
function pgFloorSql(t: string) {
  return {
    claim: `INSERT INTO ${t} (dedupe_key, state, token, lease_expires_at, expires_at, created_at)
      VALUES ($1, 'in_flight', $2, ${PG_NOW} + $3::bigint, ${PG_NOW} + $3::bigint, ${PG_NOW})
      ON CONFLICT (dedupe_key) DO NOTHING`,
    complete: `UPDATE ${t} SET state = 'completed', completed_at = ${PG_NOW},
      expires_at = ${PG_NOW} + $3::bigint
      WHERE dedupe_key = $1 AND token = $2 AND state = 'in_flight'`,
  };
}

/** Keys for one batch, made in the side's (untimed) setup. */
function keyed() {
  let keys: string[] = [];
  return {
    setup: (n: number) => () => {
      keys = freshKeys(n);
    },
    key: (i: number) => keys[i] as string,
  };
}

async function postgresRows(url: string, quick: boolean): Promise<StoreRow[]> {
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const table = `hl_bench_${suffix}`;
  const floorTable = `hl_bench_floor_${suffix}`;
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const sql = postgres(url, { max: 8, onnotice: () => {} });
  const rows: StoreRow[] = [];
  try {
    await pool.query(postgresSchemaSql(table));
    await pool.query(postgresSchemaSql(floorTable));
    const floor = pgFloorSql(floorTable);
    const stores = {
      pg: postgresStore({ client: pool, table }),
      unprepared: postgresStore({ client: pool, table, prepare: false }),
      postgresJs: postgresStore({ client: sql, table }),
    };
    const pgFloor = async (key: string) => {
      const token = newClaimToken();
      const values = [key, token, LEASE.leaseMs];
      const claimed = await pool.query({
        name: `floor_claim_${suffix}`,
        text: floor.claim,
        values,
      });
      if (claimed.rowCount !== 1) throw new Error(`bench: ${key} was taken`);
      await pool.query({
        name: `floor_complete_${suffix}`,
        text: floor.complete,
        values: [key, token, DONE_TTL_MS],
      });
    };
    const jsFloor = async (key: string) => {
      const token = newClaimToken();
      const claimed = await sql.unsafe(floor.claim, [key, token, LEASE.leaseMs], { prepare: true });
      if (claimed.count !== 1) throw new Error(`bench: ${key} was taken`);
      await sql.unsafe(floor.complete, [key, token, DONE_TTL_MS], { prepare: true });
    };
    for (const concurrency of [1, 8]) {
      const operations = quick ? 100 : concurrency === 1 ? 1_500 : 4_000;
      const options: CompareOptions = { rounds: quick ? 1 : 5, operations, concurrency };
      const inFlight = concurrency === 1 ? 'sequential' : `${concurrency} in flight`;
      const target = `<= ${SQL_TARGETS.postgresRatio}`;
      const floorName = 'INSERT ON CONFLICT + UPDATE';
      for (const [name, store, bare] of [
        ['pg', stores.pg, pgFloor],
        ['postgres.js', stores.postgresJs, jsFloor],
        ['pg, prepare: false', stores.unprepared, pgFloor],
      ] as const) {
        const a = keyed();
        const b = keyed();
        const result = await compare(
          { setup: a.setup(operations), operation: (i) => lifecycle(store, a.key(i)) },
          { setup: b.setup(operations), operation: (i) => bare(b.key(i)) },
          options,
        );
        const rowTarget = name.includes('prepare: false') ? 'n/a (pooler opt-out)' : target;
        rows.push(comparisonRow(`postgres (${name}), ${inFlight}`, result, floorName, rowTarget));
      }
    }
  } finally {
    await pool.query(`DROP TABLE IF EXISTS ${table}; DROP TABLE IF EXISTS ${floorTable}`);
    await pool.end();
    await sql.end({ timeout: 1 });
  }
  return rows;
}

/** Statement counters of the session, from the server. */
async function sessionCounters(connection: mysql.Connection): Promise<Map<string, number>> {
  const [rows] = await connection.query("SHOW SESSION STATUS LIKE 'Com\\_%'");
  const counters = new Map<string, number>();
  for (const row of rows as { Variable_name: string; Value: string }[]) {
    counters.set(row.Variable_name, Number(row.Value));
  }
  return counters;
}

async function mysqlRows(url: string, quick: boolean): Promise<StoreRow[]> {
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const table = `hl_bench_${suffix}`;
  const floorTable = `hl_bench_floor_${suffix}`;
  const pool = mysql.createPool({ uri: url, connectionLimit: 8 });
  const connection = await mysql.createConnection({ uri: url });
  const rows: StoreRow[] = [];
  try {
    await pool.query(mysqlSchemaSql(table));
    await pool.query(mysqlSchemaSql(floorTable));
    // Counted on one connection: its session counters see this store's statements only.
    const counted = mysqlStore({ client: connection, table });
    const n = quick ? 20 : 200;
    const keys = freshKeys(n);
    const before = await sessionCounters(connection);
    for (const key of keys) await lifecycle(counted, key);
    const after = await sessionCounters(connection);
    const per: string[] = [];
    let statements = 0;
    for (const [name, value] of after) {
      // The SHOW STATUS itself is the one statement the count adds.
      const added = value - (before.get(name) ?? 0) - (name === 'Com_show_status' ? 1 : 0);
      if (added <= 0) continue;
      statements += added;
      per.push(`${name.slice(4)} ${(added / n).toFixed(2)}`);
    }
    rows.push(
      valueRow(
        'mysql: statements per claim + complete (Com_* deltas)',
        `${(statements / n).toFixed(2)} (${per.join(', ')})`,
        `${SQL_TARGETS.mysqlStatements}`,
      ),
    );

    const store = mysqlStore({ client: pool, table });
    const floor = async (key: string) => {
      const token = newClaimToken();
      const [inserted] = await pool.query(
        `INSERT INTO ${floorTable} (dedupe_key, state, token, lease_expires_at, expires_at,
          created_at) VALUES (?, 'in_flight', ?, ${MY_NOW} + ?, ${MY_NOW} + ?, ${MY_NOW})
        ON DUPLICATE KEY UPDATE dedupe_key = dedupe_key`,
        [key, token, LEASE.leaseMs, LEASE.ttlMs],
      );
      if ((inserted as { affectedRows: number }).affectedRows !== 1) throw new Error('taken');
      await pool.query(
        `UPDATE ${floorTable} SET state = 'completed', completed_at = ${MY_NOW},
          expires_at = ${MY_NOW} + ? WHERE dedupe_key = ? AND token = ? AND state = 'in_flight'`,
        [DONE_TTL_MS, key, token],
      );
    };
    const a = keyed();
    const b = keyed();
    const operations = quick ? 100 : 1_500;
    const result = await compare(
      { setup: a.setup(operations), operation: (i) => lifecycle(store, a.key(i)) },
      { setup: b.setup(operations), operation: (i) => floor(b.key(i)) },
      { rounds: quick ? 1 : 5, operations, concurrency: 1 },
    );
    rows.push(
      comparisonRow('mysql: claim + complete, sequential', result, 'INSERT IODKU + UPDATE', 'n/a'),
    );
  } finally {
    await pool.query(`DROP TABLE IF EXISTS ${table}, ${floorTable}`);
    await pool.end();
    await connection.end();
  }
  return rows;
}

/** Every SQL row for the servers that are configured. */
export async function sqlRows(
  urls: { pg?: string | undefined; mysql?: string | undefined },
  quick: boolean,
): Promise<StoreRow[]> {
  const rows: StoreRow[] = [];
  if (urls.pg) rows.push(...(await postgresRows(urls.pg, quick)));
  if (urls.mysql) rows.push(...(await mysqlRows(urls.mysql, quick)));
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const urls = { pg: serverUrl('pg'), mysql: serverUrl('mysql') };
  console.table(await sqlRows(urls, process.argv.includes('--quick')));
}
