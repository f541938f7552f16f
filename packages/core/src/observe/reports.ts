/**
 * What the hooks receive. Like the channel contexts, every report is safe to log as JSON (no
 * payload, secret, token or stored result), except `HandlerErrorReport.error`: your handler's
 * own thrown value.
 */
import type { IdSource, WebhookEvent } from '../event';
import type {
  MatchedBy,
  ProcessOutcome,
  ProcessOutcomeKind,
  ProcessWarning,
} from '../process/types';
import type { DeliveryFacts } from './contexts';
import { errorFacts } from './error-facts';

/** `onReceipt`: a verified delivery, before any processing (before the claim). */
export interface ReceiptReport extends DeliveryFacts {
  /** When the delivery reached us (`event.receivedAt`). */
  receivedAt: Date | undefined;
}

/** `onOutcome` for a delivery that reached `processOnce`. */
export interface ProcessedReport extends DeliveryFacts {
  outcome: ProcessOutcomeKind;
  /** The HTTP status answered. */
  status: number;
  /**
   * Milliseconds from the receipt (or, with no receipt reported, the first claim: the checks
   * before it take microseconds) to the answer; 0 when the event was refused before any claim.
   */
  durationMs: number;
  /** Whether the handler ran for this delivery. */
  handled: boolean;
  /** How many times the key has been claimed, when known. */
  claims?: number | undefined;
  /** Duplicate and in-flight: which claim decided. */
  via?: MatchedBy | undefined;
  /** Processed: the completion mark when the answer was given. */
  completion?: 'stored' | 'pending' | 'lost' | undefined;
  /** Failed and store unavailable: the error's code and name. */
  errorCode?: string | undefined;
  errorName?: string | undefined;
}

/** `onOutcome` from `handleWebhook` for a delivery `parseEvent` refused (bad signature...). */
export interface RejectedReport {
  outcome: 'rejected';
  /** The adapter's name. */
  provider: string;
  status: number;
  durationMs: number;
  /** The hooklatch error code (`SIGNATURE_INVALID`...); absent for a non-hooklatch error. */
  errorCode?: string | undefined;
  errorName?: string | undefined;
}

/** What `onOutcome` receives. */
export type OutcomeReport = ProcessedReport | RejectedReport;

/** `onError`: the handler threw (the claim is released; the provider will retry). */
export interface HandlerErrorReport extends DeliveryFacts {
  /** What the handler threw. Its message may hold anything your code put there. */
  error: unknown;
  /** How many times the key has been claimed (1 on a first delivery). */
  claims: number;
  /** Milliseconds the handler ran. */
  durationMs: number;
}

/** `onWarning`: a problem that did not change the outcome (it may come after the answer). */
export interface WarningReport extends DeliveryFacts {
  warning: ProcessWarning;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * The delivery facts of `f`, in their fixed order, followed by `own`'s fields: every context
 * and report starts with the same seven fields (one hidden-class path, cheap to fill in).
 */
export function withFacts<T extends object>(f: DeliveryFacts, own: T): DeliveryFacts & T {
  const facts: DeliveryFacts = {
    provider: f.provider,
    type: f.type,
    eventId: f.eventId,
    idSource: f.idSource,
    key: f.key,
    deliveryId: f.deliveryId,
    attempt: f.attempt,
  };
  return Object.assign(facts, own);
}

/**
 * `event[name]`, or `undefined` where reading it throws: a hand-built event may carry a
 * throwing getter, and observing it must not change how it is processed.
 */
export function readField(event: unknown, name: keyof WebhookEvent): unknown {
  if (typeof event !== 'object' || event === null) return undefined;
  try {
    return (event as Record<string, unknown>)[name];
  } catch {
    return undefined;
  }
}

/** The facts of `event` (a hand-built event may lack any of them: read defensively). */
export function deliveryFacts(event: WebhookEvent): DeliveryFacts {
  const attempt = readField(event, 'attempt');
  const deliveryId = readField(event, 'deliveryId');
  return {
    provider: text(readField(event, 'provider')),
    type: text(readField(event, 'type')),
    eventId: text(readField(event, 'id')),
    idSource: text(readField(event, 'idSource')) as IdSource,
    key: text(readField(event, 'dedupeKey')),
    deliveryId: typeof deliveryId === 'string' ? deliveryId : undefined,
    attempt: typeof attempt === 'number' ? attempt : undefined,
  };
}

/** Facts of a delivery known only by its adapter (a setup error before parsing). */
export function providerFacts(provider: string): DeliveryFacts {
  return {
    provider,
    type: '',
    eventId: '',
    idSource: '' as IdSource,
    key: '',
    deliveryId: undefined,
    attempt: undefined,
  };
}

/** The `onOutcome` report of a delivery (one fixed shape: absent facts are undefined). */
export function processedReport(
  f: DeliveryFacts,
  outcome: ProcessOutcome<unknown>,
  durationMs: number,
  handled: boolean,
  claims: number | undefined,
): ProcessedReport {
  const failure =
    outcome.outcome === 'failed' || outcome.outcome === 'store_unavailable'
      ? errorFacts(outcome.error)
      : undefined;
  return withFacts(f, {
    outcome: outcome.outcome,
    status: outcome.status,
    durationMs,
    handled,
    claims: claims ?? (outcome.outcome === 'duplicate' ? outcome.record.claims : undefined),
    via:
      outcome.outcome === 'duplicate' || outcome.outcome === 'in_flight' ? outcome.via : undefined,
    completion: outcome.outcome === 'processed' ? outcome.completion : undefined,
    errorCode: failure?.errorCode,
    errorName: failure?.errorName,
  });
}
