/**
 * docs/recipes/conditional-writes.md, run against the real PostgreSQL: a write that runs twice
 * (or ten times at once, or out of order) takes effect once, or only when it still applies.
 */
import { parseEvent } from '@hooklatch/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applySubscriptionEvent,
  conditionalSchemaSql,
  readOrder,
  setOrderStatus,
  shipOnce,
} from '../../../docs/snippets/recipes/conditional-writes';
import { serverUrl } from '../../testing/test-support/require-server';
import { adapter, paymentSucceeded, signed } from './support/stripe-events';

const url = serverUrl('pg');
// The snippet names plain tables; this file gets its own schema for them, per run.
const SCHEMA = `recipes_cas_${process.pid}`;
const times = <T>(n: number, make: (i: number) => Promise<T>) =>
  Promise.all(Array.from({ length: n }, (_, i) => make(i)));

describe.skipIf(!url)('conditional side effects (real PostgreSQL)', () => {
  let pool: pg.Pool;

  beforeAll(async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
    await admin.end();
    pool = new pg.Pool({ connectionString: url, max: 10, options: `-c search_path=${SCHEMA}` });
    await pool.query(conditionalSchemaSql);
  });

  afterAll(async () => {
    await pool?.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await pool?.end();
  });

  it('insert-once: 10 concurrent runs for one event ship once', async () => {
    const event = await parseEvent(adapter, signed(paymentSucceeded({ order: 'order_cas_1' })));
    const inserted = await times(10, () => shipOnce(pool, event.dedupeKey, 'order_cas_1'));
    expect(inserted.filter(Boolean)).toHaveLength(1);
    // A run after the fact (a replay, a re-run after a crash) adds nothing either.
    expect(await shipOnce(pool, event.dedupeKey, 'order_cas_1')).toBe(false);
    const { rows } = await pool.query('SELECT order_id FROM shipments WHERE event_key = $1', [
      event.dedupeKey,
    ]);
    expect(rows).toEqual([{ order_id: 'order_cas_1' }]);
  });

  it('compare-and-set: of 10 writers that read the same version, one wins', async () => {
    await pool.query("INSERT INTO orders (id, status) VALUES ('o1', 'paid')");
    const read = await readOrder(pool, 'o1');
    expect(read).toEqual({ status: 'paid', version: 0 });
    const won = await times(10, (i) => setOrderStatus(pool, 'o1', 0, `shipped-${i}`));
    expect(won.filter(Boolean)).toHaveLength(1);
    const winner = `shipped-${won.indexOf(true)}`;
    expect(await readOrder(pool, 'o1')).toEqual({ status: winner, version: 1 });
    // A loser re-reads and decides again from the new version.
    expect(await setOrderStatus(pool, 'o1', 0, 'refunded')).toBe(false);
    expect(await setOrderStatus(pool, 'o1', 1, 'refunded')).toBe(true);
    expect(await readOrder(pool, 'o1')).toEqual({ status: 'refunded', version: 2 });
  });

  it('newest wins: an old event that arrives late changes nothing', async () => {
    const at = (s: number) => new Date(Date.UTC(2026, 0, 1, 0, 0, s));
    expect(await applySubscriptionEvent(pool, 'sub_1', 'active', at(10))).toBe(true);
    expect(await applySubscriptionEvent(pool, 'sub_1', 'past_due', at(5))).toBe(false);
    expect(await applySubscriptionEvent(pool, 'sub_1', 'active', at(10))).toBe(false); // a retry
    expect(await applySubscriptionEvent(pool, 'sub_1', 'canceled', at(20))).toBe(true);
    const { rows } = await pool.query('SELECT status FROM subscriptions WHERE id = $1', ['sub_1']);
    expect(rows).toEqual([{ status: 'canceled' }]);
  });

  it('newest wins under concurrency: 20 events in any order leave the newest', async () => {
    const statuses = Array.from({ length: 20 }, (_, i) => `state-${i}`);
    // Shuffled, and all at once: every pair races for the row.
    const order = statuses.map((_, i) => i).sort(() => Math.random() - 0.5);
    await times(20, (k) => {
      const i = order[k] as number;
      return applySubscriptionEvent(
        pool,
        'sub_2',
        statuses[i] as string,
        new Date(1_700_000_000_000 + i * 1000),
      );
    });
    const { rows } = await pool.query('SELECT status FROM subscriptions WHERE id = $1', ['sub_2']);
    expect(rows).toEqual([{ status: 'state-19' }]);
  });
});
