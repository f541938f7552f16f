/**
 * `timeoutMs` is enforced by the store itself: against a frozen server (accepts, never answers)
 * every call of every SQL store fails with STORE_UNAVAILABLE within timeoutMs plus slack, even
 * with the drivers' defaults (a pg Pool has no connect or query timeout at all; postgres.js
 * waits 30 s to connect, mysql2 10 s), and keeps doing so once the pool is full of hung
 * connections.
 */
import { mysqlStore, postgresStore, type SqlDedupeStore } from '@hooklatch/store-sql';
import mysql from 'mysql2/promise';
import pg from 'pg';
import postgres from 'postgres';
import { afterEach, describe, expect, it } from 'vitest';
import { type FrozenServer, frozenServer } from './support/frozen-server';

const TIMEOUT_MS = 300;
// A loaded 2-core machine may run a timer late; a hang would be many seconds.
const SLACK_MS = 1_200;
const TOKEN = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

/** Every store call, each started on its own. */
const calls = (store: SqlDedupeStore): Record<string, () => Promise<unknown>> => ({
  claim: () => store.claim('k', { leaseMs: 60_000, ttlMs: 60_000, digest: 'sha256:x' }),
  extend: () => store.extend('k', TOKEN, 60_000),
  complete: () => store.complete('k', TOKEN, { ttlMs: 60_000, result: { ok: true } }),
  release: () => store.release('k', TOKEN),
  get: () => store.get('k'),
  delete: () => store.delete('k'),
  list: () => store.list(),
  createSchema: () => store.createSchema(),
  purgeExpired: () => store.purgeExpired(),
});

/** Two rounds of every call at once; each must fail fast with STORE_UNAVAILABLE. */
async function expectEveryCallTimesOut(store: SqlDedupeStore, server: FrozenServer) {
  for (const round of [1, 2]) {
    const outcomes = await Promise.all(
      Object.entries(calls(store)).map(async ([name, call]) => {
        const started = Date.now();
        const error = await call().then(
          () => undefined,
          (e: unknown) => e,
        );
        return { name, error, elapsed: Date.now() - started };
      }),
    );
    for (const { name, error, elapsed } of outcomes) {
      const what = `${name} (round ${round})`;
      expect(error, what).toMatchObject({
        code: 'STORE_UNAVAILABLE',
        httpStatus: 503,
        details: { timeoutMs: TIMEOUT_MS },
      });
      expect(elapsed, what).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
      expect(elapsed, what).toBeLessThan(TIMEOUT_MS + SLACK_MS);
    }
  }
  // The calls really reached the frozen server (not a local failure that looked like one).
  expect(server.accepted()).toBeGreaterThan(0);
}

describe('a frozen server: every call fails within timeoutMs', () => {
  let server: FrozenServer | undefined;
  const closers: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    // Drop the hung sockets first, so the drivers' pending connects fail and their pools end.
    await server?.close();
    for (const close of closers.splice(0)) await close();
  });

  it('pg Pool with its default options (no timeouts of its own)', async () => {
    server = await frozenServer();
    const pool = new pg.Pool({
      connectionString: `postgres://postgres@127.0.0.1:${server.port}/x`,
    });
    pool.on('error', () => {});
    closers.push(() => pool.end());
    await expectEveryCallTimesOut(postgresStore({ client: pool, timeoutMs: TIMEOUT_MS }), server);
  }, 30_000);

  it('postgres.js with its default options', async () => {
    server = await frozenServer();
    const sql = postgres(`postgres://postgres@127.0.0.1:${server.port}/x`, { onnotice: () => {} });
    closers.push(() => sql.end({ timeout: 0 }));
    await expectEveryCallTimesOut(postgresStore({ client: sql, timeoutMs: TIMEOUT_MS }), server);
  }, 30_000);

  it('mysql2 pool with its default options', async () => {
    server = await frozenServer();
    const pool = mysql.createPool({ uri: `mysql://root@127.0.0.1:${server.port}/x` });
    closers.push(() => pool.end().catch(() => undefined));
    await expectEveryCallTimesOut(mysqlStore({ client: pool, timeoutMs: TIMEOUT_MS }), server);
  }, 30_000);
});
