/**
 * `schemaPolicy` on the Shopify adapter: a typed topic whose payload fails its schema is
 * PAYLOAD_SCHEMA_MISMATCH (500) by default, or the envelope with `validated: false` under
 * `'envelope'`; a body that is not a JSON object stays PAYLOAD_INVALID under both.
 */
import { signedShopifyRequest } from '@hooklatch/shopify/testing';
import { schemaPolicyChecks } from '@hooklatch/testing';
import { describe, it } from 'vitest';
import { shopify } from '../src/index';
import { ORDER } from './support/examples';

const secret = 'shpss_schema_policy';
// A line item quantity as a string: not what any API version sends, so the schema refuses it.
const drifted = { ...ORDER, line_items: [{ ...ORDER.line_items[0], quantity: 'one' }] };

describe('shopify() schemaPolicy', () => {
  const checks = schemaPolicyChecks({
    adapter: (schemaPolicy) => shopify({ secret, schemaPolicy }),
    deliver: (payload) =>
      signedShopifyRequest({
        secret,
        topic: 'orders/paid',
        payload,
        shopDomain: 'shop.myshopify.com',
      }),
    type: 'orders/paid',
    valid: ORDER,
    drifted,
    driftedPaths: ['line_items.0.quantity'],
    malformed: [],
    event: { subject: `shop.myshopify.com/orders/${ORDER.id}` },
    hidden: ['"one"'],
    secrets: [secret],
  });
  for (const [name, run] of Object.entries(checks)) it(name, run);
});
