/**
 * The verifier pair: `signShopify` / `verifyShopify` against node:crypto, `adapter.sign` into
 * `parseEvent` with `meta.keyIndex`, secret resolvers, and the `verify` / renamed options.
 */
import { createHmac } from 'node:crypto';
import { parseEvent } from '@hooklatch/core';
import { signedShopifyRequest } from '@hooklatch/shopify/testing';
import { expectHooklatchError } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { SHOPIFY_HMAC_HEADER, shopify, signShopify, verifyShopify } from '../src/index';
import { ORDER } from './support/examples';

const secret = 'shpss_sign_verify';
const body = JSON.stringify(ORDER);
const nodeHmac = (key: string, text: string) =>
  createHmac('sha256', key).update(text).digest('base64');
const shopHeaders = {
  'x-shopify-topic': 'orders/paid',
  'x-shopify-shop-domain': 'a.myshopify.com',
  'x-shopify-event-id': 'ev-sign',
};

describe('signShopify / verifyShopify', () => {
  it('signShopify is base64 HMAC-SHA256 of the body, as node:crypto computes it', () => {
    expect(signShopify(secret, body)).toBe(nodeHmac(secret, body));
    expect(signShopify(new TextEncoder().encode(secret), new TextEncoder().encode(body))).toBe(
      nodeHmac(secret, body),
    );
  });

  it('verifyShopify accepts the signature under any listed secret', () => {
    const signature = nodeHmac('old', body);
    expect(verifyShopify('old', body, signature)).toBe(true);
    expect(verifyShopify(['new', 'old'], new TextEncoder().encode(body), signature)).toBe(true);
  });

  it.each([
    ['another secret', nodeHmac('other', body)],
    ['another body', nodeHmac(secret, `${body} `)],
    ['not base64', '***'],
    ['a truncated digest', 'AAAA'],
    ['an empty value', ''],
  ])('verifyShopify answers false, never throws, for %s', (_case, signature) => {
    expect(verifyShopify(secret, body, signature)).toBe(false);
  });

  it('a missing or mistyped secret is CONFIG_INVALID, in both functions', async () => {
    for (const bad of ['', [], [7], undefined]) {
      await expectHooklatchError(() => verifyShopify(bad as never, body, 'x'), {
        code: 'CONFIG_INVALID',
      });
    }
    await expectHooklatchError(() => signShopify('', body), { code: 'CONFIG_INVALID' });
  });

  it('a parsed body is RAW_BODY_REQUIRED: it could never verify', async () => {
    const parsed = JSON.parse(body) as never;
    await expectHooklatchError(() => verifyShopify(secret, parsed, nodeHmac(secret, body)), {
      code: 'RAW_BODY_REQUIRED',
    });
    await expectHooklatchError(() => signShopify(secret, parsed), { code: 'RAW_BODY_REQUIRED' });
  });
});

describe('adapter.sign', () => {
  it('signs with the keyIndex-th secret; parseEvent reports it as meta.keyIndex', async () => {
    const adapter = shopify({ secrets: ['new', 'old'] });
    const signed = adapter.sign?.(body, { keyIndex: 1, headers: shopHeaders });
    expect(signed?.headers['x-shopify-hmac-sha256']).toBe(nodeHmac('old', body));
    const event = await parseEvent(adapter, signed as NonNullable<typeof signed>);
    expect(event.meta.keyIndex).toBe(1);
    expect(event.id).toBe('ev-sign');
  });

  it('writes the Events header form when the delivery uses it', async () => {
    const adapter = shopify({ secret });
    const events = Object.fromEntries(
      Object.entries(shopHeaders).map(([name, value]) => [name.slice(2), value]),
    );
    const signed = adapter.sign?.(body, { headers: events });
    expect(signed?.headers).toMatchObject({ 'shopify-hmac-sha256': nodeHmac(secret, body) });
    expect(signed?.headers[SHOPIFY_HMAC_HEADER.toLowerCase()]).toBeUndefined();
    await expect(parseEvent(adapter, signed as NonNullable<typeof signed>)).resolves.toMatchObject({
      id: 'ev-sign',
    });
  });
});

describe('secret resolvers', () => {
  const tenants: Record<string, string[]> = {
    'a.myshopify.com': ['secret-a'],
    'b.myshopify.com': ['b-new', 'b-old'],
  };
  const forShop = (shop: string, key: string) =>
    signedShopifyRequest({ secret: key, topic: 'orders/paid', payload: ORDER, shopDomain: shop });

  it('picks the secrets per shop, synchronously', async () => {
    const adapter = shopify({
      secrets: (delivery) => tenants[delivery.headers['x-shopify-shop-domain'] ?? ''],
    });
    const event = await parseEvent(adapter, forShop('b.myshopify.com', 'b-old'));
    expect(event.meta.keyIndex).toBe(1);
    // One shop's secret does not open another shop's deliveries.
    await expectHooklatchError(parseEvent(adapter, forShop('b.myshopify.com', 'secret-a')), {
      code: 'SIGNATURE_INVALID',
      secrets: ['secret-a', 'b-new', 'b-old'],
    });
  });

  it('may be async; an unknown shop is SIGNATURE_INVALID (401)', async () => {
    const adapter = shopify({
      secrets: async (delivery) => tenants[delivery.headers['x-shopify-shop-domain'] ?? ''],
    });
    await expect(
      parseEvent(adapter, forShop('a.myshopify.com', 'secret-a')),
    ).resolves.toMatchObject({ meta: { keyIndex: 0 } });
    await expectHooklatchError(parseEvent(adapter, forShop('z.myshopify.com', 'secret-a')), {
      code: 'SIGNATURE_INVALID',
      httpStatus: 401,
    });
  });
});

describe('options', () => {
  it('verify: false accepts an unsigned delivery; with a secret it is CONFIG_INVALID', async () => {
    const unsigned = signedShopifyRequest({ secret, topic: 'orders/paid', payload: ORDER });
    delete unsigned.headers['x-shopify-hmac-sha256'];
    const open = shopify({ verify: false });
    const event = await parseEvent(open, unsigned);
    expect(event.type).toBe('orders/paid');
    expect(event.meta.keyIndex).toBeUndefined();
    await expectHooklatchError(parseEvent(shopify({ secret }), unsigned), {
      code: 'SIGNATURE_MISSING',
    });
    const both = await expectHooklatchError(() => shopify({ secret, verify: false }), {
      code: 'CONFIG_INVALID',
      secrets: [secret],
    });
    expect(both.details.option).toBe('verify');
  });

  it('the pre-0.2 toleranceSeconds is CONFIG_INVALID naming maxEventAgeSeconds', async () => {
    const error = await expectHooklatchError(
      () => shopify({ secret, toleranceSeconds: 600 } as never),
      { code: 'CONFIG_INVALID', secrets: [secret] },
    );
    expect(error.details.option).toBe('toleranceSeconds');
    expect(error.message).toContain('maxEventAgeSeconds');
  });
});
