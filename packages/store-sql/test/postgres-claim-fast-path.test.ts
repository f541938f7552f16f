/**
 * The PostgreSQL claim's fast path, seen through the public API against the real server: the
 * store's client is wrapped to record each statement it sends and the row count the server
 * answered (the server still does all the work; nothing is faked). A fresh claim is ONE
 * `INSERT ... ON CONFLICT DO NOTHING` without RETURNING; a key that has a row falls back to the
 * full claim statement, which alone decides a duplicate or a takeover.
 */
import type { ClaimResult } from '@hooklatch/core';
import { postgresStore, type SqlDedupeStore } from '@hooklatch/store-sql';
import pg from 'pg';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl, uniqueName } from './support/servers';

const url = serverUrl('pg');
const LONG = 60_000;
const long = { leaseMs: LONG, ttlMs: LONG };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One statement as the server got it, and the row count it answered. */
interface Sent {
  text: string;
  rows?: number;
}

const isFresh = (s: Sent) => /ON CONFLICT \(dedupe_key\) DO NOTHING\s*$/.test(s.text);
const isFull = (s: Sent) => s.text.includes('DO UPDATE SET') && s.text.includes('RETURNING');
/** What each statement was: fresh insert, full claim, or its first word (SELECT, UPDATE). */
const kinds = (log: Sent[]) =>
  log.map((s) =>
    isFresh(s) ? 'fresh' : isFull(s) ? 'full' : (s.text.trim().split(/\s/)[0] ?? ''),
  );

/** A pg Pool, as the store's client, recording what it sends. */
function pgRecorder(pool: pg.Pool, log: Sent[]) {
  return {
    async query(config: { text: string; values?: unknown[]; name?: string }) {
      const sent: Sent = { text: config.text };
      log.push(sent);
      const result = await pool.query(config);
      sent.rows = result.rowCount ?? 0;
      return result;
    },
  };
}

/** A postgres.js sql, as the store's client, recording what it sends. */
function jsRecorder(sql: postgres.Sql, log: Sent[]) {
  return {
    unsafe(text: string, params?: unknown[], options?: { prepare?: boolean }) {
      const sent: Sent = { text };
      log.push(sent);
      const pending = sql.unsafe(text, params as never[], options);
      pending.then(
        (rows) => {
          sent.rows = rows.count ?? rows.length;
        },
        () => {},
      );
      return pending;
    },
  };
}

/**
 * `claimers` concurrent claims of each of the keys k0..k<keys-1>: exactly one `claimed` per key,
 * the rest `in_flight`, and the stored owner is the winner. Returns the winners.
 */
async function race(store: SqlDedupeStore, keys: number, claimers: number) {
  const winners: Extract<ClaimResult, { status: 'claimed' }>[] = [];
  const all = Array.from({ length: keys }, (_, i) =>
    Promise.all(Array.from({ length: claimers }, () => store.claim(`k${i}`, long))),
  );
  for (const [i, claims] of (await Promise.all(all)).entries()) {
    const won = claims.filter((c) => c.status === 'claimed');
    expect(won, `k${i}`).toHaveLength(1);
    expect(claims.filter((c) => c.status === 'in_flight')).toHaveLength(claimers - 1);
    const winner = won[0];
    if (winner?.status !== 'claimed') throw new Error(`k${i}: no winner`);
    expect((await store.get(`k${i}`))?.token, `k${i}`).toBe(winner.token);
    winners.push(winner);
  }
  return winners;
}

describe.skipIf(!url)('postgres claim fast path', () => {
  const table = uniqueName('hl_pg_fast');
  const pool = new pg.Pool({ connectionString: url, max: 8 });
  const sql = postgres(url as string, { max: 8, onnotice: () => {} });
  beforeAll(() => postgresStore({ client: pool, table }).createSchema());
  afterAll(async () => {
    await pool.query(`DROP TABLE IF EXISTS ${table}`);
    await pool.end();
    await sql.end({ timeout: 1 });
  });

  const drivers = [
    ['pg', (log: Sent[]) => pgRecorder(pool, log)],
    ['postgres.js', (log: Sent[]) => jsRecorder(sql, log)],
  ] as const;

  for (const [driver, recorder] of drivers) {
    /** A store on its own prefix, and the log of what it sent. */
    const open = (options: { prepare?: boolean } = {}) => {
      const log: Sent[] = [];
      const store = postgresStore({
        client: recorder(log),
        table,
        prefix: `${uniqueName(driver.replace('.', ''))}:`,
        ...options,
      });
      return { store, log };
    };

    for (const prepare of [true, false]) {
      it(`${driver}${prepare ? '' : ', prepare: false'}: a fresh claim is one INSERT without RETURNING`, async () => {
        const { store, log } = open({ prepare });
        const before = Date.now();
        const claim = await store.claim('k', long);
        const after = Date.now();
        expect(kinds(log)).toEqual(['fresh']);
        expect(log[0]?.text).not.toMatch(/RETURNING/i);
        expect(log[0]?.rows).toBe(1);
        if (claim.status !== 'claimed') throw new Error(`expected claimed, got ${claim.status}`);
        expect(claim.claims).toBe(1);
        // The lease end is counted from the send time: no earlier than that plus the lease...
        const leaseEnd = claim.leaseExpiresAt.getTime();
        expect(leaseEnd).toBeGreaterThanOrEqual(before + LONG);
        expect(leaseEnd).toBeLessThanOrEqual(after + LONG);
        // ...and never later than the stored one, which the server's clock set (one clock here:
        // the server is on loopback).
        const record = await store.get('k');
        expect(record).toMatchObject({ state: 'in_flight', token: claim.token, claims: 1 });
        expect(leaseEnd).toBeLessThanOrEqual(record?.leaseExpiresAt.getTime() ?? 0);
        expect(await store.complete('k', claim.token, { ttlMs: LONG })).toBe(true);
      });
    }

    it(`${driver}: a duplicate of an in-flight key falls back to the full claim and loses`, async () => {
      const { store, log } = open();
      const first = await store.claim('k', { ...long, digest: 'sha256:first' });
      log.length = 0;
      const copy = await store.claim('k', { ...long, digest: 'sha256:second' });
      expect(copy).toMatchObject({ status: 'in_flight', digest: 'sha256:first' });
      if (copy.status !== 'in_flight' || first.status !== 'claimed') throw new Error('no copy');
      expect(copy.leaseRemainingMs).toBeGreaterThan(LONG - 5_000);
      // The insert did nothing, the full claim left the live row alone, the read reported it.
      expect(kinds(log)).toEqual(['fresh', 'full', 'SELECT']);
      expect(log.map((s) => s.rows)).toEqual([0, 0, 1]);
      expect(await store.get('k')).toMatchObject({ token: first.token, claims: 1 });
    });

    it(`${driver}: an ended lease is taken over by the full claim (claims 2)`, async () => {
      const { store, log } = open();
      const first = await store.claim('k', { leaseMs: 50, ttlMs: LONG });
      if (first.status !== 'claimed') throw new Error('expected claimed');
      await sleep(150);
      log.length = 0;
      const takeover = await store.claim('k', long);
      expect(kinds(log)).toEqual(['fresh', 'full']);
      expect(log.map((s) => s.rows)).toEqual([0, 1]);
      if (takeover.status !== 'claimed')
        throw new Error(`expected claimed, got ${takeover.status}`);
      expect(takeover.claims).toBe(2);
      expect(takeover.token).not.toBe(first.token);
      // A takeover reports the lease end the server stored.
      const record = await store.get('k');
      expect(record).toMatchObject({ state: 'in_flight', token: takeover.token, claims: 2 });
      expect(takeover.leaseExpiresAt.getTime()).toBe(record?.leaseExpiresAt.getTime());
      // The old owner lost the key for good.
      expect(await store.complete('k', first.token, { ttlMs: LONG })).toBe(false);
      expect(await store.complete('k', takeover.token, { ttlMs: LONG })).toBe(true);
    });

    it(`${driver}: a completed record past its TTL is claimed afresh (claims 1)`, async () => {
      const { store, log } = open();
      const first = await store.claim('k', long);
      if (first.status !== 'claimed') throw new Error('expected claimed');
      expect(await store.complete('k', first.token, { ttlMs: 50, result: { n: 1 } })).toBe(true);
      expect((await store.claim('k', long)).status).toBe('completed');
      await sleep(150);
      log.length = 0;
      const again = await store.claim('k', long);
      // The expired row is still there (nothing purged it): the insert did nothing.
      expect(kinds(log)).toEqual(['fresh', 'full']);
      expect(log.map((s) => s.rows)).toEqual([0, 1]);
      expect(again).toMatchObject({ status: 'claimed', claims: 1 });
      if (again.status !== 'claimed') return;
      const record = await store.get('k');
      expect(record).toMatchObject({ state: 'in_flight', token: again.token, claims: 1 });
      expect(record?.result).toBeUndefined();
    });

    it(`${driver}: concurrent fresh claims of a key have exactly one winner, by the insert`, async () => {
      const { store, log } = open();
      await race(store, 20, 16);
      // Every winner won by its fresh insert; no full claim wrote (the rows were live).
      expect(log.filter((s) => isFresh(s) && s.rows === 1)).toHaveLength(20);
      expect(log.filter((s) => isFull(s) && s.rows !== 0)).toEqual([]);
    });

    it(`${driver}: concurrent claims of an ended lease have exactly one winner`, async () => {
      const { store, log } = open();
      const short = { leaseMs: 30, ttlMs: LONG };
      for (let i = 0; i < 10; i++)
        expect((await store.claim(`k${i}`, short)).status).toBe('claimed');
      await sleep(100);
      log.length = 0;
      const winners = await race(store, 10, 16);
      expect(winners.map((w) => w.claims)).toEqual(winners.map(() => 2));
      // No insert wrote (every key had its row); one full claim per key took it over.
      expect(log.filter((s) => isFresh(s) && s.rows !== 0)).toEqual([]);
      expect(log.filter((s) => isFull(s) && s.rows === 1)).toHaveLength(10);
    });
  }
});
