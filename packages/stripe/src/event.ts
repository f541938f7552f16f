/**
 * The `StripeEvent` union. Every member has a literal `type`, so `event.type === 'x'` narrows
 * `payload`: typed snapshot events, the other snapshot types Stripe's SDK declares (envelope
 * only), and thin events. A type newer than the generated lists still parses at runtime with
 * the envelope; compare it with `(event.type as string) === 'new.type'`.
 *
 * Under `schemaPolicy: 'envelope'` (or `validatePayloads: false`) a typed type may also arrive
 * with the envelope only and `validated: false`: `StripeEvent<'envelope'>` adds that member, so
 * the typed payload is readable only after `event.validated === true`.
 */

import type { WebhookEvent } from '@hooklatch/core';
import type { SchemaPolicy, WithSchemaPolicy } from '@hooklatch/core/kit';
import type { StripeEventEnvelope, StripeThinEventPayload } from './envelope';
import type { StripePayloads, StripeTypedEventType } from './event-schemas';
import type { STRIPE_EVENT_TYPES, STRIPE_THIN_EVENT_TYPES } from './generated/event-types';

/** Snapshot event types without a typed schema (validated with the envelope only). */
export type StripeUntypedEventType = Exclude<
  (typeof STRIPE_EVENT_TYPES)[number],
  StripeTypedEventType
>;

/** Thin event types (`object: 'v2.core.event'`). */
export type StripeThinEventType = (typeof STRIPE_THIN_EVENT_TYPES)[number];

/** `validated: true`: the payload passed the whole schema of its type. */
type Validated = { readonly validated: true };

/** A snapshot event with a typed `data.object`, validated. */
export type TypedStripeEvent = {
  [K in StripeTypedEventType]: WebhookEvent<K, StripePayloads[K]> & Validated;
}[StripeTypedEventType];

/** A snapshot event of a type without a typed schema: the envelope is its whole schema. */
export type UntypedStripeEvent = WebhookEvent<StripeUntypedEventType, StripeEventEnvelope> &
  Validated;

/** A thin event: a reference to the changed object, no snapshot of it. */
export type StripeThinEvent = WebhookEvent<StripeThinEventType, StripeThinEventPayload> & Validated;

/**
 * Every event the `stripe()` adapter produces under schema policy `P`. The default, `'reject'`,
 * is what `stripe({ secret })` produces; pass `'envelope'` for an adapter created with
 * `schemaPolicy: 'envelope'` or `validatePayloads: false`.
 */
export type StripeEvent<P extends SchemaPolicy = 'reject'> = WithSchemaPolicy<
  TypedStripeEvent | UntypedStripeEvent | StripeThinEvent,
  StripeTypedEventType,
  StripeEventEnvelope,
  P
>;
