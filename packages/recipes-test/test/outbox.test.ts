/**
 * docs/recipes/outbox.md, run against the real PostgreSQL: the business write, the outbox row
 * and the dedupe mark commit together; a relay SIGKILLed between the commit and the send, or
 * while sending, is restarted and the downstream API receives the key at least once and
 * applies it exactly once; a route SIGKILLed before COMMIT leaves nothing, and the webhook's
 * retry processes the event.
 */
import { idempotencyKey, parseEvent } from '@hooklatch/core';
import { postgresStore } from '@hooklatch/store-sql/postgres';
import type { StripeEvent } from '@hooklatch/stripe';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { outboxHandler, outboxSchemaSql } from '../../../docs/snippets/recipes/outbox';
import {
  paymentsRoute,
  paymentsSchemaSql,
  recordPayment,
} from '../../../docs/snippets/recipes/outbox-example';
import { httpSender, outboxRelay } from '../../../docs/snippets/recipes/outbox-relay';
import { serverUrl } from '../../testing/test-support/require-server';
import { spawnChild } from './support/child';
import { type Downstream, downstream } from './support/downstream';
import { eventually, post, type Served, serve } from './support/http';
import { adapter, paymentSucceeded, signed } from './support/stripe-events';

const url = serverUrl('pg');
// Tables of this file only, per run: parallel runs and other suites never share them.
const T = `recipes_outbox_${process.pid}`;
const DEDUPE = `${T}_dedupe`;
const OUTBOX = `${T}_outbox`;
const PAYMENTS = `${T}_payments`;
/** Short leases, so a crashed owner's work comes back within a second. */
const LEASE_MS = 1_000;
const RELAY_CHILD = new URL('./support/relay-child.ts', import.meta.url);
const ROUTE_CHILD = new URL('./support/route-child.ts', import.meta.url);

describe.skipIf(!url)('transactional outbox (real PostgreSQL)', { timeout: 20_000 }, () => {
  let pool: pg.Pool;
  let warehouse: Downstream;
  let served: Served;
  let store: ReturnType<typeof postgresStore>;
  const relays: { stop(): Promise<void> }[] = [];

  const keyOf = async (event: Record<string, unknown>) =>
    idempotencyKey(await parseEvent(adapter, signed(event)), 'warehouse-shipment');
  const count = async (table: string) =>
    (await pool.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n as number;
  const outboxRow = async (key: string) =>
    (await pool.query(`SELECT * FROM ${OUTBOX} WHERE idempotency_key = $1`, [key])).rows[0];
  /** A relay in this process: the restarted one. */
  const relay = () => {
    const started = outboxRelay({
      pool,
      table: OUTBOX,
      send: httpSender(),
      leaseMs: LEASE_MS,
      pollMs: 50,
    });
    started.start();
    relays.push(started);
    return started;
  };
  const appliedOf = (key: string) => warehouse.applied.filter((e) => e.key === key).length;
  const receivedOf = (key: string) => warehouse.received.filter((k) => k === key).length;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: url, max: 8 });
    await pool.query(`DROP TABLE IF EXISTS ${DEDUPE}, ${OUTBOX}, ${PAYMENTS}`);
    store = postgresStore({ client: pool, table: DEDUPE });
    await store.createSchema();
    await pool.query(outboxSchemaSql(OUTBOX));
    await pool.query(paymentsSchemaSql(PAYMENTS));
    warehouse = await downstream();
    const handler = outboxHandler<StripeEvent>({
      pool,
      table: OUTBOX,
      write: recordPayment({ payments: PAYMENTS, warehouseUrl: warehouse.url }),
    });
    served = await serve(paymentsRoute({ adapter, store, handler }));
  });

  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });

  afterAll(async () => {
    await served?.close();
    await warehouse?.close();
    await pool?.query(`DROP TABLE IF EXISTS ${DEDUPE}, ${OUTBOX}, ${PAYMENTS}`);
    await pool?.end();
  });

  it('commits the payment, the outbox row and the mark together; duplicates add nothing', async () => {
    const event = paymentSucceeded();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post(served.url, signed(event))),
    );
    expect(answers.filter((a) => a.status === 200 && a.outcome === 'processed')).toHaveLength(1);
    // The others: duplicate (200) once committed, in_flight (409, retried) before.
    expect(answers.every((a) => a.status === 200 || a.status === 409)).toBe(true);
    const late = await post(served.url, signed(event));
    expect(late).toMatchObject({ status: 200, outcome: 'duplicate' });

    const key = await keyOf(event);
    const row = await outboxRow(key);
    expect(row).toMatchObject({ sent_at: null, attempts: 0, destination: warehouse.url });
    const intent = (event.data as { object: { id: string } }).object.id;
    const payment = await pool.query(`SELECT * FROM ${PAYMENTS} WHERE payment_intent = $1`, [
      intent,
    ]);
    expect(payment.rowCount).toBe(1);
    const record = await store.get((await parseEvent(adapter, signed(event))).dedupeKey);
    expect(record?.state).toBe('completed');

    relay();
    await eventually(async () => ((await outboxRow(key)).sent_at !== null ? true : undefined));
    expect(receivedOf(key)).toBe(1);
    expect(appliedOf(key)).toBe(1);
    expect(warehouse.applied.find((e) => e.key === key)?.body).toEqual({
      paymentIntent: intent,
      order: (event.data as { object: { metadata: { order: string } } }).object.metadata.order,
    });
  });

  it('the same event after its dedupe record is gone commits as a no-op: 200, one payment, one row', async () => {
    const event = paymentSucceeded();
    expect(await post(served.url, signed(event))).toMatchObject({ outcome: 'processed' });
    const dedupeKey = (await parseEvent(adapter, signed(event))).dedupeKey;
    // Past its retention (or purged by an operator): the event is new to hooklatch again.
    expect(await store.delete(dedupeKey)).toBe(true);
    expect(await post(served.url, signed(event))).toMatchObject({
      status: 200,
      outcome: 'processed',
    });
    const intent = (event.data as { object: { id: string } }).object.id;
    const payments = await pool.query(`SELECT 1 FROM ${PAYMENTS} WHERE payment_intent = $1`, [
      intent,
    ]);
    expect(payments.rowCount).toBe(1);
    const rows = await pool.query(`SELECT 1 FROM ${OUTBOX} WHERE idempotency_key = $1`, [
      await keyOf(event),
    ]);
    expect(rows.rowCount).toBe(1);
  });

  it('a relay killed after the commit, before it sent: restarted, it sends once', async () => {
    const event = paymentSucceeded();
    expect((await post(served.url, signed(event))).status).toBe(200);
    const key = await keyOf(event);

    const child = spawnChild(RELAY_CHILD, [
      url as string,
      OUTBOX,
      String(LEASE_MS),
      'hang-before-send',
    ]);
    try {
      await child.line(`leased ${key}`);
    } finally {
      await child.kill();
    }
    expect(await outboxRow(key)).toMatchObject({ sent_at: null, attempts: 1 });
    expect(receivedOf(key)).toBe(0);

    relay(); // the restart: it takes the row once the dead relay's lease ends
    await eventually(async () => ((await outboxRow(key)).sent_at !== null ? true : undefined));
    expect(await outboxRow(key)).toMatchObject({ attempts: 2 });
    expect(receivedOf(key)).toBe(1);
    expect(appliedOf(key)).toBe(1);
  });

  it('a relay killed while sending: the key arrives twice and is applied once', async () => {
    const event = paymentSucceeded();
    expect((await post(served.url, signed(event))).status).toBe(200);
    const key = await keyOf(event);

    warehouse.holdNext(); // applied downstream, but the answer never reaches the relay
    const child = spawnChild(RELAY_CHILD, [url as string, OUTBOX, String(LEASE_MS), 'send']);
    try {
      await child.line(`sending ${key}`);
      await eventually(() => (receivedOf(key) === 1 ? true : undefined));
    } finally {
      await child.kill();
      warehouse.release();
    }
    expect(await outboxRow(key)).toMatchObject({ sent_at: null, attempts: 1 });
    expect(appliedOf(key)).toBe(1);

    relay();
    await eventually(async () => ((await outboxRow(key)).sent_at !== null ? true : undefined));
    expect(receivedOf(key)).toBe(2);
    expect(appliedOf(key)).toBe(1);
  });

  it('a route killed before COMMIT leaves nothing; the webhook retry processes the event', async () => {
    const event = paymentSucceeded();
    const delivery = signed(event);
    const dedupeKey = (await parseEvent(adapter, delivery)).dedupeKey;
    const child = spawnChild(ROUTE_CHILD, [
      url as string,
      DEDUPE,
      OUTBOX,
      PAYMENTS,
      warehouse.url,
      String(LEASE_MS),
      JSON.stringify(delivery),
    ]);
    try {
      await child.line('written'); // payment row and mark written, not committed
    } finally {
      await child.kill();
    }
    const key = await keyOf(event);
    expect(await outboxRow(key)).toBeUndefined();
    const intent = (event.data as { object: { id: string } }).object.id;
    const none = await pool.query(`SELECT 1 FROM ${PAYMENTS} WHERE payment_intent = $1`, [intent]);
    expect(none.rowCount).toBe(0);
    // The claim itself was committed before the handler ran: still in flight, never completed.
    expect((await store.get(dedupeKey))?.state).toBe('in_flight');

    // The provider retries: 409 while the dead claim's lease lasts, then the event runs.
    const retried = await eventually(async () => {
      const answer = await post(served.url, signed(event));
      expect([200, 409]).toContain(answer.status);
      return answer.status === 200 ? answer : undefined;
    });
    expect(retried.outcome).toBe('processed');
    expect((await store.get(dedupeKey))?.state).toBe('completed');
    expect(
      (await pool.query(`SELECT 1 FROM ${PAYMENTS} WHERE payment_intent = $1`, [intent])).rowCount,
    ).toBe(1);

    relay();
    await eventually(async () => ((await outboxRow(key))?.sent_at ? true : undefined));
    expect(appliedOf(key)).toBe(1);
    expect(receivedOf(key)).toBe(1);
  });

  it('a handler that throws before COMMIT rolls everything back, and the retry runs at once', async () => {
    let fail = true;
    const flaky = outboxHandler<StripeEvent>({
      pool,
      table: OUTBOX,
      write: async (tx, event) => {
        const messages = await recordPayment({ payments: PAYMENTS, warehouseUrl: warehouse.url })(
          tx,
          event,
        );
        if (fail) throw new Error('the warehouse lookup failed');
        return messages;
      },
    });
    const route = paymentsRoute({ adapter, store, handler: flaky });
    const event = paymentSucceeded();
    expect((await route(signed(event))).status).toBe(500);
    const key = await keyOf(event);
    expect(await outboxRow(key)).toBeUndefined();
    const before = await count(PAYMENTS);
    fail = false;
    expect((await route(signed(event))).status).toBe(200);
    expect(await count(PAYMENTS)).toBe(before + 1);
    expect(await outboxRow(key)).toMatchObject({ sent_at: null });
  });
});
