import { createHmac } from 'node:crypto';
import { signedStripeRequest } from '@hooklatch/stripe/testing';
import { describe, expect, it } from 'vitest';

const secret = 'whsec_fixture';

/** Stripe's scheme computed independently of hooklatch's crypto helpers. */
function v1(key: string, t: number, body: string): string {
  return createHmac('sha256', key).update(`${t}.${body}`).digest('hex');
}

describe('signedStripeRequest', () => {
  it("signs '<t>.<body>' into Stripe-Signature: t=...,v1=...", () => {
    const req = signedStripeRequest({ secret, payload: { id: 'evt_1' }, timestamp: 1_700_000_000 });
    expect(req.method).toBe('POST');
    expect(req.body).toBe('{"id":"evt_1"}');
    expect(req.headers['content-type']).toMatch(/^application\/json/);
    expect(req.headers['stripe-signature']).toBe(
      `t=1700000000,v1=${v1(secret, 1_700_000_000, req.body)}`,
    );
  });

  it('defaults the timestamp to now', () => {
    const before = Math.floor(Date.now() / 1000);
    const req = signedStripeRequest({ secret, payload: '{}' });
    const t = Number(/^t=(\d+),/.exec(req.headers['stripe-signature'] ?? '')?.[1]);
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(before + 5);
  });

  it('adds one v1 per extra secret, as during a Stripe secret roll', () => {
    const req = signedStripeRequest({
      secret,
      extraSecrets: ['whsec_old'],
      payload: '{ "id": "evt_2" }',
      timestamp: 10,
    });
    expect(req.body).toBe('{ "id": "evt_2" }');
    expect(req.headers['stripe-signature']).toBe(
      `t=10,v1=${v1(secret, 10, req.body)},v1=${v1('whsec_old', 10, req.body)}`,
    );
  });

  it('applies header overrides last and can drop a header', () => {
    const req = signedStripeRequest({
      secret,
      payload: {},
      headers: { 'Stripe-Signature': undefined, 'X-Extra': '1' },
    });
    expect(req.headers['stripe-signature']).toBeUndefined();
    expect(req.headers['x-extra']).toBe('1');
  });
});
