/**
 * Metrics from the hooklatch channels: a counter of deliveries by outcome (and of rejects and
 * warnings), the handler's duration, the whole delivery's duration under the messaging
 * convention's `messaging.process.duration`, and store-call durations. Seconds, as the
 * conventions ask.
 */
import type {
  ClaimContext,
  CompleteContext,
  HandleContext,
  ParseContext,
  ProcessContext,
  ReceiptMessage,
  WarningMessage,
} from '@hooklatch/core';
import type { Counter, Histogram, Meter } from '@opentelemetry/api';
import { ATTR, errorType } from './attributes';

/** The messaging conventions' recommended duration buckets, in seconds. */
const DURATION_BUCKETS = [
  0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10,
];

/** Metric names (public API). */
export const METRICS = Object.freeze({
  deliveries: 'hooklatch.deliveries',
  rejects: 'hooklatch.rejects',
  warnings: 'hooklatch.warnings',
  handlerDuration: 'hooklatch.handler.duration',
  processDuration: 'messaging.process.duration',
  storeDuration: 'hooklatch.store.duration',
} as const);

const seconds = (ms: number | undefined) => (ms ?? 0) / 1000;

export class MeterRecorder {
  readonly #deliveries: Counter;
  readonly #rejects: Counter;
  readonly #warnings: Counter;
  readonly #handler: Histogram;
  readonly #process: Histogram;
  readonly #store: Histogram;

  constructor(meter: Meter) {
    const duration = (name: string, description: string) =>
      meter.createHistogram(name, {
        description,
        unit: 's',
        advice: { explicitBucketBoundaries: DURATION_BUCKETS },
      });
    this.#deliveries = meter.createCounter(METRICS.deliveries, {
      description: 'Deliveries answered by processOnce or inboxReceiver, by outcome.',
      unit: '{delivery}',
    });
    this.#rejects = meter.createCounter(METRICS.rejects, {
      description: 'Deliveries parseEvent refused (bad signature, bad payload...), by error type.',
      unit: '{delivery}',
    });
    this.#warnings = meter.createCounter(METRICS.warnings, {
      description: 'Problems that did not change an outcome, by kind.',
      unit: '{warning}',
    });
    this.#handler = duration(METRICS.handlerDuration, 'How long the handler ran.');
    this.#process = duration(METRICS.processDuration, 'How long a delivery took, claim to answer.');
    this.#store = duration(METRICS.storeDuration, 'How long a dedupe store call took.');
  }

  process(c: ProcessContext): void {
    const failed = c.outcome === 'failed' || c.outcome === 'store_unavailable';
    const attributes = {
      [ATTR.messagingSystem]: c.provider,
      [ATTR.outcome]: c.outcome ?? 'failed',
      ...(failed ? { [ATTR.errorType]: errorType(c) ?? '_OTHER' } : {}),
    };
    this.#deliveries.add(1, attributes);
    this.#process.record(seconds(c.durationMs), { ...attributes, [ATTR.operationName]: 'process' });
  }

  /** An `inboxReceiver` answer; a `rejected` one is counted by `rejected` (a parse error). */
  receipt(m: ReceiptMessage): void {
    if (m.outcome === 'rejected') return;
    const failed = m.outcome === 'failed' || m.outcome === 'store_unavailable';
    this.#deliveries.add(1, {
      [ATTR.messagingSystem]: m.provider,
      [ATTR.outcome]: m.outcome,
      ...(failed ? { [ATTR.errorType]: errorType(m) ?? '_OTHER' } : {}),
    });
  }

  rejected(c: ParseContext): void {
    this.#rejects.add(1, {
      [ATTR.messagingSystem]: c.provider,
      [ATTR.errorType]: errorType(c) ?? '_OTHER',
    });
  }

  handled(c: HandleContext): void {
    const attributes: Record<string, string> = { [ATTR.messagingSystem]: c.provider };
    if (c.error !== undefined) attributes[ATTR.errorType] = errorType(c) ?? '_OTHER';
    this.#handler.record(seconds(c.durationMs), attributes);
  }

  stored(operation: 'claim' | 'complete', c: ClaimContext | CompleteContext): void {
    const attributes: Record<string, string> = { [ATTR.storeOperation]: operation };
    if (c.error !== undefined) attributes[ATTR.errorType] = errorType(c) ?? '_OTHER';
    this.#store.record(seconds(c.durationMs), attributes);
  }

  warning(m: WarningMessage): void {
    this.#warnings.add(1, {
      [ATTR.messagingSystem]: m.provider,
      [ATTR.warningKind]: m.warning.kind,
    });
  }
}
