/**
 * The series `metrics()` keeps: labelled counters, and durations both as a sliding window of
 * log-linear histograms (quantiles for the last `windowMs`) and as cumulative fixed buckets
 * (what a Prometheus histogram exposes, so the server computes quantiles over any window).
 */
import { LogHistogram } from './log-histogram';
import { SlidingWindow } from './sliding-window';

/** Upper bounds (seconds) of the cumulative buckets; `+Inf` follows. */
export const SECONDS_BUCKETS: readonly number[] = Object.freeze([
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300,
]);

/** One labelled value. */
export interface Sample<L> {
  labels: L;
  value: number;
}

/** Counters keyed by their label values. */
export class CounterSeries<L extends Record<string, string>> {
  readonly #samples = new Map<string, Sample<L>>();

  add(labels: L, by = 1): void {
    const id = Object.values(labels).join('\u0000');
    const sample = this.#samples.get(id);
    if (sample === undefined) this.#samples.set(id, { labels, value: by });
    else sample.value += by;
  }

  samples(): Sample<L>[] {
    return [...this.#samples.values()].map((s) => ({ labels: { ...s.labels }, value: s.value }));
  }
}

/** Quantiles of the window, in ms; `null` when nothing was recorded in it. */
export interface DurationStats {
  count: number;
  meanMs: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  p99Ms: number | null;
  maxMs: number | null;
}

/** Durations of one label set. */
export class DurationSeries {
  readonly window: SlidingWindow<LogHistogram>;
  /** Cumulative per-bucket counts since start (last = above every bound). */
  readonly buckets = new Float64Array(SECONDS_BUCKETS.length + 1);
  count = 0;
  sumSeconds = 0;

  constructor(windowMs: number, intervals: number) {
    this.window = new SlidingWindow(
      windowMs,
      intervals,
      () => new LogHistogram(),
      (h) => h.reset(),
    );
  }

  record(ms: number, now: number): void {
    const value = Math.max(0, ms || 0); // NaN counts as 0 too
    this.window.current(now).record(value);
    const seconds = value / 1000;
    let i = 0;
    while (i < SECONDS_BUCKETS.length && seconds > (SECONDS_BUCKETS[i] as number)) i++;
    this.buckets[i] = (this.buckets[i] as number) + 1;
    this.count++;
    this.sumSeconds += seconds;
  }

  /** Every sample of the window, merged. */
  merged(now: number, into = new LogHistogram()): LogHistogram {
    for (const h of this.window.live(now)) into.merge(h);
    return into;
  }
}

const round = (ms: number | undefined): number | null =>
  ms === undefined ? null : Math.round(ms * 1000) / 1000;

/** The window's stats of a merged histogram. */
export function durationStats(h: LogHistogram): DurationStats {
  return {
    count: h.count,
    meanMs: h.count === 0 ? null : round(h.sum / h.count),
    p50Ms: round(h.quantile(0.5)),
    p95Ms: round(h.quantile(0.95)),
    p99Ms: round(h.quantile(0.99)),
    maxMs: h.count === 0 ? null : round(h.max),
  };
}
