/**
 * docs/recipes/pg-boss.md: hand verified webhooks to pg-boss on PostgreSQL, with the event's job
 * identity as the job's `id` (its primary key), so PostgreSQL itself refuses a second copy.
 * Typechecked by the root tsconfig; run by packages/recipes-test against a real PostgreSQL.
 */
import { ConfigurationError, type WebhookAdapter, type WebhookEvent } from '@hooklatch/core';
import type PgBoss from 'pg-boss';
import {
  type EnqueueVerdict,
  handOffRoute,
  type QueuedEvent,
  type QueuedHandler,
  queuedContext,
  verdictOf,
} from './hand-off';

/**
 * The constructor options that keep the dedupe: a finished job stays in `pgboss.job` (where
 * its `id` is a primary key) for `retentionMs`, the provider's retry horizon. Give every
 * instance that supervises (runs maintenance) the same settings.
 */
export function pgBossRetention(retentionMs: number) {
  const seconds = Math.ceil(retentionMs / 1000);
  return { archiveCompletedAfterSeconds: seconds, archiveFailedAfterSeconds: seconds };
}

/** Options of {@link pgBossHandOff}. */
export interface PgBossHandOffOptions {
  adapter: WebhookAdapter<WebhookEvent>;
  /** A started PgBoss instance. */
  boss: PgBoss;
  /** A queue created with `boss.createQueue(name)`. @default 'webhooks' */
  queueName?: string;
  /** @default 3000 */
  timeoutMs?: number;
}

/** The route that sends every verified event to the pg-boss queue. */
export function pgBossHandOff(options: PgBossHandOffOptions) {
  const { boss } = options;
  const name = options.queueName ?? 'webhooks';

  async function enqueue(jobId: string, job: QueuedEvent): Promise<EnqueueVerdict> {
    // One INSERT ... ON CONFLICT DO NOTHING, committed when it resolves: the id, or null when
    // a job with this id is already in pgboss.job, whatever its state.
    const created = await boss.send(name, job, {
      id: jobId,
      retryLimit: 8,
      retryDelay: 1,
      retryBackoff: true,
    });
    if (created !== null) return 'enqueued';
    const held = await boss.getJobById<QueuedEvent>(name, jobId);
    if (held === null) {
      // send also answers null for a queue that does not exist.
      throw new ConfigurationError(
        'CONFIG_INVALID',
        'pg-boss took no job and holds none under its id: create the queue first.',
        { details: { option: 'queueName' } },
      );
    }
    return verdictOf(held.data, job);
  }

  return handOffRoute({
    adapter: options.adapter,
    enqueue,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });
}

/** Options of {@link pgBossWorker}. */
export interface PgBossWorkerOptions {
  /** @default 'webhooks' */
  queueName?: string;
  /** @default 2 */
  pollingIntervalSeconds?: number;
}

/** Run `handler` for every queued event; resolves to the worker's id. */
export function pgBossWorker(
  boss: PgBoss,
  handler: QueuedHandler,
  options: PgBossWorkerOptions = {},
) {
  return boss.work<QueuedEvent>(
    options.queueName ?? 'webhooks',
    // One job per call: a throw fails the whole batch, and each job's retries are its own.
    {
      batchSize: 1,
      includeMetadata: true,
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    },
    async (jobs) => {
      // A job that expired (its worker died) or failed comes back with retryCount + 1.
      for (const job of jobs) await handler(job.data, queuedContext(job.data, job.retryCount + 1));
    },
  );
}
