/**
 * docs/recipes/bullmq.md, run against the real Redis: duplicates make one job and one run, a
 * Redis that is down is answered 503 with nothing queued, and the retention setting is what
 * keeps a late retry out.
 */
import { once } from 'node:events';
import { idempotencyKey, parseEvent } from '@hooklatch/core';
import { STRIPE_RETENTION_MS } from '@hooklatch/stripe';
import { type TcpProxy, tcpProxy } from '@hooklatch/testing';
import { Worker as BullWorker, Queue, type Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bullmqHandOff, bullmqWorker } from '../../../docs/snippets/recipes/bullmq-hand-off';
import { jobIdOf, type QueuedEvent } from '../../../docs/snippets/recipes/hand-off';
import { serverUrl } from '../../testing/test-support/require-server';
import { eventually, post, type Served, serve } from './support/http';
import { adapter, forged, paymentSucceeded, signed } from './support/stripe-events';

const url = serverUrl('redis');
// One prefix per run of this file: parallel runs and other suites never share keys.
const PREFIX = `recipes-bullmq-${process.pid}-${Date.now()}`;
const QUEUE = 'stripe';

describe.skipIf(!url)('BullMQ hand-off (real Redis)', { timeout: 20_000 }, () => {
  let proxy: TcpProxy;
  let hand: ReturnType<typeof bullmqHandOff>;
  let served: Served;
  let worker: Worker<QueuedEvent>;
  /** Straight to Redis (not through the proxy), to look at what the queue holds. */
  let inspect: Queue<QueuedEvent>;
  const runs: string[] = [];
  const shipKeys: string[] = [];

  const jobOf = async (event: Record<string, unknown>) =>
    inspect.getJob(jobIdOf(await parseEvent(adapter, signed(event))));
  const finished = (event: Record<string, unknown>) =>
    eventually(
      async () => ((await (await jobOf(event))?.isCompleted()) ? true : undefined),
      10_000,
      'the job to complete',
    );

  beforeAll(async () => {
    const target = new URL(url as string);
    proxy = await tcpProxy({ host: target.hostname, port: Number(target.port || 6379) });
    hand = bullmqHandOff({
      adapter,
      connection: { host: '127.0.0.1', port: proxy.port },
      prefix: PREFIX,
      queueName: QUEUE,
      timeoutMs: 1_000,
    });
    served = await serve(hand.route);
    inspect = new Queue<QueuedEvent>(QUEUE, { connection: { url: url as string }, prefix: PREFIX });
    worker = bullmqWorker(
      async (event, ctx) => {
        runs.push(event.key);
        shipKeys.push(ctx.idempotencyKey('ship'));
      },
      { connection: { url: url as string }, prefix: PREFIX, queueName: QUEUE, concurrency: 4 },
    );
    await worker.waitUntilReady();
  });

  afterAll(async () => {
    await worker?.close();
    await served?.close();
    await hand?.queue.close();
    await inspect?.obliterate({ force: true });
    await inspect?.close();
    await proxy?.close();
  });

  it('queues an event once across sequential copies, before and after it ran', async () => {
    const event = paymentSucceeded();
    const first = await post(served.url, signed(event));
    expect(first).toMatchObject({ status: 202, outcome: 'enqueued' });
    expect((await post(served.url, signed(event))).outcome).toBe('duplicate');
    await finished(event);
    // A retry after the job ran: the completed job still holds the ID.
    const late = await post(served.url, signed(event));
    expect(late).toMatchObject({ status: 200, outcome: 'duplicate' });

    const parsed = await parseEvent(adapter, signed(event));
    expect(runs.filter((key) => key === parsed.dedupeKey)).toHaveLength(1);
    expect(shipKeys).toContain(idempotencyKey(parsed, 'ship'));
    const job = await jobOf(event);
    expect(job?.data.key).toBe(parsed.dedupeKey);
    // The setting the dedupe depends on: kept for Stripe's 3 days, by age only.
    expect(job?.opts.removeOnComplete).toEqual({ age: STRIPE_RETENTION_MS / 1000 });
  });

  it('makes one job and one run of 10 concurrent copies', async () => {
    const event = paymentSucceeded();
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => post(served.url, signed(event))),
    );
    expect(answers.filter((a) => a.outcome === 'enqueued')).toHaveLength(1);
    expect(answers.filter((a) => a.status === 200 && a.outcome === 'duplicate')).toHaveLength(9);
    await finished(event);
    const key = (await parseEvent(adapter, signed(event))).dedupeKey;
    expect(runs.filter((k) => k === key)).toHaveLength(1);
    const counts = await inspect.getJobCounts('waiting', 'active', 'delayed', 'failed');
    expect(counts).toEqual({ waiting: 0, active: 0, delayed: 0, failed: 0 });
  });

  it('answers 503 and queues nothing while Redis is down, then takes the retry', async () => {
    const event = paymentSucceeded();
    // Wait until the client saw the reset, so no add is left on the wire to land later.
    const reset = once(hand.queue, 'error');
    proxy.down();
    await reset;
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    const down = await post(served.url, signed(event));
    expect(down).toMatchObject({ status: 503, outcome: 'queue_unavailable', retryAfter: '5' });
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(await jobOf(event)).toBeUndefined();

    proxy.up();
    // The provider retries until it gets a 2xx; the client reconnects meanwhile.
    const retry = await eventually(async () => {
      const answer = await post(served.url, signed(event));
      return answer.status === 503 ? undefined : answer;
    });
    expect(retry).toMatchObject({ status: 202, outcome: 'enqueued' });
    await finished(event);
    const key = (await parseEvent(adapter, signed(event))).dedupeKey;
    expect(runs.filter((k) => k === key)).toHaveLength(1);
  });

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
    expect(await jobOf(fake)).toBeUndefined();
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
});
