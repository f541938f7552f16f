/**
 * The typed topic schemas against Shopify's published payloads (test/fixtures/corpus, origins
 * in its SOURCE.md): each one, sent as is, must come out typed and validated.
 */
import { readFileSync } from 'node:fs';
import { parseEvent } from '@hooklatch/core';
import { signedShopifyRequest } from '@hooklatch/shopify/testing';
import { describe, expect, it } from 'vitest';
import { type ShopifyTypedTopic, shopify, shopifyPayloadSchemas } from '../src/index';

const secret = 'shpss_corpus';
const adapter = shopify({ secret });
const shopDomain = 'super-toys.myshopify.com';

/** Each corpus file, the topic it was published for, and the API version. */
const CORPUS: ReadonlyArray<readonly [file: string, topic: ShopifyTypedTopic]> = [
  ['app-uninstalled.2026-07.json', 'app/uninstalled'],
  ['app-uninstalled.older-test-notification.json', 'app/uninstalled'],
  ['customers-create.2026-07.json', 'customers/create'],
  ['inventory-levels-update.2026-07.json', 'inventory_levels/update'],
  ['orders-cancelled.2026-07.json', 'orders/cancelled'],
  // Shopify's orders/create, orders/paid and orders/updated samples are the same order.
  ['orders-cancelled.2026-07.json', 'orders/create'],
  ['orders-cancelled.2026-07.json', 'orders/paid'],
  ['orders-cancelled.2026-07.json', 'orders/updated'],
  ['products-update.2026-07.json', 'products/update'],
  ['refunds-create.2026-07.json', 'refunds/create'],
];

function body(file: string): string {
  return readFileSync(new URL(`./fixtures/corpus/${file}`, import.meta.url), 'utf8');
}

describe("typed topics against Shopify's published payloads", () => {
  it('covers every typed topic', () => {
    const covered = new Set(CORPUS.map(([, topic]) => topic));
    expect([...covered].sort()).toEqual(Object.keys(shopifyPayloadSchemas).sort());
  });

  it.each(CORPUS)('%s as %s is typed and validated', async (file, topic) => {
    const raw = body(file);
    const req = signedShopifyRequest({ secret, topic, payload: raw, shopDomain });
    const event = await parseEvent(adapter, req);
    expect(event.type).toBe(topic);
    expect(event.validated).toBe(true);
    expect(event.payload).toEqual(JSON.parse(raw));
  });

  it('app/uninstalled with myshopify_domain: null keeps the shop from the header', async () => {
    const raw = body('app-uninstalled.2026-07.json');
    const req = signedShopifyRequest({
      secret,
      topic: 'app/uninstalled',
      payload: raw,
      shopDomain,
    });
    const event = await parseEvent(adapter, req);
    if (event.type !== 'app/uninstalled') throw new Error('typed');
    expect(event.payload.myshopify_domain).toBeNull();
    expect(event.meta.shopDomain).toBe(shopDomain);
    expect(event.subject).toBe(`${shopDomain}/app/548380009`);
  });
});
