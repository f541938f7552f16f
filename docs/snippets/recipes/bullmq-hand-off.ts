/**
 * docs/recipes/bullmq.md: hand verified webhooks to BullMQ, with the event's job identity as
 * the `jobId`, so Redis itself refuses a second copy. Typechecked by the root tsconfig; run by
 * packages/recipes-test against a real Redis.
 */
import type { WebhookAdapter, WebhookEvent } from '@hooklatch/core';
import {
  type ConnectionOptions,
  type JobsOptions,
  Queue,
  Worker,
  type WorkerOptions,
} from 'bullmq';
import {
  type EnqueueVerdict,
  handOffRoute,
  type QueuedEvent,
  type QueuedHandler,
  queuedContext,
  verdictOf,
} from './hand-off';

/** Options of {@link bullmqHandOff}. */
export interface BullmqHandOffOptions {
  adapter: WebhookAdapter<WebhookEvent>;
  /**
   * For the route's Queue: `enableOfflineQueue: false`, so a Redis that is down fails the add
   * at once (503) instead of queueing it in memory.
   */
  connection: ConnectionOptions;
  /** @default 'webhooks' */
  queueName?: string;
  /** Redis key prefix of the queue. @default 'bull' */
  prefix?: string;
  /**
   * How long a finished job (and so its `jobId`) is kept: at least the provider's retry
   * horizon, or a late retry is queued again. @default the adapter's `retentionMs`
   */
  retentionMs?: number;
  /** @default 3000 */
  timeoutMs?: number;
}

/** Runs of a job that throws, and crashes of its workers, before it fails for good. */
const JOB_ATTEMPTS = 8;

/**
 * The job options that keep the dedupe: finished jobs are removed by age only. A `count`
 * (or `true`) would drop a job's ID while its provider may still retry it.
 */
export function bullmqJobOptions(retentionMs: number): JobsOptions {
  const age = Math.ceil(retentionMs / 1000);
  return {
    attempts: JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: 1_000 },
    removeOnComplete: { age },
    removeOnFail: { age },
  };
}

/** The route and the queue it adds to. */
export function bullmqHandOff(options: BullmqHandOffOptions) {
  const queue = new Queue<QueuedEvent>(options.queueName ?? 'webhooks', {
    connection: { ...options.connection, enableOfflineQueue: false },
    ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
  });
  // Connection errors surface as failed adds (503); the listener keeps them from crashing.
  queue.on('error', () => {});
  const jobOptions = bullmqJobOptions(options.retentionMs ?? options.adapter.retentionMs);

  async function enqueue(jobId: string, job: QueuedEvent): Promise<EnqueueVerdict> {
    // Resolves once Redis ran the add script: the job is in Redis (as durable as its AOF).
    // An existing jobId adds nothing, whatever state that job is in.
    await queue.add(job.type, job, { ...jobOptions, jobId });
    const held = await queue.getJob(jobId);
    // Missing only if it already ran and aged out; the add above did create it.
    return held === undefined ? 'enqueued' : verdictOf(held.data, job);
  }

  const route = handOffRoute({
    adapter: options.adapter,
    enqueue,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
  return { route, queue };
}

/** Options of {@link bullmqWorker}. */
export interface BullmqWorkerOptions {
  /** For the Worker: `maxRetriesPerRequest: null`, as BullMQ requires for its blocking calls. */
  connection: ConnectionOptions;
  /** @default 'webhooks' */
  queueName?: string;
  /** @default 'bull' */
  prefix?: string;
  /** @default 4 */
  concurrency?: number;
  /**
   * How often a job whose worker died (a stalled job) is taken back before it fails. BullMQ's
   * own default, 1, fails a job for good on its second crash with attempts left, and every
   * later copy from the provider is then a duplicate of a failed job: an event dropped.
   * @default 8 (the job's attempts)
   */
  maxStalledCount?: number;
  /** Any other BullMQ worker options (`lockDuration`, `stalledInterval`...). */
  worker?: Omit<WorkerOptions, 'connection' | 'concurrency' | 'prefix' | 'maxStalledCount'>;
}

/** A BullMQ Worker that runs `handler` for every queued event. */
export function bullmqWorker(handler: QueuedHandler, options: BullmqWorkerOptions) {
  return new Worker<QueuedEvent>(
    options.queueName ?? 'webhooks',
    (job) =>
      // attemptsStarted counts every run started, a run cut short by a crash too.
      handler(job.data, queuedContext(job.data, job.attemptsStarted)),
    {
      ...options.worker,
      connection: { ...options.connection, maxRetriesPerRequest: null },
      concurrency: options.concurrency ?? 4,
      maxStalledCount: options.maxStalledCount ?? JOB_ATTEMPTS,
      ...(options.prefix === undefined ? {} : { prefix: options.prefix }),
    },
  );
}
