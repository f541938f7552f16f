/**
 * The `StripeEvent` union. Every member has a literal `type`, so `event.type === 'x'` narrows
 * `payload`: typed snapshot events, the other snapshot types Stripe's SDK declares (envelope
 * only), and thin events. A type newer than the generated lists still parses at runtime with
 * the envelope; compare it with `(event.type as string) === 'new.type'`.
 */
import type { WebhookEvent } from '@hooklatch/core';
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

/** A snapshot event with a typed `data.object`. */
export type TypedStripeEvent = {
  [K in StripeTypedEventType]: WebhookEvent<K, StripePayloads[K]>;
}[StripeTypedEventType];

/** A snapshot event validated with the envelope only. */
export type UntypedStripeEvent = WebhookEvent<StripeUntypedEventType, StripeEventEnvelope>;

/** A thin event: a reference to the changed object, no snapshot of it. */
export type StripeThinEvent = WebhookEvent<StripeThinEventType, StripeThinEventPayload>;

/** Every event the `stripe()` adapter produces. */
export type StripeEvent = TypedStripeEvent | UntypedStripeEvent | StripeThinEvent;
