/** The `stripe()` adapter: verify `Stripe-Signature`, normalize, validate with zod. */
import type { ParsedEvent, WebhookAdapter } from '@hooklatch/core';
import {
  booleanOption,
  checkOptionsObject,
  createAdapter,
  dateFromUnixTime,
  type EffectiveSchemaPolicy,
  type JsonObject,
  knownOptions,
  payloadInvalid,
  requireValidDate,
  type SchemaPolicy,
  validatePayload,
  validateTyped,
} from '@hooklatch/core/kit';
import { stripeEventEnvelopeSchema, stripeThinEventSchema } from './envelope';
import type { StripeEvent } from './event';
import { typedStripeSchema } from './event-schemas';
import {
  STRIPE_DIGEST_EXCLUDE,
  STRIPE_OPTION_KEYS,
  STRIPE_RETENTION_MS,
  type StripeOptions,
} from './options';
import { stripeVerification } from './verifier';

/**
 * A thin event's `created`: an ISO-8601 date-time with its zone, as Stripe writes it (checked
 * here rather than by zod's iso formats, whose regexes would weigh on every edge bundle).
 */
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

function payloadInvalidThrow(path: string, expectation: string): never {
  throw payloadInvalid('stripe thin event', path, expectation);
}

function parseThin(data: JsonObject): ParsedEvent<StripeEvent> {
  const thin = validatePayload(stripeThinEventSchema, data, 'stripe thin event');
  return {
    type: thin.type,
    id: thin.id,
    idSource: 'event',
    subject: thin.related_object?.id,
    occurredAt: requireValidDate(
      ISO_ZONED.test(thin.created)
        ? new Date(thin.created)
        : payloadInvalidThrow('created', 'expected an ISO-8601 date-time with its zone'),
      { provider: 'stripe thin event', path: 'created' },
    ),
    meta: { object: thin.object, livemode: thin.livemode, context: thin.context },
    payload: thin,
    validated: true,
  } as ParsedEvent<StripeEvent>;
}

/**
 * Create the Stripe adapter for `parseEvent`.
 *
 * The dedupe ID is the event's `id` (`evt_...`, idSource `event`): Stripe re-sends the same
 * event object, with the same ID, on every retry and on a manual resend. `event.meta.keyIndex`
 * is the secret that matched and `event.meta.signedAt` the signed `t=` time.
 *
 * An authentic event whose `data.object` fails its typed schema is PAYLOAD_SCHEMA_MISMATCH
 * (500, so Stripe retries it for three days) under the default `schemaPolicy: 'reject'`, or is
 * handed on with the envelope and `validated: false` under `'envelope'`.
 *
 * @example
 * const event = await parseEvent(stripe({ secret: process.env.STRIPE_WEBHOOK_SECRET }), request);
 * if (event.type === 'payment_intent.succeeded') console.log(event.payload.data.object.amount);
 */
export function stripe<P extends SchemaPolicy = 'reject', V extends boolean = true>(
  options: StripeOptions<P, V>,
): WebhookAdapter<StripeEvent<EffectiveSchemaPolicy<P, V>>> {
  checkOptionsObject('stripe', options);
  knownOptions('stripe', options, STRIPE_OPTION_KEYS);
  const validate = booleanOption('stripe', 'validatePayloads', options.validatePayloads, true);
  return createAdapter<StripeEvent<EffectiveSchemaPolicy<P, V>>>({
    name: 'stripe',
    retentionMs: options.retentionMs ?? STRIPE_RETENTION_MS,
    verify: stripeVerification(options),
    maxDepth: options.maxDepth,
    schemaPolicy: options.schemaPolicy,
    // createAdapter digests the body json() parsed, before any schema dropped a field.
    digestExclude: STRIPE_DIGEST_EXCLUDE,
    // The signature covers the exact bytes: their SHA-256 is the digest (see createAdapter).
    digestOf: 'signed-body',
    parse(_delivery, _verified, { json, schemaPolicy }) {
      const data = json();
      if (data.object === 'v2.core.event') return parseThin(data);
      const type = typeof data.type === 'string' ? data.type : '';
      // One zod pass: every typed schema is the envelope's fields with a typed data.object.
      const typed = validateTyped({
        envelope: stripeEventEnvelopeSchema,
        envelopeContext: 'stripe event',
        schema: typedStripeSchema(type),
        envelopeCheck: 'covered',
        data,
        policy: schemaPolicy,
        validate,
        context: `stripe ${type}`,
      });
      const { envelope } = typed;
      return {
        type: envelope.type,
        id: envelope.id,
        idSource: 'event',
        subject: envelope.data.object.id,
        occurredAt: dateFromUnixTime(envelope.created, 'seconds', {
          provider: 'stripe',
          path: 'created',
        }),
        meta: {
          livemode: envelope.livemode,
          apiVersion: envelope.api_version ?? undefined,
          account: envelope.account,
          ...(typed.schemaIssues === undefined ? {} : { schemaIssues: typed.schemaIssues }),
        },
        payload: typed.payload,
        validated: typed.validated,
      } as ParsedEvent<StripeEvent>;
    },
  });
}
