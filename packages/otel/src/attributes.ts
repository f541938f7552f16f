/**
 * Span and metric attributes: the OpenTelemetry messaging semantic conventions where they fit
 * (a webhook delivery is a message pushed by the provider), `hooklatch.*` for what they lack.
 * Values are facts from the channel contexts: never a payload, secret or claim token.
 */
import type {
  ClaimContext,
  CompleteContext,
  DeliveryFacts,
  FailureFacts,
  ProcessContext,
} from '@hooklatch/core';
import type { Attributes } from '@opentelemetry/api';

/** Attribute names (public API: dashboards and alerts query them). */
export const ATTR = Object.freeze({
  messagingSystem: 'messaging.system',
  operationType: 'messaging.operation.type',
  operationName: 'messaging.operation.name',
  messageId: 'messaging.message.id',
  errorType: 'error.type',
  eventType: 'hooklatch.event_type',
  dedupeKey: 'hooklatch.dedupe_key',
  idSource: 'hooklatch.id_source',
  deliveryId: 'hooklatch.delivery_id',
  attempt: 'hooklatch.attempt',
  leaseMs: 'hooklatch.lease_ms',
  outcome: 'hooklatch.outcome',
  statusCode: 'hooklatch.status_code',
  handled: 'hooklatch.handled',
  claims: 'hooklatch.claims',
  via: 'hooklatch.via',
  completion: 'hooklatch.completion',
  claimKey: 'hooklatch.claim_key',
  claimStatus: 'hooklatch.claim_status',
  ttlMs: 'hooklatch.ttl_ms',
  leaseRemainingMs: 'hooklatch.lease_remaining_ms',
  markAttempt: 'hooklatch.mark_attempt',
  marked: 'hooklatch.marked',
  withResult: 'hooklatch.with_result',
  inTransaction: 'hooklatch.in_transaction',
  storeOperation: 'hooklatch.store.operation',
  warningKind: 'hooklatch.warning.kind',
} as const);

/** Only defined values: OTel drops `undefined`, but tests and exporters read cleaner without. */
function defined(entries: [string, string | number | boolean | undefined][]): Attributes {
  const out: Attributes = {};
  for (const [k, v] of entries) if (v !== undefined && v !== '') out[k] = v;
  return out;
}

/** `error.type`: the error's code, else its name. */
export function errorType(c: FailureFacts): string | undefined {
  return c.errorCode ?? c.errorName;
}

/** What identifies the event (span start). */
export function eventAttributes(c: Partial<DeliveryFacts>): Attributes {
  return defined([
    [ATTR.messagingSystem, c.provider],
    [ATTR.messageId, c.eventId],
    [ATTR.eventType, c.type],
    [ATTR.idSource, c.idSource],
    [ATTR.dedupeKey, c.key],
    [ATTR.deliveryId, c.deliveryId],
    [ATTR.attempt, c.attempt],
  ]);
}

/** The delivery's answer (process span end). */
export function outcomeAttributes(c: ProcessContext): Attributes {
  const failed = c.outcome === 'failed' || c.outcome === 'store_unavailable';
  return defined([
    [ATTR.outcome, c.outcome],
    [ATTR.statusCode, c.status],
    [ATTR.handled, c.handled],
    [ATTR.claims, c.claims],
    [ATTR.via, c.via],
    [ATTR.completion, c.completion],
    [ATTR.errorType, failed ? (errorType(c) ?? '_OTHER') : undefined],
  ]);
}

/** A claim's question and answer. */
export function claimAttributes(c: ClaimContext): Attributes {
  return defined([
    [ATTR.claimKey, c.claimKey],
    [ATTR.via, c.via],
    [ATTR.leaseMs, c.leaseMs],
    [ATTR.ttlMs, c.ttlMs],
    [ATTR.claimStatus, c.status],
    [ATTR.claims, c.claims],
    [ATTR.leaseRemainingMs, c.leaseRemainingMs],
  ]);
}

/** A completion mark attempt. */
export function completeAttributes(c: CompleteContext): Attributes {
  return defined([
    [ATTR.claimKey, c.claimKey],
    [ATTR.via, c.via],
    [ATTR.markAttempt, c.markAttempt],
    [ATTR.withResult, c.withResult],
    [ATTR.inTransaction, c.inTransaction],
    [ATTR.marked, c.marked],
  ]);
}
