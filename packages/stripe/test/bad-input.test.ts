import { PayloadError, parseEvent, VerificationError } from '@hooklatch/core';
import { signedStripeRequest } from '@hooklatch/stripe/testing';
import { refusalsOf } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { stripe } from '../src/index';
import { eventWith, MINIMAL_PAYMENT_INTENT } from './support/fixtures';

const secret = 'whsec_bad_input_secret_do_not_leak';
const adapter = stripe({ secret });
const payload = eventWith('payment_intent.succeeded', MINIMAL_PAYMENT_INTENT);
const now = new Date('2026-01-01T00:00:00Z');
const t = Math.floor(now.getTime() / 1000);

const refuses = refusalsOf(adapter, { secrets: [secret], parseOptions: { receivedAt: now } });

function request(overrides: Partial<Parameters<typeof signedStripeRequest>[0]> = {}) {
  return signedStripeRequest({ secret, payload, timestamp: t, ...overrides });
}

describe('stripe() bad input', () => {
  it('missing Stripe-Signature -> SIGNATURE_MISSING 401', async () => {
    const error = await refuses(
      request({ headers: { 'stripe-signature': undefined } }),
      VerificationError,
      'SIGNATURE_MISSING',
      401,
    );
    expect(error.message).toContain('Stripe-Signature');
  });

  it.each([
    ['no t=', `v1=${'a'.repeat(64)}`],
    ['no v1=', `t=${t},v0=${'a'.repeat(64)}`],
    ['non-numeric t', `t=yesterday,v1=${'a'.repeat(64)}`],
    ['non-hex v1', `t=${t},v1=${'z'.repeat(64)}`],
    ['short v1', `t=${t},v1=abcd`],
    ['garbage', 'sha256=whatever'],
  ])('malformed header (%s) -> SIGNATURE_MALFORMED 400', async (_name, value) => {
    await refuses(
      request({ headers: { 'stripe-signature': value } }),
      VerificationError,
      'SIGNATURE_MALFORMED',
      400,
    );
  });

  it('stale timestamp -> TIMESTAMP_OUT_OF_TOLERANCE 401', async () => {
    const error = await refuses(
      request({ timestamp: t - 301 }),
      VerificationError,
      'TIMESTAMP_OUT_OF_TOLERANCE',
      401,
    );
    expect(error.message).toMatch(/old/);
  });

  it('future timestamp -> TIMESTAMP_OUT_OF_TOLERANCE 401', async () => {
    const error = await refuses(
      request({ timestamp: t + 3600 }),
      VerificationError,
      'TIMESTAMP_OUT_OF_TOLERANCE',
      401,
    );
    expect(error.message).toMatch(/future/);
  });

  it('a timestamp at the tolerance edge still verifies', async () => {
    await expect(
      parseEvent(adapter, request({ timestamp: t - 300 }), { receivedAt: now }),
    ).resolves.toBeDefined();
    await expect(
      parseEvent(adapter, request({ timestamp: t + 300 }), { receivedAt: now }),
    ).resolves.toBeDefined();
  });

  it('JSON array body -> PAYLOAD_INVALID 422', async () => {
    await refuses(request({ payload: '[1,2]' }), PayloadError, 'PAYLOAD_INVALID', 422);
  });

  it('an authentic event that fails the typed schema -> PAYLOAD_SCHEMA_MISMATCH 500 listing the path', async () => {
    const broken = eventWith('payment_intent.succeeded', {
      ...MINIMAL_PAYMENT_INTENT,
      amount: '20',
    });
    const error = await refuses(
      request({ payload: broken }),
      PayloadError,
      'PAYLOAD_SCHEMA_MISMATCH',
      500,
    );
    expect(error.message).toContain('data.object.amount');
    // Paths and expectations only: the value Stripe sent is never echoed.
    expect(error.message).not.toContain('"20"');
    expect(error.details.issues).toEqual([expect.objectContaining({ path: 'data.object.amount' })]);
  });

  it('JSON that fails the envelope -> PAYLOAD_INVALID 422 listing the path', async () => {
    const { id: _id, ...noId } = payload;
    const error = await refuses(request({ payload: noId }), PayloadError, 'PAYLOAD_INVALID', 422);
    expect(error.message).toMatch(/(^|\s)id: /);
  });

  it('a thin event missing related fields -> PAYLOAD_INVALID naming the path', async () => {
    const thin = {
      id: 'evt_1',
      object: 'v2.core.event',
      type: 'v1.x',
      created: 'yesterday',
      livemode: false,
    };
    const error = await refuses(request({ payload: thin }), PayloadError, 'PAYLOAD_INVALID', 422);
    expect(error.message).toContain('created');
    // `created` is an ISO-8601 date-time with its zone: no zone, or a date no calendar has,
    // is refused too, naming the path only.
    for (const created of [
      '2025-01-22T11:23:15',
      '2025-13-01T00:00:00Z',
      ' 2025-01-22T11:23:15Z',
    ]) {
      const bad = await refuses(
        request({ payload: { ...thin, created } }),
        PayloadError,
        'PAYLOAD_INVALID',
        422,
      );
      expect(bad.message).toMatch(/^stripe thin event payload failed validation: created: /);
      expect(bad.message).not.toContain(created.trim());
    }
  });

  it('empty body -> BODY_EMPTY 400', async () => {
    await refuses(request({ payload: '' }), PayloadError, 'BODY_EMPTY', 400);
  });
});
