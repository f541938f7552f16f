/**
 * docs/recipes/pg-boss.md, run against the real PostgreSQL: duplicates make one job and one
 * run, a PostgreSQL that is down is answered 503 with nothing queued, and the two pitfalls the
 * page names (singletonKey, the archive interval) are real.
 */
import { idempotencyKey, parseEvent } from '@hooklatch/core';
import { STRIPE_RETENTION_MS } from '@hooklatch/stripe';
import { type TcpProxy, tcpProxy } from '@hooklatch/testing';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobIdOf } from '../../../docs/snippets/recipes/hand-off';
import {
  pgBossHandOff,
  pgBossRetention,
  pgBossWorker,
} from '../../../docs/snippets/recipes/pg-boss-hand-off';
import { serverUrl } from '../../testing/test-support/require-server';
import { eventually, post, type Served, serve } from './support/http';
import { adapter, forged, paymentSucceeded, signed } from './support/stripe-events';

const url = serverUrl('pg');
// One schema per run of this file: parallel runs and other suites never share tables.
const SCHEMA = `recipes_pgboss_${process.pid}`;
const QUEUE = 'stripe';

/** A boss that does not watch the clock or run cron: only what a test asks for. */
function newBoss(connectionString: string, extra: PgBoss.ConstructorOptions = {}) {
  const boss = new PgBoss({ connectionString, schema: SCHEMA, max: 3, schedule: false, ...extra });
  boss.on('error', () => {}); // connection resets while the proxy is down
  return boss;
}

describe.skipIf(!url)('pg-boss hand-off (real PostgreSQL)', { timeout: 20_000 }, () => {
  let pool: pg.Pool;
  let proxy: TcpProxy;
  let workerBoss: PgBoss;
  let routeBoss: PgBoss;
  let served: Served;
  const runs: string[] = [];
  const shipKeys: string[] = [];

  const idOf = async (event: Record<string, unknown>) =>
    jobIdOf(await parseEvent(adapter, signed(event)));
  const jobOf = async (event: Record<string, unknown>) =>
    workerBoss.getJobById<{ key: string; payload: unknown }>(QUEUE, await idOf(event));
  const finished = (event: Record<string, unknown>) =>
    eventually(
      async () => ((await jobOf(event))?.state === 'completed' ? true : undefined),
      10_000,
      'the job to complete',
    );
  const runsOf = async (event: Record<string, unknown>) => {
    const key = (await parseEvent(adapter, signed(event))).dedupeKey;
    return runs.filter((k) => k === key).length;
  };

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: url, max: 2 });
    await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA}, ${SCHEMA}_pitfalls CASCADE`);
    workerBoss = newBoss(url as string, pgBossRetention(STRIPE_RETENTION_MS));
    await workerBoss.start();
    await workerBoss.createQueue(QUEUE, { name: QUEUE });
    await pgBossWorker(
      workerBoss,
      async (event, ctx) => {
        runs.push(event.key);
        shipKeys.push(ctx.idempotencyKey('ship'));
      },
      { queueName: QUEUE, pollingIntervalSeconds: 0.5 },
    );

    const target = new URL(url as string);
    proxy = await tcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.host = `127.0.0.1:${proxy.port}`;
    // The route's own boss, through the proxy: it only sends, so it neither migrates nor
    // supervises.
    routeBoss = newBoss(target.toString(), { migrate: false, supervise: false });
    await routeBoss.start();
    served = await serve(
      pgBossHandOff({ adapter, boss: routeBoss, queueName: QUEUE, timeoutMs: 1_000 }),
    );
  });

  afterAll(async () => {
    await served?.close();
    await routeBoss?.stop({ graceful: false, wait: true });
    await workerBoss?.stop({ graceful: true, wait: true, timeout: 5_000 });
    await proxy?.close();
    await pool?.query(`DROP SCHEMA IF EXISTS ${SCHEMA}, ${SCHEMA}_pitfalls CASCADE`);
    await pool?.end();
  });

  it('queues an event once across sequential copies, before and after it ran', async () => {
    const event = paymentSucceeded();
    expect(await post(served.url, signed(event))).toMatchObject({
      status: 202,
      outcome: 'enqueued',
    });
    expect((await post(served.url, signed(event))).outcome).toBe('duplicate');
    await finished(event);
    // Maintenance with the recipe's retention leaves the completed job (and its id) in place.
    await workerBoss.maintain();
    expect(await post(served.url, signed(event))).toMatchObject({
      status: 200,
      outcome: 'duplicate',
    });
    expect(await runsOf(event)).toBe(1);
    const parsed = await parseEvent(adapter, signed(event));
    expect(shipKeys).toContain(idempotencyKey(parsed, 'ship'));
    expect((await jobOf(event))?.data.key).toBe(parsed.dedupeKey);
  });

  it('makes one job and one run of 10 concurrent copies', async () => {
    const event = paymentSucceeded();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post(served.url, signed(event))),
    );
    expect(answers.filter((a) => a.status === 202 && a.outcome === 'enqueued')).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200 && a.outcome === 'duplicate')).toHaveLength(9);
    await finished(event);
    expect(await runsOf(event)).toBe(1);
    const { rows } = await pool.query(
      `SELECT count(*)::int AS n FROM ${SCHEMA}.job WHERE id = $1`,
      [await idOf(event)],
    );
    expect(rows[0].n).toBe(1);
  });

  it('answers 503 and queues nothing while PostgreSQL is down, then takes the retry', async () => {
    const event = paymentSucceeded();
    proxy.down();
    const started = Date.now();
    const down = await post(served.url, signed(event));
    expect(down).toMatchObject({ status: 503, outcome: 'queue_unavailable', retryAfter: '5' });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await jobOf(event)).toBeNull();

    proxy.up();
    const retry = await eventually(async () => {
      const answer = await post(served.url, signed(event));
      return answer.status === 503 ? undefined : answer;
    });
    expect(retry).toMatchObject({ status: 202, outcome: 'enqueued' });
    await finished(event);
    expect(await runsOf(event)).toBe(1);
  });

  it('refuses another body under a known ID (422) and a forged one (401), queuing nothing', async () => {
    const event = paymentSucceeded({ amount: 1000 });
    expect((await post(served.url, signed(event))).outcome).toBe('enqueued');
    const other = {
      ...event,
      data: paymentSucceeded({ id: event.id as string, amount: 9999 }).data,
    };
    expect(await post(served.url, signed(other))).toMatchObject({
      status: 422,
      outcome: 'mismatch',
    });
    expect((await jobOf(event))?.data.payload).toEqual(event);

    const fake = paymentSucceeded();
    expect(await post(served.url, forged(fake))).toMatchObject({
      status: 401,
      outcome: 'rejected',
    });
    expect(await jobOf(fake)).toBeNull();
  });

  it('answers 500 (a setup mistake, retried until fixed) for a queue that does not exist', async () => {
    const route = pgBossHandOff({ adapter, boss: routeBoss, queueName: 'no-such-queue' });
    expect(await route(signed(paymentSucceeded()))).toMatchObject({
      status: 500,
      outcome: 'failed',
    });
  });

  it('the pitfalls are real: singletonKey and a short archive interval let a late retry in', async () => {
    const name = 'pitfalls';
    // Its own schema: its maintenance archives every queue of the schema it runs on.
    const short = newBoss(url as string, {
      schema: `${SCHEMA}_pitfalls`,
      archiveCompletedAfterSeconds: 1,
      supervise: false,
    });
    await short.start();
    try {
      await short.createQueue(name, { name, policy: 'short' });
      const finish = async () => {
        const [job] = await short.fetch(name);
        await short.complete(name, job?.id as string);
      };
      // singletonKey holds only while the job waits ('short'): once done, a copy is new.
      expect(await short.send(name, {}, { singletonKey: 'stripe:evt_1' })).not.toBeNull();
      expect(await short.send(name, {}, { singletonKey: 'stripe:evt_1' })).toBeNull();
      await finish();
      expect(await short.send(name, {}, { singletonKey: 'stripe:evt_1' })).not.toBeNull();
      await finish();
      // The id holds in every state, but only until maintenance archives the finished job.
      const id = idempotencyKey({ dedupeKey: 'stripe:evt_2' }, 'hand-off');
      expect(await short.send(name, {}, { id })).toBe(id);
      await finish();
      expect(await short.send(name, {}, { id })).toBeNull();
      await new Promise((resolve) => setTimeout(resolve, 1_100));
      await short.maintain();
      expect(await short.send(name, {}, { id })).toBe(id);
    } finally {
      await short.stop({ graceful: false, wait: true });
    }
  });
});
