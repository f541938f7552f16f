/**
 * docs/recipes/pg-boss.md, run against the real PostgreSQL: duplicates make one job and one
 * run, a PostgreSQL that is down is answered 503 with nothing queued, and the two pitfalls the
 * page names (singletonKey, the archive interval) are real.
 */
import { idempotencyKey } from '@hooklatch/core';
import { STRIPE_RETENTION_MS } from '@hooklatch/stripe';
import { tcpProxy } from '@hooklatch/testing';
import pg from 'pg';
import PgBoss from 'pg-boss';
import { expect, it } from 'vitest';
import type { QueuedEvent } from '../../../docs/snippets/recipes/hand-off';
import {
  pgBossHandOff,
  pgBossRetention,
  pgBossWorker,
} from '../../../docs/snippets/recipes/pg-boss-hand-off';
import { serverUrl } from '../../testing/test-support/require-server';
import { describeHandOff } from './support/hand-off';
import { serve } from './support/http';
import { adapter, paymentSucceeded, signed } from './support/stripe-events';

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

/** The route's own boss, through the proxy (set by `start`). */
let routeBoss: PgBoss;

describeHandOff({
  title: 'pg-boss hand-off (real PostgreSQL)',
  server: 'PostgreSQL',
  url,
  async start(pgUrl, handler) {
    const pool = new pg.Pool({ connectionString: pgUrl, max: 2 });
    await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA}, ${SCHEMA}_pitfalls CASCADE`);
    const workerBoss = newBoss(pgUrl, pgBossRetention(STRIPE_RETENTION_MS));
    await workerBoss.start();
    await workerBoss.createQueue(QUEUE, { name: QUEUE });
    await pgBossWorker(workerBoss, handler, { queueName: QUEUE, pollingIntervalSeconds: 0.5 });

    const target = new URL(pgUrl);
    const proxy = await tcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    target.host = `127.0.0.1:${proxy.port}`;
    // It only sends, so it neither migrates nor supervises.
    routeBoss = newBoss(target.toString(), { migrate: false, supervise: false });
    await routeBoss.start();
    const served = await serve(
      pgBossHandOff({ adapter, boss: routeBoss, queueName: QUEUE, timeoutMs: 1_000 }),
    );
    return {
      url: served.url,
      proxy,
      async job(jobId) {
        const job = await workerBoss.getJobById<Pick<QueuedEvent, 'key' | 'payload'>>(QUEUE, jobId);
        return job === null ? undefined : { data: job.data, completed: job.state === 'completed' };
      },
      // Maintenance with the recipe's retention leaves the completed job (and its id) in place.
      afterCompleted: () => workerBoss.maintain(),
      async checkOneJob(jobId) {
        const { rows } = await pool.query(
          `SELECT count(*)::int AS n FROM ${SCHEMA}.job WHERE id = $1`,
          [jobId],
        );
        expect(rows[0].n).toBe(1);
      },
      async close() {
        await served.close();
        await routeBoss.stop({ graceful: false, wait: true });
        await workerBoss.stop({ graceful: true, wait: true, timeout: 5_000 });
        await proxy.close();
        await pool.query(`DROP SCHEMA IF EXISTS ${SCHEMA}, ${SCHEMA}_pitfalls CASCADE`);
        await pool.end();
      },
    };
  },
  more() {
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
  },
});
