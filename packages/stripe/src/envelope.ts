/**
 * The two shapes a Stripe webhook body can take: a snapshot event (`object: 'event'`, the
 * resource inside `data.object`) and a thin event (`object: 'v2.core.event'`, only a reference
 * to the resource). Envelopes validate what hooklatch reads and let everything else through, so
 * a new event type or a new field is never rejected.
 */
import * as z from 'zod/mini';

/** Fields every snapshot event has, whatever its type. */
export const snapshotEnvelopeShape = {
  id: z.string().check(z.minLength(1)),
  object: z.literal('event'),
  type: z.string().check(z.minLength(1)),
  created: z.number().check(z.int()),
  livemode: z.boolean(),
  // null when the endpoint receives events created before API versioning of events.
  api_version: z.optional(z.nullable(z.string())),
  pending_webhooks: z.optional(z.number().check(z.int())),
  // An object since API version 2017-05-25; before it, the request ID as a bare string.
  request: z.optional(
    z.nullable(
      z.union([
        z.looseObject({
          id: z.nullable(z.string()),
          idempotency_key: z.optional(z.nullable(z.string())),
        }),
        z.string(),
      ]),
    ),
  ),
  // Present on events from connected accounts (Connect).
  account: z.optional(z.string()),
  context: z.optional(z.string()),
};

/** `data` of a snapshot event whose `object` is validated by `object`. */
export function snapshotData<O extends z.ZodMiniType>(object: O) {
  return z.looseObject({
    object,
    previous_attributes: z.optional(z.record(z.string(), z.unknown())),
  });
}

/** Any snapshot event: `data.object` only has to be a JSON object. */
export const stripeEventEnvelopeSchema = z.looseObject({
  ...snapshotEnvelopeShape,
  data: snapshotData(z.looseObject({ id: z.optional(z.string()), object: z.optional(z.string()) })),
});

/** A snapshot event known only by its envelope (types without a typed schema). */
export type StripeEventEnvelope = z.infer<typeof stripeEventEnvelopeSchema>;

/** A thin event: fetch the related object (or the full event) from the API when needed. */
export const stripeThinEventSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  object: z.literal('v2.core.event'),
  type: z.string().check(z.minLength(1)),
  // An ISO-8601 date-time with its zone, checked when the event is made (adapter.ts).
  created: z.string(),
  livemode: z.boolean(),
  context: z.optional(z.nullable(z.string())),
  related_object: z.optional(
    z.nullable(z.looseObject({ id: z.string(), type: z.string(), url: z.string() })),
  ),
  reason: z.optional(z.nullable(z.looseObject({ type: z.string() }))),
});

/** The payload of a thin event. */
export type StripeThinEventPayload = z.infer<typeof stripeThinEventSchema>;
