/** signedShopifyRequest from @hooklatch/shopify/testing, checked against node:crypto. */
import { createHmac } from 'node:crypto';
import { signedShopifyRequest } from '@hooklatch/shopify/testing';
import { describe, expect, it } from 'vitest';

const secret = 'shpss_fixture';

/** Shopify's scheme computed independently of hooklatch's crypto helpers. */
function hmac(body: string): string {
  return createHmac('sha256', secret).update(body, 'utf8').digest('base64');
}

describe('signedShopifyRequest', () => {
  it('signs the raw body (base64) and sets the Shopify headers', () => {
    const triggeredAt = new Date('2026-01-01T10:00:00.123Z');
    const req = signedShopifyRequest({
      secret,
      topic: 'orders/create',
      payload: { id: 1, note: 'é' },
      shopDomain: 'shop.myshopify.com',
      eventId: 'ev-1',
      webhookId: 'wh-1',
      triggeredAt,
    });
    expect(req.method).toBe('POST');
    expect(req.body).toBe('{"id":1,"note":"é"}');
    expect(req.headers).toEqual({
      'content-type': 'application/json',
      'x-shopify-topic': 'orders/create',
      'x-shopify-hmac-sha256': hmac(req.body),
      'x-shopify-shop-domain': 'shop.myshopify.com',
      'x-shopify-event-id': 'ev-1',
      'x-shopify-webhook-id': 'wh-1',
      'x-shopify-triggered-at': '2026-01-01T10:00:00.123Z',
      'x-shopify-api-version': '2025-07',
    });
  });

  it('defaults to fresh IDs and can leave the event ID out', () => {
    const a = signedShopifyRequest({ secret, topic: 'app/uninstalled', payload: '{}' });
    const b = signedShopifyRequest({
      secret,
      topic: 'app/uninstalled',
      payload: '{}',
      eventId: null,
    });
    expect(a.headers['x-shopify-event-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.headers['x-shopify-webhook-id']).not.toBe(b.headers['x-shopify-webhook-id']);
    expect(b.headers['x-shopify-event-id']).toBeUndefined();
  });

  it('can use the Events header form (shopify-*)', () => {
    const req = signedShopifyRequest({
      secret,
      topic: 'products/update',
      payload: '{}',
      headerPrefix: 'shopify',
    });
    expect(req.headers['shopify-hmac-sha256']).toBe(hmac('{}'));
    expect(req.headers['x-shopify-hmac-sha256']).toBeUndefined();
  });

  it('applies header overrides last and can drop a header', () => {
    const req = signedShopifyRequest({
      secret,
      topic: 'orders/paid',
      payload: {},
      headers: { 'X-Shopify-Hmac-Sha256': undefined, 'X-Extra': '1' },
    });
    expect(req.headers['x-shopify-hmac-sha256']).toBeUndefined();
    expect(req.headers['x-extra']).toBe('1');
  });
});
