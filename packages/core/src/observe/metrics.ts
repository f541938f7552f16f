/**
 * `metrics()`: an in-process recorder fed by the hooklatch diagnostics channels. It counts
 * every delivery by provider, type and outcome, rejects by error code, answers by status and
 * warnings by kind; keeps handler and store-call durations as mergeable histograms over a
 * sliding window (p50/p95/p99 without keeping samples) and as cumulative buckets; and answers
 * as JSON (`snapshot()`) or Prometheus text (`prometheus()`).
 */
import { ConfigurationError } from '../errors';
import { TRACING_CHANNELS, WARNING_CHANNEL } from './channel-names';
import type {
  ClaimContext,
  CompleteContext,
  HandleContext,
  ParseContext,
  ProcessContext,
  WarningMessage,
} from './contexts';
import { diagnosticsChannel } from './diagnostics';
import { type MetricsSnapshot, MetricsState } from './metrics-state';
import { prometheusText } from './prometheus';

/** Options of {@link metrics}. */
export interface MetricsOptions {
  /**
   * The sliding window of the quantiles and the windowed hit rate, in ms (an integer in
   * 1_000..86_400_000).
   * @default 600_000 (10 minutes, the window the alerts in docs/observability.md use)
   */
  windowMs?: number;
  /**
   * How many intervals the window is cut into: it slides by `windowMs / intervals` (an integer
   * in 1..120).
   * @default 10
   */
  intervals?: number;
  /**
   * Most distinct (provider, event type) pairs kept as labels; later types count as `_other`.
   * @default 1_000
   */
  maxTypes?: number;
  /** The clock (ms since the epoch). @default Date.now */
  now?: () => number;
}

/** A running recorder. */
export interface MetricsRecorder {
  /** Everything counted so far, as JSON-ready data. */
  snapshot(): MetricsSnapshot;
  /** The same as Prometheus text exposition (serve it with `text/plain; version=0.0.4`). */
  prometheus(): string;
  /** Stop recording (unsubscribe from every channel). Idempotent. */
  close(): void;
}

function integer(
  options: MetricsOptions,
  option: keyof MetricsOptions,
  min: number,
  max: number,
  fallback: number,
): number {
  const value = options[option];
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `metrics: "${option}" must be an integer in ${min}..${max}.`,
      {
        details: { option, expected: `an integer in ${min}..${max}` },
      },
    );
  }
  return value;
}

/** Subscriber bodies never throw: a throwing diagnostics subscriber is an uncaught exception. */
function guard<T>(fn: (message: T) => void): (message: unknown) => void {
  return (message) => {
    try {
      fn(message as T);
    } catch {
      // A malformed context (a foreign publisher on our channel name) is skipped.
    }
  };
}

/**
 * Start recording. Needs `node:diagnostics_channel` (Node, Bun, Deno, Workers with
 * `nodejs_compat`); elsewhere it throws CONFIG_INVALID: use the `hooks` option there.
 *
 * @example
 * const recorder = metrics();
 * app.get('/metrics', (_req, res) => res.type('text/plain; version=0.0.4').send(recorder.prometheus()));
 */
export function metrics(options: MetricsOptions = {}): MetricsRecorder {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError('CONFIG_INVALID', 'metrics: options must be an object.', {
      details: { option: 'options' },
    });
  }
  const windowMs = integer(options, 'windowMs', 1_000, 86_400_000, 600_000);
  const intervals = integer(options, 'intervals', 1, 120, 10);
  const maxTypes = integer(options, 'maxTypes', 0, 1_000_000, 1_000);
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new ConfigurationError('CONFIG_INVALID', 'metrics: "now" must be a function.', {
      details: { option: 'now', expected: 'a function' },
    });
  }
  const dc = diagnosticsChannel();
  if (dc === undefined) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      'metrics() needs node:diagnostics_channel, which this runtime lacks; observe with the `hooks` option instead.',
      { details: { option: 'runtime' } },
    );
  }
  const state = new MetricsState(windowMs, intervals, maxTypes, options.now ?? Date.now);
  const subscriptions: [string, (message: unknown) => void][] = [
    [
      `tracing:${TRACING_CHANNELS.process}:asyncEnd`,
      guard<ProcessContext>((c) => state.process(c)),
    ],
    [`tracing:${TRACING_CHANNELS.parse}:error`, guard<ParseContext>((c) => state.rejected(c))],
    [
      `tracing:${TRACING_CHANNELS.handle}:start`,
      guard<HandleContext>((c) => state.handleStarted(c)),
    ],
    [
      `tracing:${TRACING_CHANNELS.handle}:asyncEnd`,
      guard<HandleContext>((c) => state.handleEnded(c)),
    ],
    [
      `tracing:${TRACING_CHANNELS.claim}:asyncEnd`,
      guard<ClaimContext>((c) => state.storeCall('claim', c)),
    ],
    [
      `tracing:${TRACING_CHANNELS.complete}:asyncEnd`,
      guard<CompleteContext>((c) => state.storeCall('complete', c)),
    ],
    [WARNING_CHANNEL, guard<WarningMessage>((m) => state.warning(m))],
  ];
  for (const [name, fn] of subscriptions) dc.channel(name).subscribe(fn);
  let open = true;
  return {
    snapshot: () => state.snapshot(),
    prometheus: () => prometheusText(state),
    close: () => {
      if (!open) return;
      open = false;
      for (const [name, fn] of subscriptions) dc.channel(name).unsubscribe(fn);
    },
  };
}
