import { createHmac } from 'node:crypto';
import { memoryStore, parseEvent, processOnce } from '@hooklatch/core';
import { signedShopifyRequest } from '@hooklatch/shopify/testing';
import { describe, expect, it } from 'vitest';
import { SHOPIFY_RETENTION_MS, shopify } from '../src/index';
import { EXAMPLES, ORDER } from './support/examples';

const secret = 'shpss_adapter_secret';
const adapter = shopify({ secret });
const triggeredAt = new Date('2026-01-01T10:00:00.000Z');
const shopDomain = 'example.myshopify.com';

function order(overrides: Partial<Parameters<typeof signedShopifyRequest>[0]> = {}) {
  return signedShopifyRequest({
    secret,
    topic: 'orders/paid',
    payload: EXAMPLES['orders/paid'],
    shopDomain,
    eventId: 'ev-1',
    webhookId: 'wh-1',
    triggeredAt,
    ...overrides,
  });
}

describe('shopify()', () => {
  it('normalizes a delivery', async () => {
    const event = await parseEvent(adapter, order());
    expect(event.provider).toBe('shopify');
    expect(event.type).toBe('orders/paid');
    expect(event.id).toBe('ev-1');
    expect(event.idSource).toBe('event');
    expect(event.deliveryId).toBe('wh-1');
    expect(event.dedupeKey).toBe('shopify:ev-1');
    expect(event.subject).toBe(`${shopDomain}/orders/${ORDER.id}`);
    expect(event.occurredAt).toEqual(triggeredAt);
    expect(event.retentionMs).toBe(SHOPIFY_RETENTION_MS);
    expect(event.meta).toMatchObject({
      shopDomain,
      apiVersion: '2025-07',
      eventId: 'ev-1',
      webhookId: 'wh-1',
      triggeredAt,
      keyIndex: 0,
    });
    if (event.type !== 'orders/paid') throw new Error('not narrowed');
    expect(event.payload.total_price).toBe('388.00');
  });

  it('verifies a signature computed independently with node:crypto, as Shopify documents', async () => {
    // Shopify: base64(HMAC-SHA256(client secret, raw body)), no official signing tool.
    const body = JSON.stringify(EXAMPLES['orders/create'], null, 2);
    const headers = {
      'x-shopify-topic': 'orders/create',
      'x-shopify-hmac-sha256': createHmac('sha256', secret).update(body).digest('base64'),
      'x-shopify-shop-domain': shopDomain,
      'x-shopify-webhook-id': 'wh-2',
    };
    const event = await parseEvent(adapter, { headers, body });
    expect(event.type).toBe('orders/create');
  });

  it('falls back to X-Shopify-Webhook-Id when there is no event ID', async () => {
    const event = await parseEvent(adapter, order({ eventId: null }));
    expect(event.id).toBe('wh-1');
    expect(event.idSource).toBe('delivery');
    expect(event.deliveryId).toBe('wh-1');
  });

  it('reads the lower-case shopify-* header form', async () => {
    const event = await parseEvent(adapter, order({ headerPrefix: 'shopify' }));
    expect(event.id).toBe('ev-1');
    expect(event.meta.shopDomain).toBe(shopDomain);
  });

  it('without X-Shopify-Triggered-At, occurredAt falls back to receivedAt', async () => {
    const receivedAt = new Date('2026-02-02T00:00:00Z');
    const req = order({ headers: { 'x-shopify-triggered-at': undefined } });
    const event = await parseEvent(adapter, req, { receivedAt });
    expect(event.occurredAt).toEqual(receivedAt);
    expect(event.meta.triggeredAt).toBeUndefined();
  });

  it('accepts Shopify nanosecond triggered-at values', async () => {
    const req = order({ headers: { 'x-shopify-triggered-at': '2026-01-01T10:00:00.123456789Z' } });
    const event = await parseEvent(adapter, req);
    expect(event.occurredAt).toEqual(new Date('2026-01-01T10:00:00.123Z'));
  });

  it('rotation: any listed secret verifies and meta.keyIndex reports which', async () => {
    const rotating = shopify({ secret: 'new', secrets: ['old'] });
    const old = await parseEvent(rotating, order({ secret: 'old' }));
    const fresh = await parseEvent(rotating, order({ secret: 'new' }));
    expect([old.meta.keyIndex, fresh.meta.keyIndex]).toEqual([1, 0]);
  });

  it('keys subjects by shop, resource and id', async () => {
    const level = await parseEvent(
      adapter,
      order({ topic: 'inventory_levels/update', payload: EXAMPLES['inventory_levels/update'] }),
    );
    expect(level.subject).toBe(`${shopDomain}/inventory_levels/271878346596884000@24826418`);
    const shop = await parseEvent(adapter, order({ topic: 'shop/update', payload: {} }));
    expect(shop.subject).toBe(shopDomain);
  });

  it('parses a topic without a typed schema (even an unknown one) with the envelope', async () => {
    const event = await parseEvent(
      adapter,
      order({ topic: 'brand_new/topic', payload: { id: 7, x: 1 } }),
    );
    expect(event.type as string).toBe('brand_new/topic');
    expect(event.payload).toEqual({ id: 7, x: 1 });
    expect(event.subject).toBe(`${shopDomain}/brand_new/7`);
  });

  it('trimmed (include_fields) payloads: PAYLOAD_SCHEMA_MISMATCH, or accepted envelope-only', async () => {
    const trimmed = order({ payload: { id: 1, total_price: '5.00' } });
    await expect(parseEvent(adapter, trimmed)).rejects.toMatchObject({
      code: 'PAYLOAD_SCHEMA_MISMATCH',
    });
    const loose = shopify({ secret, validatePayloads: false });
    await expect(parseEvent(loose, trimmed)).resolves.toMatchObject({
      type: 'orders/paid',
      validated: false,
    });
    const envelope = shopify({ secret, schemaPolicy: 'envelope' });
    await expect(parseEvent(envelope, trimmed)).resolves.toMatchObject({
      type: 'orders/paid',
      validated: false,
      payload: { id: 1, total_price: '5.00' },
    });
  });

  it('a retry (same event ID, new delivery) is a duplicate for processOnce', async () => {
    const store = memoryStore();
    let runs = 0;
    const first = await parseEvent(adapter, order({ webhookId: 'wh-a' }));
    const retry = await parseEvent(adapter, order({ webhookId: 'wh-b' }));
    const a = await processOnce(store, first, () => runs++);
    const b = await processOnce(store, retry, () => runs++);
    expect([a.outcome, b.outcome, runs]).toEqual(['processed', 'duplicate', 1]);
  });

  it('refuses to be built without a secret', () => {
    expect(() => shopify({ secrets: [] })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });

  it('refuses an unknown option by name, and accepts every documented one', () => {
    const typo = { secret, maxEventAge: 60 } as unknown as Parameters<typeof shopify>[0];
    expect(() => shopify(typo)).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: 'shopify: unknown option "maxEventAge".',
        details: { option: 'maxEventAge' },
      }),
    );
    const every = shopify({
      secrets: [secret],
      verify: undefined,
      retentionMs: 1000,
      maxEventAgeSeconds: 60,
      validatePayloads: false,
      schemaPolicy: 'envelope',
      maxDepth: 64,
    });
    expect(every.retentionMs).toBe(1000);
  });

  it('a secret pasted where an option name belongs is refused without being echoed', () => {
    for (const key of [
      'shpss_0123456789abcdef0123456789abcdef',
      'ghp_AbCdEf0123456789',
      'Secret9',
    ]) {
      const pasted = { secret, [key]: true } as unknown as Parameters<typeof shopify>[0];
      let error: unknown;
      try {
        shopify(pasted);
      } catch (caught) {
        error = caught;
      }
      expect(error).toMatchObject({ code: 'CONFIG_INVALID', details: { option: 'options' } });
      expect(
        JSON.stringify({ m: (error as Error).message, d: (error as { details: unknown }).details }),
      ).not.toContain(key);
    }
  });
});
