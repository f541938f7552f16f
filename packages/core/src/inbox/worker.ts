/**
 * `worker`: drains an inbox. It claims as many ready entries as it has free slots (the inbox
 * skips entries other workers hold, so any number of workers in any number of processes share
 * one inbox), runs each under a renewed lease, and waits `pollMs` (or a `wake()`) when nothing is
 * ready. A failing inbox is retried with backoff; the worker never stops on its own.
 *
 * `stop()` claims nothing more, waits for the running entries to settle (completed, failed or,
 * when `graceMs` ran out and the handler gave up on its aborted signal, released unrun), and
 * hands back any entry a claim returned after the stop began.
 */
import type { WebhookAdapter, WebhookEvent } from '../event';
import { monotonicNow } from '../process/lease-keeper';
import { logStoreError } from './observe-fanout';
import type { InboxClaim } from './types';
import { resolveWorkerConfig, type WorkerOptions } from './worker-options';
import { runClaim } from './worker-run';

/** Options of {@link InboxWorker.stop}. */
export interface WorkerStopOptions {
  /**
   * How long running handlers may go on before their `context.signal` aborts. A handler that
   * then throws has its entry released (the attempt is not counted). @default Infinity
   */
  graceMs?: number;
}

/** A running worker. */
export interface InboxWorker {
  /** Claim now instead of at the end of the current `pollMs` wait. */
  wake(): void;
  /** Stop claiming and settle what it holds; resolves when nothing is held any more. */
  stop(options?: WorkerStopOptions): Promise<void>;
  /** Entries running right now. */
  readonly active: number;
  /** True once `stop()` was called. */
  readonly stopping: boolean;
}

const MAX_IDLE_AFTER_ERRORS_MS = 30_000;

/**
 * Start a worker on `inbox`. Throws CONFIG_INVALID for bad options; never afterwards.
 *
 * @example
 * const w = worker({ inbox, adapter: stripe({ secret }), handler: fulfil, concurrency: 8 });
 * process.on('SIGTERM', () => void w.stop({ graceMs: 20_000 }));
 */
export function worker<A extends WebhookAdapter<WebhookEvent>>(
  options: WorkerOptions<A>,
): InboxWorker {
  const config = resolveWorkerConfig(options);
  const providers = [...config.adapters.keys()];
  const running = new Set<Promise<void>>();
  const shutdown = new AbortController();
  let stopping = false;
  let wakeUp: (() => void) | undefined;
  let stopped!: () => void;
  const stopRequested = new Promise<void>((resolve) => {
    stopped = resolve;
  });

  const idle = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wakeUp = done;
    });

  const track = (work: Promise<void>) => {
    const run = work.finally(() => {
      running.delete(run);
    });
    running.add(run);
  };
  // A claim answered after stop() began: nothing ran, so the entry goes straight back.
  const handBack = async ({ entry, token }: InboxClaim) => {
    try {
      await config.inbox.release(entry.key, token);
      config.report({ kind: 'released', key: entry.key, reason: 'stopping' });
    } catch (error) {
      // Its lease ends on its own; another worker claims it then.
      config.report({ kind: 'store_error', operation: 'release', key: entry.key, error });
      logStoreError(config.observer, 'release', error);
    }
  };

  const loop = async () => {
    let failures = 0;
    while (!stopping) {
      const free = config.concurrency - running.size;
      if (free <= 0) {
        await Promise.race([...running, stopRequested]);
        continue;
      }
      const sentAt = monotonicNow();
      let claims: InboxClaim[];
      try {
        claims = await config.inbox.claim({ leaseMs: config.leaseMs, limit: free, providers });
        if (!Array.isArray(claims)) claims = [];
        failures = 0;
      } catch (error) {
        failures++;
        config.report({ kind: 'store_error', operation: 'claim', error });
        logStoreError(config.observer, 'claim', error);
        const ceiling = Math.min(MAX_IDLE_AFTER_ERRORS_MS, config.pollMs * 2 ** (failures - 1));
        await idle(ceiling * (0.5 + Math.random() / 2));
        continue;
      }
      for (const claim of claims) {
        if (stopping) track(handBack(claim));
        else track(runClaim(config, claim, sentAt, shutdown.signal));
      }
      if (claims.length < free && !stopping) await idle(config.pollMs);
    }
  };
  const looping = loop();

  return {
    wake() {
      wakeUp?.();
    },
    async stop(stopOptions: WorkerStopOptions = {}) {
      const graceMs = stopOptions.graceMs ?? Number.POSITIVE_INFINITY;
      stopping = true;
      stopped();
      wakeUp?.();
      await looping;
      const timer = Number.isFinite(graceMs)
        ? setTimeout(() => shutdown.abort(), Math.max(0, graceMs))
        : undefined;
      try {
        while (running.size > 0) await Promise.all([...running]);
      } finally {
        clearTimeout(timer);
      }
    },
    get active() {
      return running.size;
    },
    get stopping() {
      return stopping;
    },
  };
}
