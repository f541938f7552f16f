/**
 * The two shapes a Stripe webhook body can take: a snapshot event (`object: 'event'`, the
 * resource inside `data.object`) and a thin event (`object: 'v2.core.event'`, only a reference
 * to the resource). Envelopes validate what hooklatch reads and let everything else through, so
 * a new event type or a new field is never rejected.
 */
import { z } from 'zod';

/** Fields every snapshot event has, whatever its type. */
export const snapshotEnvelopeShape = {
  id: z.string().min(1),
  object: z.literal('event'),
  type: z.string().min(1),
  created: z.number().int(),
  livemode: z.boolean(),
  // null when the endpoint receives events created before API versioning of events.
  api_version: z.string().nullable().optional(),
  pending_webhooks: z.number().int().optional(),
  // An object since API version 2017-05-25; before it, the request ID as a bare string.
  request: z
    .union([
      z.looseObject({
        id: z.string().nullable(),
        idempotency_key: z.string().nullable().optional(),
      }),
      z.string(),
    ])
    .nullable()
    .optional(),
  // Present on events from connected accounts (Connect).
  account: z.string().optional(),
  context: z.string().optional(),
};

/** `data` of a snapshot event whose `object` is validated by `object`. */
export function snapshotData<O extends z.ZodType>(object: O) {
  return z.looseObject({
    object,
    previous_attributes: z.record(z.string(), z.unknown()).optional(),
  });
}

/** Any snapshot event: `data.object` only has to be a JSON object. */
export const stripeEventEnvelopeSchema = z.looseObject({
  ...snapshotEnvelopeShape,
  data: snapshotData(z.looseObject({ id: z.string().optional(), object: z.string().optional() })),
});

/** A snapshot event known only by its envelope (types without a typed schema). */
export type StripeEventEnvelope = z.infer<typeof stripeEventEnvelopeSchema>;

/** A thin event: fetch the related object (or the full event) from the API when needed. */
export const stripeThinEventSchema = z.looseObject({
  id: z.string().min(1),
  object: z.literal('v2.core.event'),
  type: z.string().min(1),
  created: z.iso.datetime({ offset: true }),
  livemode: z.boolean(),
  context: z.string().nullable().optional(),
  related_object: z
    .looseObject({ id: z.string(), type: z.string(), url: z.string() })
    .nullable()
    .optional(),
  reason: z.looseObject({ type: z.string() }).nullable().optional(),
});

/** The payload of a thin event. */
export type StripeThinEventPayload = z.infer<typeof stripeThinEventSchema>;
