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

type AttrName = keyof typeof ATTR;
type Value = string | number | boolean | undefined;

/**
 * A context field copied to attribute `ATTR[name]`: `name` alone when the field is named like
 * the attribute, else `[field, name]`.
 */
type Field<C> = (keyof C & AttrName) | readonly [keyof C, AttrName];

/**
 * `fields` of `c` as attributes, in order, then `extra`: only defined values (OTel drops
 * `undefined`, but tests and exporters read cleaner without) and no empty strings.
 */
function copied<C>(c: C, fields: readonly Field<C>[], extra: [AttrName, Value][] = []): Attributes {
  const out: Attributes = {};
  const put = (name: AttrName, value: Value) => {
    if (value !== undefined && value !== '') out[ATTR[name]] = value;
  };
  // Per delivery, on the handling path: no array built per field.
  for (const f of fields) {
    if (typeof f === 'string') put(f, c[f] as Value);
    else put(f[1], c[f[0]] as Value);
  }
  for (const [name, value] of extra) put(name, value);
  return out;
}

const EVENT_FIELDS: readonly Field<Partial<DeliveryFacts>>[] = [
  ['provider', 'messagingSystem'],
  ['eventId', 'messageId'],
  ['type', 'eventType'],
  'idSource',
  ['key', 'dedupeKey'],
  'deliveryId',
  'attempt',
];
const OUTCOME_FIELDS: readonly Field<ProcessContext>[] = [
  'outcome',
  ['status', 'statusCode'],
  'handled',
  'claims',
  'via',
  'completion',
];
const CLAIM_FIELDS: readonly Field<ClaimContext>[] = [
  'claimKey',
  'via',
  'leaseMs',
  'ttlMs',
  ['status', 'claimStatus'],
  'claims',
  'leaseRemainingMs',
];
const COMPLETE_FIELDS: readonly Field<CompleteContext>[] = [
  'claimKey',
  'via',
  'markAttempt',
  'withResult',
  'inTransaction',
  'marked',
];

/** `error.type`: the error's code, else its name. */
export function errorType(c: FailureFacts): string | undefined {
  return c.errorCode ?? c.errorName;
}

/** What identifies the event (span start). */
export function eventAttributes(c: Partial<DeliveryFacts>): Attributes {
  return copied(c, EVENT_FIELDS);
}

/** The delivery's answer (process span end). */
export function outcomeAttributes(c: ProcessContext): Attributes {
  const failed = c.outcome === 'failed' || c.outcome === 'store_unavailable';
  return copied(c, OUTCOME_FIELDS, [
    ['errorType', failed ? (errorType(c) ?? '_OTHER') : undefined],
  ]);
}

/** A claim's question and answer. */
export function claimAttributes(c: ClaimContext): Attributes {
  return copied(c, CLAIM_FIELDS);
}

/** A completion mark attempt. */
export function completeAttributes(c: CompleteContext): Attributes {
  return copied(c, COMPLETE_FIELDS);
}
