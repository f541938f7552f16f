/** The `shopify()` adapter: verify `X-Shopify-Hmac-Sha256`, normalize, validate with zod. */
import {
  ConfigurationError,
  type ParsedEvent,
  PayloadError,
  type RawDelivery,
  type WebhookAdapter,
} from '@hooklatch/core';
import {
  booleanOption,
  checkOptionsObject,
  createAdapter,
  type EffectiveSchemaPolicy,
  knownOptions,
  optionInvalid,
  type ResolvedVerifier,
  type SchemaPolicy,
  toleranceOption,
  validateTyped,
} from '@hooklatch/core/kit';
import type { ShopifyEvent } from './event';
import { requireShopifyHeader, SHOPIFY_HEADERS, shopifyHeader, shopifyHeaderName } from './headers';
import {
  SHOPIFY_DIGEST_EXCLUDE,
  SHOPIFY_OPTION_KEYS,
  SHOPIFY_RETENTION_MS,
  type ShopifyOptions,
} from './options';
import { shopifyEnvelopeChecks, shopifyEnvelopeSchema, typedShopifySchema } from './payloads';
import { shopifySubject } from './subject';
import { shopifyTriggeredAtHeader } from './triggered-at';
import { shopifyVerifier } from './verifier';

/**
 * The dedupe ID: `X-Shopify-Event-Id` when sent (the same on every delivery of one event,
 * Shopify's documented duplicate check), else `X-Shopify-Webhook-Id` (per delivery, reused by
 * retries).
 */
function eventId(delivery: RawDelivery): {
  id: string;
  idSource: 'event' | 'delivery';
  deliveryId?: string;
} {
  const webhookId = shopifyHeader(delivery.headers, SHOPIFY_HEADERS.webhookId);
  const withDelivery = webhookId === undefined ? {} : { deliveryId: webhookId };
  const event = shopifyHeader(delivery.headers, SHOPIFY_HEADERS.eventId);
  if (event !== undefined) return { id: event, idSource: 'event', ...withDelivery };
  if (webhookId !== undefined)
    return { id: webhookId, idSource: 'delivery', deliveryId: webhookId };
  throw new PayloadError(
    'HEADER_MISSING',
    `Missing ${shopifyHeaderName(SHOPIFY_HEADERS.eventId)} and ` +
      `${shopifyHeaderName(SHOPIFY_HEADERS.webhookId)} headers: no ID to deduplicate on.`,
    { details: { header: shopifyHeaderName(SHOPIFY_HEADERS.webhookId) } },
  );
}

/**
 * What Shopify's topics look like (`orders/create`, `app/uninstalled`, `bulk_operations/finish`):
 * one or two lower-case words joined by `_`, split by one `/`, each part bounded.
 */
const TOPIC_NAME = /^[a-z][a-z_]{0,63}(?:\/[a-z][a-z_]{0,63})?$/;

/** The HMAC verifier, or `false` for an explicit `verify: false` without secrets. */
function verification(options: ShopifyOptions): ResolvedVerifier | false {
  if (options.verify === undefined) return shopifyVerifier(options);
  if (options.verify !== false) {
    throw optionInvalid('shopify', 'verify', 'can only be `false` (or left out)');
  }
  if (options.secret !== undefined || options.secrets !== undefined) {
    throw optionInvalid('shopify', 'verify', '`false` cannot be combined with `secret`/`secrets`');
  }
  return false;
}

/** A JavaScript caller still passing the pre-0.2 name gets told the new one. */
function refuseRenamedOptions(options: object): void {
  if ((options as { toleranceSeconds?: unknown }).toleranceSeconds === undefined) return;
  throw new ConfigurationError(
    'CONFIG_INVALID',
    'shopify: `toleranceSeconds` is now `maxEventAgeSeconds` (X-Shopify-Triggered-At is not ' +
      'signed, so it has no signature tolerance).',
    { details: { option: 'toleranceSeconds' } },
  );
}

/**
 * Create the Shopify adapter for `parseEvent`. `secret` is the app's client secret (or the
 * store's webhook signing key for webhooks created in the admin).
 *
 * A typed topic whose payload fails its schema is PAYLOAD_SCHEMA_MISMATCH (500) under the
 * default `schemaPolicy: 'reject'`; Shopify retries 8 times over 4 hours and then may remove the
 * subscription, so `'envelope'` (hand the event on with `validated: false`) is the safer choice
 * when a drifted payload must never be lost.
 *
 * @example
 * const event = await parseEvent(shopify({ secret: process.env.SHOPIFY_CLIENT_SECRET }), request);
 * if (event.type === 'orders/paid') console.log(event.payload.total_price);
 */
export function shopify<P extends SchemaPolicy = 'reject', V extends boolean = true>(
  options: ShopifyOptions<P, V>,
): WebhookAdapter<ShopifyEvent<EffectiveSchemaPolicy<P, V>>> {
  checkOptionsObject('shopify', options);
  refuseRenamedOptions(options);
  knownOptions('shopify', options, SHOPIFY_OPTION_KEYS);
  const maxEventAge = toleranceOption(
    'shopify',
    'maxEventAgeSeconds',
    options.maxEventAgeSeconds,
    0,
  );
  const validate = booleanOption('shopify', 'validatePayloads', options.validatePayloads, true);
  return createAdapter<ShopifyEvent<EffectiveSchemaPolicy<P, V>>>({
    name: 'shopify',
    retentionMs: options.retentionMs ?? SHOPIFY_RETENTION_MS,
    verify: verification(options),
    ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
    ...(options.schemaPolicy === undefined ? {} : { schemaPolicy: options.schemaPolicy }),
    digestExclude: SHOPIFY_DIGEST_EXCLUDE,
    // The signature covers the exact bytes: their SHA-256 is the digest (see createAdapter).
    digestOf: 'signed-body',
    parse(delivery, _verified, { json, schemaPolicy }) {
      const headers = delivery.headers;
      const topic = requireShopifyHeader(headers, SHOPIFY_HEADERS.topic);
      const shopDomain = requireShopifyHeader(headers, SHOPIFY_HEADERS.shopDomain);
      const ids = eventId(delivery);
      const occurredAt = shopifyTriggeredAtHeader(delivery, maxEventAge);
      // Parsed once; createAdapter digests the signed bytes it came from into event.digest.
      const data = json();
      // The typed schema copies the payload; the envelope's `id` is then only checked.
      const typed = validateTyped({
        envelope: shopifyEnvelopeSchema,
        envelopeCheck: shopifyEnvelopeChecks,
        schema: typedShopifySchema(topic),
        data,
        policy: schemaPolicy,
        validate,
        // X-Shopify-Topic is not signed: named in a message only when shaped like a topic.
        context: TOPIC_NAME.test(topic) ? `shopify ${topic}` : 'shopify',
      });
      // The topic was matched to its schema (or handed on envelope-only with validated: false),
      // which is the pairing ShopifyEvent<P> describes; TypeScript cannot follow the lookup.
      return {
        type: topic,
        ...ids,
        // From the body: the envelope passed, and the subject reads fields it does not declare.
        subject: shopifySubject(shopDomain, topic, data),
        ...(occurredAt === undefined ? {} : { occurredAt }),
        meta: {
          shopDomain,
          apiVersion: shopifyHeader(headers, SHOPIFY_HEADERS.apiVersion),
          webhookId: shopifyHeader(headers, SHOPIFY_HEADERS.webhookId),
          eventId: shopifyHeader(headers, SHOPIFY_HEADERS.eventId),
          triggeredAt: occurredAt,
          ...(typed.schemaIssues === undefined ? {} : { schemaIssues: typed.schemaIssues }),
        },
        payload: typed.payload,
        validated: typed.validated,
      } as unknown as ParsedEvent<ShopifyEvent<EffectiveSchemaPolicy<P, V>>>;
    },
  });
}
