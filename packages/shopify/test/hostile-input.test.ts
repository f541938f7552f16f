/**
 * Issue 10 items 4, 7, 9 and 15 through the real adapter: deep JSON, the body digest of a retry,
 * a triggered-at no Date can hold, and option checks.
 */
import { parseEvent } from '@hooklatch/core';
import { signedShopifyRequest } from '@hooklatch/shopify/testing';
import { expectHooklatchError } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { ShopifyStaleGuard, shopify } from '../src/index';
import { ORDER } from './support/examples';

const secret = 'shopify-hostile-input-secret';
const adapter = shopify({ secret });
const triggeredAt = new Date('2026-01-01T00:00:00Z');
const request = (
  payload: unknown,
  extra: Partial<Parameters<typeof signedShopifyRequest>[0]> = {},
) =>
  signedShopifyRequest({
    secret,
    topic: 'orders/paid',
    payload,
    eventId: 'ev-1',
    triggeredAt,
    ...extra,
  });

// 129, 10,000 and 100,000 levels are the conformance suite's ('deeply nested JSON is refused').
describe('shopify: maxDepth', () => {
  it('the maxDepth option lowers the limit', async () => {
    await expectHooklatchError(parseEvent(shopify({ secret, maxDepth: 2 }), request(ORDER)), {
      code: 'PAYLOAD_TOO_DEEP',
    });
  });
});

describe('shopify: event.digest', () => {
  it('a retry (same event ID, new webhook ID, original payload) keeps the digest', async () => {
    const first = await parseEvent(adapter, request(ORDER, { webhookId: 'wh-1' }));
    const retry = await parseEvent(adapter, request(ORDER, { webhookId: 'wh-2' }));
    expect(first.digest).toMatch(/^sha256-body:[0-9a-f]{64}$/);
    expect(retry.dedupeKey).toBe(first.dedupeKey);
    expect(retry.digest).toBe(first.digest);
  });

  it('a changed total under the same event ID gives another digest', async () => {
    const first = await parseEvent(adapter, request(ORDER));
    const changed = await parseEvent(adapter, request({ ...ORDER, total_price: '0.01' }));
    expect(changed.dedupeKey).toBe(first.dedupeKey);
    expect(changed.digest).not.toBe(first.digest);
  });
});

describe('shopify: X-Shopify-Triggered-At outside the Date range', () => {
  it.each(['+275761-01-01T00:00:00Z', '9999-99-99T00:00:00Z'])(
    '%s is PAYLOAD_INVALID',
    async (value) => {
      const input = request(ORDER, { headers: { 'x-shopify-triggered-at': value } });
      const error = await expectHooklatchError(parseEvent(adapter, input), {
        code: 'PAYLOAD_INVALID',
      });
      expect(error.message).toContain('X-Shopify-Triggered-At');
    },
  );
});

describe('shopify: every option is checked at construction', () => {
  it.each([
    ['maxEventAgeSeconds', { maxEventAgeSeconds: Number.NaN }],
    ['verify', { verify: true }],
    ['retentionMs', { retentionMs: '4h' }],
    ['validatePayloads', { validatePayloads: null }],
    ['schemaPolicy', { schemaPolicy: 'skip' }],
    ['maxDepth', { maxDepth: -3 }],
    ['secrets', { secrets: [secret, 7] }],
  ])('%s: %o', async (option, bad) => {
    const error = await expectHooklatchError(() => shopify({ secret, ...(bad as object) }), {
      code: 'CONFIG_INVALID',
      secrets: [secret],
    });
    expect(error.details.option).toBe(option);
  });

  it('ShopifyStaleGuard checks maxSubjects', async () => {
    const error = await expectHooklatchError(() => new ShopifyStaleGuard({ maxSubjects: 0 }), {
      code: 'CONFIG_INVALID',
    });
    expect(error.details.option).toBe('maxSubjects');
  });
});
