/** The `stripe()` adapter: verify `Stripe-Signature`, normalize, validate with zod. */
import { applySchemaPolicy, booleanOption, checkOptionsObject, dateFromUnixTime, durationOption, type EffectiveSchemaPolicy, maxDepthOption, payloadDigest, readJsonObject, requireValidDate, resolveSecrets, type SchemaPolicy, schemaPolicyOption, toleranceOption, validatePayload } from '@hooklatch/core/kit';
import { defineAdapter, type ParsedEvent, type RawDelivery, type WebhookAdapter } from '@hooklatch/core';
import { stripeEventEnvelopeSchema, stripeThinEventSchema } from './envelope';
import type { StripeEvent } from './event';
import { typedStripeSchema } from './event-schemas';
import {
  STRIPE_DEFAULT_TOLERANCE_SECONDS,
  STRIPE_DIGEST_EXCLUDE,
  STRIPE_RETENTION_MS,
  type StripeOptions,
} from './options';
import { verifyStripeSignature } from './signature';

function parseThin(data: unknown, secretIndex: number, signedAt: Date): ParsedEvent<StripeEvent> {
  const thin = validatePayload(stripeThinEventSchema, data, 'stripe thin event');
  return {
    type: thin.type,
    id: thin.id,
    idSource: 'event',
    subject: thin.related_object?.id,
    occurredAt: requireValidDate(new Date(thin.created), { provider: 'stripe', path: 'created' }),
    meta: {
      object: thin.object,
      livemode: thin.livemode,
      context: thin.context,
      secretIndex,
      signedAt,
    },
    payload: thin,
    validated: true,
  } as ParsedEvent<StripeEvent>;
}

/**
 * Create the Stripe adapter for `parseEvent`.
 *
 * The dedupe ID is the event's `id` (`evt_...`, idSource `event`): Stripe re-sends the same
 * event object, with the same ID, on every retry and on a manual resend.
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
  const secrets = resolveSecrets(options, 'stripe');
  const tolerance = toleranceOption(
    'stripe',
    'toleranceSeconds',
    options.toleranceSeconds,
    STRIPE_DEFAULT_TOLERANCE_SECONDS,
  );
  const retentionMs = durationOption(
    'stripe',
    'retentionMs',
    options.retentionMs,
    STRIPE_RETENTION_MS,
  );
  const validate = booleanOption('stripe', 'validatePayloads', options.validatePayloads, true);
  const policy = schemaPolicyOption('stripe', options.schemaPolicy);
  const maxDepth = maxDepthOption('stripe', options.maxDepth);
  return defineAdapter<StripeEvent<EffectiveSchemaPolicy<P, V>>>({
    name: 'stripe',
    retentionMs,
    digestExclude: STRIPE_DIGEST_EXCLUDE,
    parse(delivery: RawDelivery): ParsedEvent<StripeEvent> {
      const { timestamp, secretIndex } = verifyStripeSignature(delivery, secrets, tolerance);
      const signedAt = new Date(timestamp * 1000);
      const data = readJsonObject(delivery, 'stripe', { maxDepth });
      // From the body as parsed, before any schema dropped a field.
      const digest = payloadDigest(data, STRIPE_DIGEST_EXCLUDE);
      if (data.object === 'v2.core.event') {
        return { ...parseThin(data, secretIndex, signedAt), digest };
      }
      const envelope = validatePayload(stripeEventEnvelopeSchema, data, 'stripe event');
      const typed = applySchemaPolicy({
        schema: typedStripeSchema(envelope.type),
        data,
        envelope,
        policy,
        validate,
        context: `stripe ${envelope.type}`,
      });
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
          secretIndex,
          signedAt,
          ...(typed.schemaIssues === undefined ? {} : { schemaIssues: typed.schemaIssues }),
        },
        payload: typed.payload,
        validated: typed.validated,
        digest,
      } as ParsedEvent<StripeEvent>;
    },
  });
}
