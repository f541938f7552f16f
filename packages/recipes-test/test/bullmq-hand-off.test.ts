/**
 * docs/recipes/bullmq.md, run against the real Redis: duplicates make one job and one run, a
 * Redis that is down is answered 503 with nothing queued, and the retention setting is what
 * keeps a late retry out.
 */
import { once } from 'node:events';
import { STRIPE_RETENTION_MS } from '@hooklatch/stripe';
import { tcpProxy } from '@hooklatch/testing';
import { Worker as BullWorker, Queue } from 'bullmq';
import { expect, it } from 'vitest';
import { bullmqHandOff, bullmqWorker } from '../../../docs/snippets/recipes/bullmq-hand-off';
import type { QueuedEvent } from '../../../docs/snippets/recipes/hand-off';
import { serverUrl } from '../../testing/test-support/require-server';
import { describeHandOff } from './support/hand-off';
import { eventually, serve } from './support/http';
import { adapter, paymentSucceeded, signed } from './support/stripe-events';

const url = serverUrl('redis');
// One prefix per run of this file: parallel runs and other suites never share keys.
const PREFIX = `recipes-bullmq-${process.pid}-${Date.now()}`;
const QUEUE = 'stripe';

describeHandOff({
  title: 'BullMQ hand-off (real Redis)',
  server: 'Redis',
  url,
  async start(redisUrl, handler) {
    const target = new URL(redisUrl);
    const proxy = await tcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    const hand = bullmqHandOff({
      adapter,
      connection: { host: '127.0.0.1', port: proxy.port },
      prefix: PREFIX,
      queueName: QUEUE,
      timeoutMs: 1_000,
    });
    const served = await serve(hand.route);
    /** Straight to Redis (not through the proxy), to look at what the queue holds. */
    const inspect = new Queue<QueuedEvent>(QUEUE, {
      connection: { url: redisUrl },
      prefix: PREFIX,
    });
    const worker = bullmqWorker(handler, {
      connection: { url: redisUrl },
      prefix: PREFIX,
      queueName: QUEUE,
      concurrency: 4,
    });
    await worker.waitUntilReady();
    return {
      url: served.url,
      proxy,
      async job(jobId) {
        const job = await inspect.getJob(jobId);
        return job && { data: job.data, completed: await job.isCompleted() };
      },
      async down() {
        // Wait until the client saw the reset, so no add is left on the wire to land later.
        const reset = once(hand.queue, 'error');
        proxy.down();
        await reset;
        await new Promise((resolve) => setTimeout(resolve, 50));
      },
      async checkCompleted(jobId) {
        // The setting the dedupe depends on: kept for Stripe's 3 days, by age only.
        const job = await inspect.getJob(jobId);
        expect(job?.opts.removeOnComplete).toEqual({ age: STRIPE_RETENTION_MS / 1000 });
      },
      async checkOneJob() {
        const counts = await inspect.getJobCounts('waiting', 'active', 'delayed', 'failed');
        expect(counts).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
      },
      async close() {
        await worker.close();
        await served.close();
        await hand.queue.close();
        await inspect.obliterate({ force: true });
        await inspect.close();
        await proxy.close();
      },
    };
  },
  more() {
    it('answers 503 when the add never answers (a hung Redis), within timeoutMs', async () => {
      const { createServer } = await import('node:net');
      const hung = createServer(() => {}); // accepts, never answers
      await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
      const port = (hung.address() as { port: number }).port;
      const stuck = bullmqHandOff({
        adapter,
        connection: { host: '127.0.0.1', port },
        prefix: PREFIX,
        queueName: 'hung',
        timeoutMs: 300,
      });
      try {
        const reply = await stuck.route(signed(paymentSucceeded()));
        expect(reply).toMatchObject({ status: 503, outcome: 'queue_unavailable' });
      } finally {
        await Promise.race([stuck.queue.close(), new Promise((r) => setTimeout(r, 200))]);
        stuck.queue.disconnect().catch(() => {});
        hung.close();
      }
    });

    it('a job whose workers crash twice runs again, not parked in the failed set', async () => {
      const name = `${QUEUE}-crashes`;
      const hand = bullmqHandOff({
        adapter,
        connection: { url: url as string },
        prefix: PREFIX,
        queueName: name,
      });
      const runs: number[] = [];
      let finish = false;
      // A worker that takes the job, then dies: close(true) stops its lock renewals, as a
      // killed process would, and the job stalls once its short lock ends.
      const start = () =>
        bullmqWorker(
          async (_event, ctx) => {
            runs.push(ctx.attempt);
            if (!finish) await new Promise(() => {});
          },
          {
            connection: { url: url as string },
            prefix: PREFIX,
            queueName: name,
            concurrency: 1,
            worker: { lockDuration: 300, stalledInterval: 150 },
          },
        );
      const workers = [start()];
      try {
        const reply = await hand.route(signed(paymentSucceeded()));
        expect(reply.status).toBe(202);
        for (const crash of [1, 2]) {
          await eventually(() => (runs.length === crash ? crash : undefined), 10_000, 'a run');
          await workers.at(-1)?.close(true);
          if (crash === 2) finish = true;
          workers.push(start());
        }
        // BullMQ's own maxStalledCount (1) failed the job here, with 7 attempts left.
        await eventually(() => (runs.length === 3 ? 3 : undefined), 10_000, 'the third run');
        const counts = await eventually(async () => {
          const now = await hand.queue.getJobCounts('completed', 'failed');
          return now.completed === 1 ? now : undefined;
        });
        expect(counts.failed).toBe(0);
        expect(runs).toEqual([1, 2, 3]);
      } finally {
        for (const worker of workers) await worker.close(true);
        await hand.queue.obliterate({ force: true });
        await hand.queue.close();
      }
    });

    it('the caveat is real: with removeOnComplete: true a late retry is queued and run again', async () => {
      const name = `${QUEUE}-caveat`;
      const queue = new Queue(name, { connection: { url: url as string }, prefix: PREFIX });
      let ran = 0;
      const plain = new BullWorker(name, async () => void ran++, {
        connection: { url: url as string, maxRetriesPerRequest: null },
        prefix: PREFIX,
      });
      try {
        await queue.add('x', {}, { jobId: 'evt-caveat', removeOnComplete: true });
        await eventually(async () =>
          ran === 1 && !(await queue.getJob('evt-caveat')) ? 1 : undefined,
        );
        await queue.add('x', {}, { jobId: 'evt-caveat', removeOnComplete: true });
        await eventually(() => (ran === 2 ? 2 : undefined), 10_000, 'the second run');
      } finally {
        await plain.close();
        await queue.obliterate({ force: true });
        await queue.close();
      }
    });
  },
});
