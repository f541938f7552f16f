import { parseEvent } from '@hooklatch/core';
import { signedShopifyRequest } from '@hooklatch/shopify/testing';
import { describe, expect, it } from 'vitest';
import { type ShopifyTypedTopic, shopify, shopifyPayloadSchemas } from '../src/index';
import { EXAMPLES } from './support/examples';

const secret = 'shpss_examples';
const adapter = shopify({ secret });
const topics = Object.keys(shopifyPayloadSchemas) as ShopifyTypedTopic[];

describe('typed schemas against realistic payloads', () => {
  it('has an example for every typed topic', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual([...topics].sort());
  });

  it.each(topics)('%s parses, keeps every field and is typed', async (topic) => {
    const payload = EXAMPLES[topic];
    const event = await parseEvent(adapter, signedShopifyRequest({ secret, topic, payload }));
    expect(event.type).toBe(topic);
    expect(event.payload).toEqual(JSON.parse(JSON.stringify(payload)));
  });

  it('a payload of another resource fails the typed schema', async () => {
    const req = signedShopifyRequest({
      secret,
      topic: 'orders/create',
      payload: EXAMPLES['products/update'],
    });
    await expect(parseEvent(adapter, req)).rejects.toMatchObject({
      code: 'PAYLOAD_SCHEMA_MISMATCH',
      message: expect.stringContaining('line_items'),
    });
  });
});
