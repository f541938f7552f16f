/** The `shopify()` adapter: verify `X-Shopify-Hmac-Sha256`, normalize, validate with zod. */
import { applySchemaPolicy, booleanOption, checkOptionsObject, checkTimestamp, durationOption, type EffectiveSchemaPolicy, maxDepthOption, parseIsoTimestamp, payloadDigest, readJsonObject, resolveSecrets, type SchemaPolicy, schemaPolicyOption, toleranceOption, validatePayload } from '@hooklatch/core/kit';
import { defineAdapter, type ParsedEvent, PayloadError, type RawDelivery, type WebhookAdapter } from '@hooklatch/core';
import type { ShopifyEvent } from './event';
import { requireShopifyHeader, SHOPIFY_HEADERS, shopifyHeader, shopifyHeaderName } from './headers';
import { SHOPIFY_DIGEST_EXCLUDE, SHOPIFY_RETENTION_MS, type ShopifyOptions } from './options';
import { shopifyEnvelopeSchema, typedShopifySchema } from './payloads';
import { verifyShopifySignature } from './signature';
import { shopifySubject } from './subject';

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

function triggeredAt(delivery: RawDelivery, toleranceSeconds: number): Date | undefined {
  const value = shopifyHeader(delivery.headers, SHOPIFY_HEADERS.triggeredAt);
  if (value === undefined) return undefined;
  const header = shopifyHeaderName(SHOPIFY_HEADERS.triggeredAt);
  // Shopify writes nanoseconds and sometimes no zone; its timestamps are UTC.
  const date = parseIsoTimestamp(value, {
    path: `${header} header`,
    provider: 'shopify',
    assumeUtc: true,
  });
  checkTimestamp(date.getTime() / 1000, delivery.receivedAt, toleranceSeconds, header);
  return date;
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
  const secrets = resolveSecrets(options, 'shopify');
  const tolerance = toleranceOption('shopify', 'toleranceSeconds', options.toleranceSeconds, 0);
  const retentionMs = durationOption(
    'shopify',
    'retentionMs',
    options.retentionMs,
    SHOPIFY_RETENTION_MS,
  );
  const validate = booleanOption('shopify', 'validatePayloads', options.validatePayloads, true);
  const policy = schemaPolicyOption('shopify', options.schemaPolicy);
  const maxDepth = maxDepthOption('shopify', options.maxDepth);
  return defineAdapter<ShopifyEvent<EffectiveSchemaPolicy<P, V>>>({
    name: 'shopify',
    retentionMs,
    digestExclude: SHOPIFY_DIGEST_EXCLUDE,
    parse(delivery: RawDelivery): ParsedEvent<ShopifyEvent> {
      const secretIndex = verifyShopifySignature(delivery, secrets);
      const headers = delivery.headers;
      const topic = requireShopifyHeader(headers, SHOPIFY_HEADERS.topic);
      const shopDomain = requireShopifyHeader(headers, SHOPIFY_HEADERS.shopDomain);
      const ids = eventId(delivery);
      const occurredAt = triggeredAt(delivery, tolerance);
      const data = readJsonObject(delivery, 'shopify', { maxDepth });
      const envelope = validatePayload(shopifyEnvelopeSchema, data, `shopify ${topic}`);
      const typed = applySchemaPolicy({
        schema: typedShopifySchema(topic),
        data,
        envelope,
        policy,
        validate,
        context: `shopify ${topic}`,
      });
      return {
        type: topic,
        ...ids,
        subject: shopifySubject(shopDomain, topic, envelope),
        ...(occurredAt === undefined ? {} : { occurredAt }),
        meta: {
          shopDomain,
          apiVersion: shopifyHeader(headers, SHOPIFY_HEADERS.apiVersion),
          webhookId: shopifyHeader(headers, SHOPIFY_HEADERS.webhookId),
          eventId: shopifyHeader(headers, SHOPIFY_HEADERS.eventId),
          triggeredAt: occurredAt,
          secretIndex,
          ...(typed.schemaIssues === undefined ? {} : { schemaIssues: typed.schemaIssues }),
        },
        payload: typed.payload,
        validated: typed.validated,
        digest: payloadDigest(data, SHOPIFY_DIGEST_EXCLUDE),
      } as ParsedEvent<ShopifyEvent>;
    },
  });
}
