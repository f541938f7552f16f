/**
 * What `metrics()` counts, fed by the channel contexts, and its JSON snapshot. Label values
 * are bounded: outcomes and codes are closed unions, and providers and event types are capped
 * per recorder (`maxProviders`, `maxTypes`; later ones, and any longer than 128 characters,
 * count as `_other`). A hand-built event can carry any provider, and some providers' event type
 * travels in a header their signature does not cover.
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

/** Whether a label value is short enough to keep (longer ones count as `_other`). */
const short = (value: string) => typeof value === 'string' && value.length <= 128;

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
  readonly #maxProviders: number;
  readonly #providers = new Set<string>();
  readonly #started = new WeakSet<object>();

  constructor(
    windowMs: number,
    intervals: number,
    limits: { maxTypes: number; maxProviders: number },
    now: () => number,
  ) {
    this.windowMs = windowMs;
    this.now = now;
    this.#intervals = intervals;
    this.#maxTypes = limits.maxTypes;
    this.#maxProviders = limits.maxProviders;
    this.store = {
      claim: new DurationSeries(windowMs, intervals),
      complete: new DurationSeries(windowMs, intervals),
    };
    this.dedupeWindow = new SlidingWindow(windowMs, intervals, zero, (d) =>
      Object.assign(d, zero()),
    );
  }

  /** The provider's label: itself while under `maxProviders`, else `_other`. */
  #provider(provider: string): string {
    if (this.#providers.has(provider)) return provider;
    if (this.#providers.size >= this.#maxProviders || !short(provider)) return '_other';
    this.#providers.add(provider);
    return provider;
  }

  #type(provider: string, type: string): string {
    const id = `${provider}\u0000${type}`;
    if (this.#types.has(id)) return type;
    if (this.#types.size >= this.#maxTypes || !short(type)) return '_other';
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

  #answered(
    facts: { provider: string; type: string; eventId: string },
    outcome: string,
    status: unknown,
  ): void {
    const now = this.now();
    const provider = this.#provider(facts.provider);
    const type = this.#type(provider, facts.type);
    this.deliveries.add({ provider, type, outcome });
    this.responses.add({ provider, status: String(status) });
    // No event ID: a setup failure answered before any parsing, so nothing was verified. It is
    // counted as an answer (a 5xx), but must neither keep "traffic stopped" alerts quiet nor
    // weigh in the hit rate, since a forged request gets the same answer.
    if (facts.eventId === '') return;
    this.lastDelivery.set(provider, now);
    for (const d of [this.dedupeTotal, this.dedupeWindow.current(now)]) {
      d.deliveries++;
      if (outcome === 'duplicate') d.duplicates++;
      if (outcome === 'in_flight') d.inFlight++;
    }
  }

  rejected(c: ParseContext): void {
    const status = c.status ?? 500;
    const provider = this.#provider(c.provider);
    this.rejects.add({ provider, code: c.errorCode ?? 'INTERNAL' });
    this.responses.add({ provider, status: String(status) });
  }

  handleStarted(c: HandleContext): void {
    this.#started.add(c);
    this.running++;
  }

  handleEnded(c: HandleContext): void {
    // Only handlers seen starting: a recorder created mid-run must not go negative.
    if (this.#started.delete(c)) this.running--;
    const provider = this.#provider(c.provider);
    let series = this.handler.get(provider);
    if (series === undefined) {
      series = new DurationSeries(this.windowMs, this.#intervals);
      this.handler.set(provider, series);
    }
    series.record(c.durationMs ?? 0, this.now());
  }

  storeCall(operation: 'claim' | 'complete', c: ClaimContext | CompleteContext): void {
    this.store[operation].record(c.durationMs ?? 0, this.now());
  }

  warning(m: WarningMessage): void {
    this.warnings.add({ provider: this.#provider(m.provider), kind: m.warning.kind });
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
