/**
 * What the SQL stores cost the server (issue 15), seen from the server: PostgreSQL keeps the
 * store's statements prepared on the connection (named, parsed and planned once) unless
 * `prepare: false` (what each claim sends: postgres-claim-fast-path.test.ts); MariaDB/MySQL
 * runs a claim + complete of a fresh key as exactly two statements (the claim reports its own
 * win through the insert ID, no SELECT). Also the one default prefix every store shares, as
 * stored.
 */
import { mysqlStore } from '@hooklatch/store-sql/mysql';
import { postgresStore } from '@hooklatch/store-sql/postgres';
import mysql from 'mysql2/promise';
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl, uniqueName } from './support/servers';

const long = { leaseMs: 60_000, ttlMs: 60_000 };
const pgUrl = serverUrl('pg');
const myUrl = serverUrl('mysql');

async function lifecycle(store: ReturnType<typeof postgresStore>, key: string): Promise<void> {
  const claim = await store.claim(key, long);
  if (claim.status !== 'claimed') throw new Error(`expected ${key} claimed`);
  expect(await store.complete(key, claim.token, { ttlMs: 60_000 })).toBe(true);
}

describe.skipIf(!pgUrl)('postgres prepared statements', () => {
  const table = uniqueName('hl_pg_prep');
  const admin = new pg.Pool({ connectionString: pgUrl, max: 1 });
  beforeAll(() => postgresStore({ client: admin, table }).createSchema());
  afterAll(async () => {
    await admin.query(`DROP TABLE IF EXISTS ${table}`);
    await admin.end();
  });

  /** The named statements prepared on a pg client's own session. */
  const prepared = async (client: pg.Client) =>
    (await client.query('SELECT name FROM pg_prepared_statements ORDER BY name')).rows.map(
      (row: { name: string }) => row.name,
    );

  it('pg: claim and complete run as named statements, prepared once per connection', async () => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      const store = postgresStore({ client, table });
      await lifecycle(store, 'a');
      await lifecycle(store, 'b');
      // A fresh key takes the claim's fast path (the INSERT alone) and the complete.
      const names = await prepared(client);
      expect(names).toHaveLength(2);
      expect(names[0]).toMatch(/^hooklatch_claim_fresh_[0-9a-f]{16}$/);
      expect(names[1]).toMatch(/^hooklatch_complete_[0-9a-f]{16}$/);
      // A duplicate adds the full claim and the loser's read, prepared once too.
      expect((await store.claim('a', long)).status).toBe('completed');
      expect((await store.claim('b', long)).status).toBe('completed');
      const all = await prepared(client);
      expect(all).toHaveLength(4);
      expect(all.filter((name) => /^hooklatch_(claim|get)_[0-9a-f]{16}$/.test(name))).toHaveLength(
        2,
      );
      // The default prefix of every hooklatch store, in the stored key.
      const { rows } = await client.query(`SELECT dedupe_key FROM ${table} ORDER BY 1`);
      expect(rows.map((row: { dedupe_key: string }) => row.dedupe_key)).toEqual([
        'hooklatch:a',
        'hooklatch:b',
      ]);
    } finally {
      await client.end();
    }
  });

  it('pg: prepare: false leaves nothing prepared (for poolers that cannot keep statements)', async () => {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      const store = postgresStore({ client, table, prefix: 'unprepared:', prepare: false });
      await lifecycle(store, 'a');
      expect(await prepared(client)).toEqual([]);
    } finally {
      await client.end();
    }
  });

  it('postgres.js: prepared unless prepare: false', async () => {
    for (const prepare of [true, false]) {
      const sql = postgres(pgUrl as string, { max: 1, onnotice: () => {} });
      try {
        const store = postgresStore({ client: sql, table, prefix: `js-${prepare}:`, prepare });
        await lifecycle(store, 'a');
        // Only the store's statements (this very query is prepared by postgres.js too).
        const rows = await sql<{ n: number }[]>`SELECT count(*)::int AS n
          FROM pg_prepared_statements WHERE statement LIKE ${`%${table}%`}`;
        expect((rows[0]?.n ?? 0) > 0, `prepare: ${prepare}`).toBe(prepare);
      } finally {
        await sql.end({ timeout: 1 });
      }
    }
  });

  it('refuses a prepare that is not a boolean', () => {
    expect(() => postgresStore({ client: admin, prepare: 'yes' as never })).toThrowError(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        details: expect.objectContaining({ option: 'prepare' }),
      }),
    );
  });
});

describe.skipIf(!myUrl)('mysql statements per lifecycle', () => {
  const table = uniqueName('hl_my_stmt');
  let connection: mysql.Connection;
  beforeAll(async () => {
    connection = await mysql.createConnection({ uri: myUrl });
    await mysqlStore({ client: connection, table }).createSchema();
  });
  afterAll(async () => {
    await connection?.query(`DROP TABLE IF EXISTS ${table}`);
    await connection?.end();
  });

  /** What `work` made this session run, per statement kind (the SHOW STATUS left out). */
  async function statements(work: () => Promise<unknown>): Promise<Record<string, number>> {
    const read = async () => {
      const [rows] = await connection.query("SHOW SESSION STATUS LIKE 'Com\\_%'");
      return new Map(
        (rows as { Variable_name: string; Value: string }[]).map((r) => [
          r.Variable_name,
          Number(r.Value),
        ]),
      );
    };
    const before = await read();
    await work();
    const after = await read();
    const out: Record<string, number> = {};
    for (const [name, value] of after) {
      const added = value - (before.get(name) ?? 0) - (name === 'Com_show_status' ? 1 : 0);
      if (added > 0) out[name.slice(4)] = added;
    }
    return out;
  }

  it('a claim + complete of a fresh key is one INSERT and one UPDATE', async () => {
    const store = mysqlStore({ client: connection, table });
    let token = '';
    const claimed = await statements(async () => {
      const claim = await store.claim('fresh', long);
      if (claim.status !== 'claimed') throw new Error('expected claimed');
      expect(claim.claims).toBe(1);
      token = claim.token;
      // The lease end the claim reports is the row's own (the server's clock).
      const record = await store.get('fresh');
      expect(record?.leaseExpiresAt.getTime()).toBe(claim.leaseExpiresAt.getTime());
    });
    // The get above is the SELECT; the claim itself was the INSERT alone.
    expect(claimed).toEqual({ insert: 1, select: 1 });
    expect(await statements(() => store.complete('fresh', token, { ttlMs: 60_000 }))).toEqual({
      update: 1,
    });
    // A duplicate reads the row it lost to.
    const duplicate = await statements(async () => {
      expect((await store.claim('fresh', long)).status).toBe('completed');
    });
    expect(duplicate).toEqual({ insert: 1, select: 1 });
  });

  it('a takeover reports its claim count, and a count too large to pack is read back', async () => {
    const store = mysqlStore({ client: connection, table, prefix: 'big:' });
    expect((await store.claim('k', { leaseMs: 1, ttlMs: 60_000 })).status).toBe('claimed');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await store.claim('k', { leaseMs: 1, ttlMs: 60_000 });
    expect(second).toMatchObject({ status: 'claimed', claims: 2 });
    await connection.query(`UPDATE ${table} SET claims = 2000 WHERE dedupe_key = 'big:k'`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const many = await statements(async () => {
      const third = await store.claim('k', long);
      expect(third).toMatchObject({ status: 'claimed', claims: 2001 });
    });
    expect(many).toEqual({ insert: 1, select: 1 });
  });
});
