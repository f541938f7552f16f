import { PayloadError, parseEvent, VerificationError } from '@hooklatch/core';
import { signedShopifyRequest } from '@hooklatch/shopify/testing';
import { refusalsOf } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { shopify } from '../src/index';
import { EXAMPLES, ORDER } from './support/examples';

const secret = 'shpss_bad_input_secret_do_not_leak';
const adapter = shopify({ secret });
const payload = EXAMPLES['orders/create'];
const now = new Date('2026-01-01T10:00:00Z');

const parseOptions = { receivedAt: now };
const refuses = refusalsOf(adapter, { secrets: [secret], parseOptions });
/** With `maxEventAgeSeconds`, a triggered-at too old or in the future is refused. */
const strict = shopify({ secret, maxEventAgeSeconds: 600 });
const strictRefuses = refusalsOf(strict, { secrets: [secret], parseOptions });

function request(overrides: Partial<Parameters<typeof signedShopifyRequest>[0]> = {}) {
  return signedShopifyRequest({
    secret,
    topic: 'orders/create',
    payload,
    triggeredAt: now,
    ...overrides,
  });
}

describe('shopify() bad input', () => {
  it('missing X-Shopify-Hmac-Sha256 -> SIGNATURE_MISSING 401', async () => {
    const error = await refuses(
      request({ headers: { 'x-shopify-hmac-sha256': undefined } }),
      VerificationError,
      'SIGNATURE_MISSING',
      401,
    );
    expect(error.message).toContain('X-Shopify-Hmac-Sha256');
  });

  it.each([
    ['not base64', '***not-base64***'],
    ['hex instead of base64', 'a'.repeat(64)],
    ['truncated digest', 'AAAA'],
  ])('malformed header (%s) -> SIGNATURE_MALFORMED 400', async (_name, value) => {
    await refuses(
      request({ headers: { 'x-shopify-hmac-sha256': value } }),
      VerificationError,
      'SIGNATURE_MALFORMED',
      400,
    );
  });

  it('missing X-Shopify-Topic -> HEADER_MISSING 400', async () => {
    const error = await refuses(
      request({ headers: { 'x-shopify-topic': undefined } }),
      PayloadError,
      'HEADER_MISSING',
      400,
    );
    expect(error.message).toContain('X-Shopify-Topic');
  });

  it('neither event nor webhook ID -> HEADER_MISSING 400', async () => {
    await refuses(
      request({ eventId: null, headers: { 'x-shopify-webhook-id': undefined } }),
      PayloadError,
      'HEADER_MISSING',
      400,
    );
  });

  it('malformed X-Shopify-Triggered-At -> PAYLOAD_INVALID naming the header', async () => {
    const error = await refuses(
      request({ headers: { 'x-shopify-triggered-at': 'yesterday' } }),
      PayloadError,
      'PAYLOAD_INVALID',
      422,
    );
    expect(error.message).toContain('X-Shopify-Triggered-At');
  });

  it('stale and future triggered-at pass by default (retries keep the original time)', async () => {
    const old = request({ triggeredAt: new Date(now.getTime() - 3 * 3600_000) });
    await expect(parseEvent(adapter, old, { receivedAt: now })).resolves.toBeDefined();
  });

  it('with maxEventAgeSeconds, a stale triggered-at -> TIMESTAMP_OUT_OF_TOLERANCE 401', async () => {
    const old = request({ triggeredAt: new Date(now.getTime() - 601_000) });
    const error = await strictRefuses(old, VerificationError, 'TIMESTAMP_OUT_OF_TOLERANCE', 401);
    expect(error.message).toMatch(/old/);
    expect(error.message).toContain('maxEventAgeSeconds');
    expect(error.details).toMatchObject({ ageSeconds: 601, maxEventAgeSeconds: 600 });
    const within = request({ triggeredAt: new Date(now.getTime() - 600_000) });
    await expect(parseEvent(strict, within, { receivedAt: now })).resolves.toBeDefined();
  });

  it('with maxEventAgeSeconds, a future triggered-at -> TIMESTAMP_OUT_OF_TOLERANCE 401', async () => {
    const future = request({ triggeredAt: new Date(now.getTime() + 3600_000) });
    const error = await strictRefuses(future, VerificationError, 'TIMESTAMP_OUT_OF_TOLERANCE', 401);
    expect(error.message).toMatch(/future/);
  });

  it('an authentic payload that fails the typed schema -> PAYLOAD_SCHEMA_MISMATCH 500 listing the path', async () => {
    const broken = { ...ORDER, line_items: [{ ...ORDER.line_items[0], quantity: 'one' }] };
    const error = await refuses(
      request({ payload: broken }),
      PayloadError,
      'PAYLOAD_SCHEMA_MISMATCH',
      500,
    );
    expect(error.message).not.toContain('"one"');
    expect(error.message).toContain('line_items.0.quantity');
    expect(error.details.issues).toEqual([
      expect.objectContaining({ path: 'line_items.0.quantity' }),
    ]);
  });

  it('a JSON array body -> PAYLOAD_INVALID 422', async () => {
    await refuses(request({ payload: '[]' }), PayloadError, 'PAYLOAD_INVALID', 422);
  });

  it('empty body -> BODY_EMPTY 400', async () => {
    await refuses(request({ payload: '' }), PayloadError, 'BODY_EMPTY', 400);
  });
});
