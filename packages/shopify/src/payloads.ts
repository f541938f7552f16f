/**
 * Zod schemas of the typed Shopify topics' payloads (the REST resource Shopify posts). Only the
 * fields listed are validated, every object is loose, and a field is required only when every
 * published payload of the topic has it (test/fixtures/corpus). A subscription trimmed with
 * `include_fields` can take `schemaPolicy: 'envelope'` or `validatePayloads: false`.
 */
import type { PayloadSchema } from '@hooklatch/core/kit';
import * as z from 'zod/mini';

/**
 * Shopify REST IDs are JSON numbers. Not `.int()`: zod rejects integers beyond 2^53 there, and
 * Shopify's own sample payloads use such IDs (JSON.parse rounds them; use
 * `admin_graphql_api_id` when the exact ID matters).
 */
const id = z.number();
/** ISO-8601 timestamps as Shopify writes them (`2025-04-22T14:30:00-05:00`). */
const timestamp = z.string();

/** The envelope's one field, by the object kind (loose, or the plain twin). */
const envelopeShape = { id: z.optional(z.union([id, z.string()])) };

/** The envelope every payload satisfies: a JSON object, its `id` checked when present. */
export const shopifyEnvelopeSchema = z.looseObject(envelopeShape);

/** The envelope's check without the copy of every member (typed payloads were copied already). */
export const shopifyEnvelopeChecks = z.object(envelopeShape);

/** An order (`orders/*`). */
export const shopifyOrderSchema = z.looseObject({
  id,
  admin_graphql_api_id: z.string(),
  name: z.string(),
  email: z.optional(z.nullable(z.string())),
  created_at: timestamp,
  updated_at: timestamp,
  cancelled_at: z.nullable(timestamp),
  cancel_reason: z.nullable(z.string()),
  currency: z.string(),
  total_price: z.string(),
  financial_status: z.nullable(z.string()),
  fulfillment_status: z.nullable(z.string()),
  customer: z.optional(z.nullable(z.looseObject({ id }))),
  line_items: z.array(
    z.looseObject({
      id,
      title: z.string(),
      quantity: z.number().check(z.int()),
      price: z.string(),
      product_id: z.nullable(id),
      variant_id: z.nullable(id),
    }),
  ),
});

/** A refund (`refunds/create`). */
export const shopifyRefundSchema = z.looseObject({
  id,
  order_id: id,
  created_at: timestamp,
  note: z.nullable(z.string()),
  refund_line_items: z.array(
    z.looseObject({ id, line_item_id: id, quantity: z.number().check(z.int()) }),
  ),
  transactions: z.array(
    z.looseObject({ id, amount: z.string(), kind: z.string(), status: z.string() }),
  ),
});

/** A product (`products/*`). */
export const shopifyProductSchema = z.looseObject({
  id,
  admin_graphql_api_id: z.string(),
  title: z.string(),
  handle: z.string(),
  status: z.string(),
  vendor: z.string(),
  product_type: z.string(),
  created_at: z.nullable(timestamp),
  updated_at: timestamp,
  variants: z.array(
    z.looseObject({ id, title: z.string(), price: z.string(), sku: z.nullable(z.string()) }),
  ),
});

/** A customer (`customers/*`). */
export const shopifyCustomerSchema = z.looseObject({
  id,
  email: z.nullable(z.string()),
  first_name: z.nullable(z.string()),
  last_name: z.nullable(z.string()),
  state: z.string(),
  verified_email: z.boolean(),
  created_at: timestamp,
  updated_at: timestamp,
});

/** An inventory level (`inventory_levels/*`): no `id`, keyed by item and location. */
export const shopifyInventoryLevelSchema = z.looseObject({
  inventory_item_id: id,
  location_id: id,
  available: z.nullable(z.number().check(z.int())),
  updated_at: timestamp,
});

/**
 * The shop (`app/uninstalled`). Shopify's own sample payloads, old and current, carry
 * `myshopify_domain: null` (test/fixtures/corpus); the shop is the `X-Shopify-Shop-Domain` header.
 */
export const shopifyShopSchema = z.looseObject({
  id,
  name: z.string(),
  domain: z.nullable(z.string()),
  myshopify_domain: z.nullable(z.string()),
  email: z.string(),
});

/** Zod schema of each typed topic's payload. */
export const shopifyPayloadSchemas = {
  'orders/create': shopifyOrderSchema,
  'orders/updated': shopifyOrderSchema,
  'orders/paid': shopifyOrderSchema,
  'orders/cancelled': shopifyOrderSchema,
  'refunds/create': shopifyRefundSchema,
  'products/update': shopifyProductSchema,
  'customers/create': shopifyCustomerSchema,
  'inventory_levels/update': shopifyInventoryLevelSchema,
  'app/uninstalled': shopifyShopSchema,
} as const;

/** The topics with a typed payload schema. */
export type ShopifyTypedTopic = keyof typeof shopifyPayloadSchemas;

/** The validated payload of each typed topic. */
export type ShopifyPayloads = {
  [K in ShopifyTypedTopic]: z.infer<(typeof shopifyPayloadSchemas)[K]>;
};

/** A payload known only by its envelope. */
export type ShopifyEnvelope = z.infer<typeof shopifyEnvelopeSchema>;

/** The typed schema for `topic`, or undefined. */
export function typedShopifySchema(topic: string): PayloadSchema | undefined {
  return Object.hasOwn(shopifyPayloadSchemas, topic)
    ? shopifyPayloadSchemas[topic as ShopifyTypedTopic]
    : undefined;
}
