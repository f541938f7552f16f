/**
 * `schemaPolicy` on the Shopify adapter: a typed topic whose payload fails its schema is
 * PAYLOAD_SCHEMA_MISMATCH (500) by default, or the envelope with `validated: false` under
 * `'envelope'`; a body that is not a JSON object stays PAYLOAD_INVALID under both.
 */
import { handleWebhook, memoryStore, parseEvent } from '@hooklatch/core';
import { signedShopifyRequest } from '@hooklatch/shopify/testing';
import { describe, expect, it } from 'vitest';
import { shopify } from '../src/index';
import { ORDER } from './support/examples';

const secret = 'shpss_schema_policy';
// A line item quantity as a string: not what any API version sends, so the schema refuses it.
const drifted = { ...ORDER, line_items: [{ ...ORDER.line_items[0], quantity: 'one' }] };
const delivery = (payload: unknown, topic = 'orders/paid') =>
  signedShopifyRequest({ secret, topic, payload, shopDomain: 'shop.myshopify.com' });

describe('shopify() schemaPolicy', () => {
  it("'reject' (default): PAYLOAD_SCHEMA_MISMATCH 500 with the failing paths", async () => {
    await expect(parseEvent(shopify({ secret }), delivery(drifted))).rejects.toMatchObject({
      code: 'PAYLOAD_SCHEMA_MISMATCH',
      httpStatus: 500,
      details: { issues: [expect.objectContaining({ path: 'line_items.0.quantity' })] },
    });
  });

  it("'envelope': the event goes on, validated: false, with meta.schemaIssues", async () => {
    const event = await parseEvent(
      shopify({ secret, schemaPolicy: 'envelope' }),
      delivery(drifted),
    );
    expect(event.type).toBe('orders/paid');
    expect(event.validated).toBe(false);
    expect(event.payload).toEqual(JSON.parse(JSON.stringify(drifted)));
    expect(event.subject).toBe(`shop.myshopify.com/orders/${ORDER.id}`);
    expect(event.meta.schemaIssues).toEqual([
      expect.objectContaining({ path: 'line_items.0.quantity' }),
    ]);
  });

  it("'envelope': a fitting payload is typed and validated", async () => {
    const event = await parseEvent(shopify({ secret, schemaPolicy: 'envelope' }), delivery(ORDER));
    expect(event.validated).toBe(true);
    expect(event.meta.schemaIssues).toBeUndefined();
  });

  it("'envelope': a JSON array is still PAYLOAD_INVALID 422", async () => {
    const adapter = shopify({ secret, schemaPolicy: 'envelope' });
    await expect(parseEvent(adapter, delivery('[]'))).rejects.toMatchObject({
      code: 'PAYLOAD_INVALID',
      httpStatus: 422,
    });
  });

  it("'envelope': handleWebhook answers 200 instead of a 500 that risks the subscription", async () => {
    const store = memoryStore();
    const handler = () => undefined;
    const strict = await handleWebhook(delivery(drifted), {
      adapter: shopify({ secret }),
      store,
      handler,
      logger: false,
    });
    expect(strict.status).toBe(500);
    const loose = await handleWebhook(delivery(drifted), {
      adapter: shopify({ secret, schemaPolicy: 'envelope' }),
      store,
      handler,
      logger: false,
    });
    expect(loose.status).toBe(200);
  });
});
