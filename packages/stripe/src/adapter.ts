/** The `stripe()` adapter: verify `Stripe-Signature`, normalize, validate with zod. */
import {
  booleanOption,
  checkOptionsObject,
  dateFromUnixTime,
  defineAdapter,
  durationOption,
  maxDepthOption,
  type ParsedEvent,
  payloadDigest,
  type RawDelivery,
  readJsonObject,
  requireValidDate,
  resolveSecrets,
  toleranceOption,
  validatePayload,
  type WebhookAdapter,
} from '@hooklatch/core';
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
  } as ParsedEvent<StripeEvent>;
}

/**
 * Create the Stripe adapter for `parseEvent`.
 *
 * The dedupe ID is the event's `id` (`evt_...`, idSource `event`): Stripe re-sends the same
 * event object, with the same ID, on every retry and on a manual resend.
 *
 * @example
 * const event = await parseEvent(stripe({ secret: process.env.STRIPE_WEBHOOK_SECRET }), request);
 * if (event.type === 'payment_intent.succeeded') console.log(event.payload.data.object.amount);
 */
export function stripe(options: StripeOptions): WebhookAdapter<StripeEvent> {
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
  const maxDepth = maxDepthOption('stripe', options.maxDepth);
  return defineAdapter<StripeEvent>({
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
      const schema = validate ? typedStripeSchema(envelope.type) : undefined;
      const payload = schema ? validatePayload(schema, data, `stripe ${envelope.type}`) : envelope;
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
        },
        payload,
        digest,
      } as ParsedEvent<StripeEvent>;
    },
  });
}
