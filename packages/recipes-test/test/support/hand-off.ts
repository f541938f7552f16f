/**
 * What both queue hand-offs (docs/recipes/bullmq.md, docs/recipes/pg-boss.md) must do against
 * their real server: duplicates make one job and one run, sequential or concurrent; a server
 * that is down is answered 503 with nothing queued, and the retry is taken; another body under
 * a known ID and a forged delivery queue nothing. Each recipe's test file starts its backend
 * and adds the checks only its queue needs.
 */
import { idempotencyKey, parseEvent } from '@hooklatch/core';
import type { TcpProxy } from '@hooklatch/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  jobIdOf,
  type QueuedEvent,
  type QueuedHandler,
} from '../../../../docs/snippets/recipes/hand-off';
import { eventually, post } from './http';
import { adapter, forged, paymentSucceeded, signed } from './stripe-events';

type StripeEvent = Record<string, unknown>;

/** A job as the queue holds it. */
export interface HeldJob {
  data: Pick<QueuedEvent, 'key' | 'payload'>;
  completed: boolean;
}

/** One queue backend, started once for the file, with the route served in front of it. */
export interface HandOffBackend {
  /** Where the recipe's route is served (see `serve`). */
  url: string;
  /** Between the route and the server: `down()` is the outage. */
  proxy: TcpProxy;
  /** The job the queue holds under `jobId`, or `undefined`. */
  job(jobId: string): Promise<HeldJob | undefined>;
  /** Start the outage; resolves once the route's client saw it. @default proxy.down() */
  down?(): Promise<void>;
  /** Run once the first job completed, before its late retry (e.g. the queue's maintenance). */
  afterCompleted?(): Promise<void>;
  /** More checks of that completed job. */
  checkCompleted?(jobId: string): Promise<void>;
  /** More checks that 10 concurrent copies left exactly one job. */
  checkOneJob?(jobId: string): Promise<void>;
  close(): Promise<void>;
}

/** Options of {@link describeHandOff}. */
export interface DescribeHandOffOptions {
  /** The suite's title, e.g. `BullMQ hand-off (real Redis)`. */
  title: string;
  /** The server's name in test titles, e.g. `Redis`. */
  server: string;
  /** The server's URL; the suite is skipped without one. */
  url: string | undefined;
  /** Start the backend, its worker running `handler` on every job. */
  start(url: string, handler: QueuedHandler): Promise<HandOffBackend>;
  /** Register the tests only this queue needs, in the same suite, after the shared ones. */
  more?(): void;
}

/** Register the hand-off tests both recipes share, against a real server. */
export function describeHandOff(options: DescribeHandOffOptions): void {
  describe.skipIf(!options.url)(options.title, { timeout: 20_000 }, () => {
    let backend: HandOffBackend;
    const runs: string[] = [];
    const shipKeys: string[] = [];

    const idOf = async (event: StripeEvent) => jobIdOf(await parseEvent(adapter, signed(event)));
    const jobOf = async (event: StripeEvent) => backend.job(await idOf(event));
    const finished = (event: StripeEvent) =>
      eventually(
        async () => ((await jobOf(event))?.completed ? true : undefined),
        10_000,
        'the job to complete',
      );
    const runsOf = async (event: StripeEvent) => {
      const key = (await parseEvent(adapter, signed(event))).dedupeKey;
      return runs.filter((k) => k === key).length;
    };

    beforeAll(async () => {
      backend = await options.start(options.url as string, async (event, ctx) => {
        runs.push(event.key);
        shipKeys.push(ctx.idempotencyKey('ship'));
      });
    });

    afterAll(async () => {
      await backend?.close();
    });

    it('queues an event once across sequential copies, before and after it ran', async () => {
      const event = paymentSucceeded();
      const first = await post(backend.url, signed(event));
      expect(first).toMatchObject({ status: 202, outcome: 'enqueued' });
      expect((await post(backend.url, signed(event))).outcome).toBe('duplicate');
      await finished(event);
      await backend.afterCompleted?.();
      // A retry after the job ran: the completed job still holds the ID.
      const late = await post(backend.url, signed(event));
      expect(late).toMatchObject({ status: 200, outcome: 'duplicate' });

      const parsed = await parseEvent(adapter, signed(event));
      expect(await runsOf(event)).toBe(1);
      expect(shipKeys).toContain(idempotencyKey(parsed, 'ship'));
      expect((await jobOf(event))?.data.key).toBe(parsed.dedupeKey);
      await backend.checkCompleted?.(jobIdOf(parsed));
    });

    it('makes one job and one run of 10 concurrent copies', async () => {
      const event = paymentSucceeded();
      const answers = await Promise.all(
        Array.from({ length: 10 }, () => post(backend.url, signed(event))),
      );
      expect(answers.filter((a) => a.status === 202 && a.outcome === 'enqueued')).toHaveLength(1);
      expect(answers.filter((a) => a.status === 200 && a.outcome === 'duplicate')).toHaveLength(9);
      await finished(event);
      expect(await runsOf(event)).toBe(1);
      await backend.checkOneJob?.(await idOf(event));
    });

    it(`answers 503 and queues nothing while ${options.server} is down, then takes the retry`, async () => {
      const event = paymentSucceeded();
      await (backend.down?.() ?? backend.proxy.down());
      const started = Date.now();
      const down = await post(backend.url, signed(event));
      expect(down).toMatchObject({ status: 503, outcome: 'queue_unavailable', retryAfter: '5' });
      expect(Date.now() - started).toBeLessThan(1_500);
      expect(await jobOf(event)).toBeUndefined();

      backend.proxy.up();
      // The provider retries until it gets a 2xx; the client reconnects meanwhile.
      const retry = await eventually(async () => {
        const answer = await post(backend.url, signed(event));
        return answer.status === 503 ? undefined : answer;
      });
      expect(retry).toMatchObject({ status: 202, outcome: 'enqueued' });
      await finished(event);
      expect(await runsOf(event)).toBe(1);
    });

    it('refuses another body under a known ID (422) and a forged one (401), queuing nothing', async () => {
      const event = paymentSucceeded({ amount: 1000 });
      expect((await post(backend.url, signed(event))).outcome).toBe('enqueued');
      const other = {
        ...event,
        data: paymentSucceeded({ id: event.id as string, amount: 9999 }).data,
      };
      expect(await post(backend.url, signed(other))).toMatchObject({
        status: 422,
        outcome: 'mismatch',
      });
      expect((await jobOf(event))?.data.payload).toEqual(event);

      const fake = paymentSucceeded();
      expect(await post(backend.url, forged(fake))).toMatchObject({
        status: 401,
        outcome: 'rejected',
      });
      expect(await jobOf(fake)).toBeUndefined();
    });

    options.more?.();
  });
}
