/**
 * `metrics()`: an in-process recorder fed by the hooklatch diagnostics channels. It counts
 * every delivery by provider, type and outcome (`processOnce`'s and `inboxReceiver`'s answers), rejects by error code, answers by status and
 * warnings by kind; keeps handler and store-call durations as mergeable histograms over a
 * sliding window (p50/p95/p99 without keeping samples) and as cumulative buckets; and answers
 * as JSON (`snapshot()`) or Prometheus text (`prometheus()`).
 */
import { checkOptionsObject, optionInvalid } from '../kit/options';
import { RECEIPT_CHANNEL, TRACING_CHANNELS, WARNING_CHANNEL } from './channel-names';
import type {
  ClaimContext,
  CompleteContext,
  HandleContext,
  ParseContext,
  ProcessContext,
  ReceiptMessage,
  WarningMessage,
} from './contexts';
import { type MetricsSnapshot, MetricsState } from './metrics-state';
import { prometheusText } from './prometheus';
import { subscribeChannels } from './subscribe';

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
  /**
   * Most distinct providers kept as labels; later ones count as `_other` (adapters name a few,
   * but a hand-built event passed to `processOnce` may carry any).
   * @default 100
   */
  maxProviders?: number;
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

function integer(option: string, value: unknown, min: number, max: number, fallback: number) {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw optionInvalid('metrics', option, `must be an integer in ${min}..${max}`);
  }
  return value;
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
  checkOptionsObject('metrics', options);
  const windowMs = integer('windowMs', options.windowMs, 1_000, 86_400_000, 600_000);
  const intervals = integer('intervals', options.intervals, 1, 120, 10);
  const maxTypes = integer('maxTypes', options.maxTypes, 0, 1_000_000, 1_000);
  const maxProviders = integer('maxProviders', options.maxProviders, 0, 100_000, 100);
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw optionInvalid('metrics', 'now', 'must be a function');
  }
  const limits = { maxTypes, maxProviders };
  const state = new MetricsState(windowMs, intervals, limits, options.now ?? Date.now);
  const on = (stage: keyof typeof TRACING_CHANNELS, event: string) =>
    `tracing:${TRACING_CHANNELS[stage]}:${event}`;
  const close = subscribeChannels('metrics()', {
    [on('process', 'asyncEnd')]: (c: ProcessContext) => state.process(c),
    [on('parse', 'error')]: (c: ParseContext) => state.rejected(c),
    [on('handle', 'start')]: (c: HandleContext) => state.handleStarted(c),
    [on('handle', 'asyncEnd')]: (c: HandleContext) => state.handleEnded(c),
    [on('claim', 'asyncEnd')]: (c: ClaimContext) => state.storeCall('claim', c),
    [on('complete', 'asyncEnd')]: (c: CompleteContext) => state.storeCall('complete', c),
    [WARNING_CHANNEL]: (m: WarningMessage) => state.warning(m),
    [RECEIPT_CHANNEL]: (m: ReceiptMessage) => state.receipt(m),
  });
  return {
    snapshot: () => state.snapshot(),
    prometheus: () => prometheusText(state),
    close,
  };
}
