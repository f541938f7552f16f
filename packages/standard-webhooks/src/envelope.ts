/**
 * The payload shape the spec recommends (`{ type, timestamp, data }`) and the typing that a
 * per-type schema map gives on top of it. The envelope is loose on purpose: a sender adding a
 * new event type or field must never turn deliveries into errors that it retries for days.
 */
import type { WebhookEvent } from '@hooklatch/core';
import type { PayloadSchema, SchemaPolicy, WithSchemaPolicy } from '@hooklatch/core/kit';
import * as z from 'zod/mini';

const envelopeShape = {
  type: z.optional(z.string().check(z.minLength(1))),
  // Any JSON value: a sender's number or null must not refuse the delivery (see source-time.ts).
  timestamp: z.optional(z.unknown()),
  data: z.optional(z.unknown()),
};

/**
 * The envelope every delivery is checked against: an object whose `type`, if any, is a string.
 * `timestamp` is whatever the sender put there; only an ISO date string becomes `occurredAt`.
 */
export const standardWebhooksEnvelopeSchema = z.looseObject(envelopeShape);

/**
 * The envelope's checks without the copy of every member: what a body of a mapped type, which
 * its own schema already parsed, is checked against.
 */
export const standardWebhooksEnvelopeChecks = z.object(envelopeShape);

/** A payload as the envelope sees it (unknown fields kept). */
export type StandardWebhookPayload = z.output<typeof standardWebhooksEnvelopeSchema>;

/** Zod schemas by event type; each validates (and types) the whole JSON body of that type. */
export type StandardWebhooksSchemaMap = Readonly<Record<string, PayloadSchema>>;

/**
 * An event whose type has a schema in the map: its payload is that schema's output and
 * `validated` is `true`. Under schema policy `P = 'envelope'` each mapped type may also arrive
 * with the envelope only and `validated: false` (built per type, so {@link isEventType} keeps
 * both members of the type it narrows to).
 */
export type KnownStandardWebhookEvent<
  M extends StandardWebhooksSchemaMap,
  P extends SchemaPolicy = 'reject',
> = {
  [K in keyof M & string]: WithSchemaPolicy<
    WebhookEvent<K, z.output<M[K]>> & { readonly validated: true },
    K,
    StandardWebhookPayload,
    P
  >;
}[keyof M & string];

/**
 * What the adapter produces: a typed event for every type in the map, plus the envelope-typed
 * event for any other type. Use {@link isEventType} to narrow to one known type; under
 * `schemaPolicy: 'envelope'` check `event.validated === true` before reading typed fields.
 * The catch-all member is `validated: true` (the envelope is its whole schema), so an
 * envelope-only event of a mapped type cannot pass for it.
 */
export type StandardWebhookEvent<
  M extends StandardWebhooksSchemaMap = {},
  P extends SchemaPolicy = 'reject',
> =
  | KnownStandardWebhookEvent<M, P>
  | (WebhookEvent<string, StandardWebhookPayload> & { readonly validated: true });

/** The literal types of a union of events (never the catch-all `string`). */
export type KnownTypeOf<E> =
  E extends WebhookEvent<infer T> ? (string extends T ? never : T) : never;

/**
 * Narrow an event to one type of the schema map. A plain `event.type === 'x'` check cannot
 * narrow, because the catch-all member's type is `string`; this guard can, and it is sound: every
 * event of a mapped type was validated with that type's schema.
 *
 * @example
 * if (isEventType(event, 'invoice.paid')) event.payload.data.amount; // typed by the schema
 */
export function isEventType<E extends WebhookEvent, K extends KnownTypeOf<E>>(
  event: E,
  type: K,
): event is Extract<E, { type: K }> {
  return event.type === type;
}
