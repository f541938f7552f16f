/**
 * What `metrics()` counts, fed by the channel contexts, and its JSON snapshot. Label values
 * are bounded: providers are adapter names, outcomes and codes closed unions, and event types
 * are capped per recorder (`maxTypes`; later ones count as `_other`).
 */
import type { InboxReceiptOutcome } from '../inbox/observe-options';
import type { ProcessOutcomeKind } from '../process/types';
import type {
  ClaimContext,
  CompleteContext,
  HandleContext,
  ParseContext,
  ProcessContext,
  ReceiptMessage,
  WarningMessage,
} from './contexts';
import { LogHistogram } from './log-histogram';
import { CounterSeries, DurationSeries, type DurationStats, durationStats } from './metric-series';
import { SlidingWindow } from './sliding-window';

/** Copies answered without running the handler, over all deliveries. */
export interface DedupeCounts {
  deliveries: number;
  duplicates: number;
  inFlight: number;
  /** (duplicates + inFlight) / deliveries; `null` before the first delivery. */
  hitRate: number | null;
}

/** `metrics().snapshot()`: counters since start, quantiles over the window. */
export interface MetricsSnapshot {
  takenAt: string;
  windowMs: number;
  /** By outcome: `processOnce`'s, and `inboxReceiver`'s (`enqueued`, `dead_lettered`...). */
  deliveries: {
    provider: string;
    type: string;
    outcome: ProcessOutcomeKind | InboxReceiptOutcome;
    count: number;
  }[];
  rejects: { provider: string; code: string; count: number }[];
  responses: { provider: string; status: number; count: number }[];
  warnings: { provider: string; kind: string; count: number }[];
  dedupe: { total: DedupeCounts; window: DedupeCounts };
  /** In-flight answers since start (copies that arrived while another attempt ran). */
  inFlightAnswers: number;
  /** Handlers running now. */
  handlersRunning: number;
  handlerDuration: { all: DurationStats; byProvider: Record<string, DurationStats> };
  storeDuration: { claim: DurationStats; complete: DurationStats };
  /** Per provider: when the last verified delivery was answered. */
  lastDeliveryAt: Record<string, string>;
}

type Dedupe = { deliveries: number; duplicates: number; inFlight: number };
const zero = (): Dedupe => ({ deliveries: 0, duplicates: 0, inFlight: 0 });

function hitRate(d: Dedupe): DedupeCounts {
  const hitRate = d.deliveries === 0 ? null : (d.duplicates + d.inFlight) / d.deliveries;
  return { ...d, hitRate };
}

export class MetricsState {
  readonly windowMs: number;
  readonly now: () => number;
  readonly deliveries = new CounterSeries<{ provider: string; type: string; outcome: string }>();
  readonly rejects = new CounterSeries<{ provider: string; code: string }>();
  readonly responses = new CounterSeries<{ provider: string; status: string }>();
  readonly warnings = new CounterSeries<{ provider: string; kind: string }>();
  readonly handler = new Map<string, DurationSeries>();
  readonly store: { claim: DurationSeries; complete: DurationSeries };
  readonly lastDelivery = new Map<string, number>();
  readonly dedupeTotal = zero();
  readonly dedupeWindow: SlidingWindow<Dedupe>;
  running = 0;
  readonly #intervals: number;
  readonly #maxTypes: number;
  readonly #types = new Set<string>();
  readonly #started = new WeakSet<object>();

  constructor(windowMs: number, intervals: number, maxTypes: number, now: () => number) {
    this.windowMs = windowMs;
    this.now = now;
    this.#intervals = intervals;
    this.#maxTypes = maxTypes;
    this.store = {
      claim: new DurationSeries(windowMs, intervals),
      complete: new DurationSeries(windowMs, intervals),
    };
    this.dedupeWindow = new SlidingWindow(windowMs, intervals, zero, (d) =>
      Object.assign(d, zero()),
    );
  }

  #type(provider: string, type: string): string {
    const id = `${provider}\u0000${type}`;
    if (this.#types.has(id)) return type;
    if (this.#types.size >= this.#maxTypes) return '_other';
    this.#types.add(id);
    return type;
  }

  process(c: ProcessContext): void {
    if (c.outcome === undefined) return;
    this.#answered(c, c.outcome, c.status);
  }

  /**
   * An `inboxReceiver` answer: in inbox mode the receiver is where copies are told apart, so its
   * duplicates count in the hit rate. A `rejected` one is already a parse reject.
   */
  receipt(m: ReceiptMessage): void {
    if (m.outcome === 'rejected') return;
    this.#answered(m, m.outcome, m.status);
  }

  #answered(facts: { provider: string; type: string }, outcome: string, status: unknown): void {
    const now = this.now();
    const type = this.#type(facts.provider, facts.type);
    this.deliveries.add({ provider: facts.provider, type, outcome });
    this.responses.add({ provider: facts.provider, status: String(status) });
    this.lastDelivery.set(facts.provider, now);
    for (const d of [this.dedupeTotal, this.dedupeWindow.current(now)]) {
      d.deliveries++;
      if (outcome === 'duplicate') d.duplicates++;
      if (outcome === 'in_flight') d.inFlight++;
    }
  }

  rejected(c: ParseContext): void {
    const status = c.status ?? 500;
    this.rejects.add({ provider: c.provider, code: c.errorCode ?? 'INTERNAL' });
    this.responses.add({ provider: c.provider, status: String(status) });
  }

  handleStarted(c: HandleContext): void {
    this.#started.add(c);
    this.running++;
  }

  handleEnded(c: HandleContext): void {
    // Only handlers seen starting: a recorder created mid-run must not go negative.
    if (this.#started.delete(c)) this.running--;
    let series = this.handler.get(c.provider);
    if (series === undefined) {
      series = new DurationSeries(this.windowMs, this.#intervals);
      this.handler.set(c.provider, series);
    }
    series.record(c.durationMs ?? 0, this.now());
  }

  storeCall(operation: 'claim' | 'complete', c: ClaimContext | CompleteContext): void {
    this.store[operation].record(c.durationMs ?? 0, this.now());
  }

  warning(m: WarningMessage): void {
    this.warnings.add({ provider: m.provider, kind: m.warning.kind });
  }

  /** Dedupe counts of the window ending at `now`. */
  windowDedupe(now: number): DedupeCounts {
    const window = zero();
    for (const d of this.dedupeWindow.live(now)) {
      window.deliveries += d.deliveries;
      window.duplicates += d.duplicates;
      window.inFlight += d.inFlight;
    }
    return hitRate(window);
  }

  snapshot(): MetricsSnapshot {
    const now = this.now();
    const all = new LogHistogram();
    const byProvider: Record<string, DurationStats> = {};
    for (const [provider, series] of this.handler) {
      const merged = series.merged(now);
      all.merge(merged);
      byProvider[provider] = durationStats(merged);
    }
    const inFlightAnswers = this.deliveries
      .samples()
      .reduce((sum, s) => sum + (s.labels.outcome === 'in_flight' ? s.value : 0), 0);
    return {
      takenAt: new Date(now).toISOString(),
      windowMs: this.windowMs,
      deliveries: this.deliveries.samples().map((s) => ({
        ...s.labels,
        outcome: s.labels.outcome as ProcessOutcomeKind,
        count: s.value,
      })),
      rejects: this.rejects.samples().map((s) => ({ ...s.labels, count: s.value })),
      responses: this.responses.samples().map((s) => ({
        provider: s.labels.provider,
        status: Number(s.labels.status),
        count: s.value,
      })),
      warnings: this.warnings.samples().map((s) => ({ ...s.labels, count: s.value })),
      dedupe: { total: hitRate(this.dedupeTotal), window: this.windowDedupe(now) },
      inFlightAnswers,
      handlersRunning: this.running,
      handlerDuration: { all: durationStats(all), byProvider },
      storeDuration: {
        claim: durationStats(this.store.claim.merged(now)),
        complete: durationStats(this.store.complete.merged(now)),
      },
      lastDeliveryAt: Object.fromEntries(
        [...this.lastDelivery].map(([p, t]) => [p, new Date(t).toISOString()]),
      ),
    };
  }
}
