/**
 * `signStripe` / `verifyStripe`, the scheme as two functions: they agree with Stripe's own SDK,
 * with each other and with the adapter (one implementation), answer `false` for any bad or
 * stale signature, and refuse a bad secret or option with CONFIG_INVALID.
 */
import { parseEvent } from '@hooklatch/core';
import { expectHooklatchError } from '@hooklatch/testing';
import Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { signStripe, stripe, verifyStripe } from '../src/index';
import { eventWith, MINIMAL_PAYMENT_INTENT } from './support/fixtures';

const secret = 'whsec_sign_verify_secret';
const body = JSON.stringify(eventWith('payment_intent.succeeded', MINIMAL_PAYMENT_INTENT));
const now = new Date('2026-01-01T00:00:00Z');
const t = Math.floor(now.getTime() / 1000);
const bytes = new TextEncoder().encode(body);
const at = { receivedAt: now };

describe('signStripe', () => {
  it("writes the header Stripe's SDK writes, for a Date or Unix seconds", () => {
    const expected = Stripe.webhooks.generateTestHeaderString({
      payload: body,
      secret,
      timestamp: t,
    });
    expect(signStripe(secret, body, { timestamp: t })).toBe(expected);
    expect(signStripe(secret, body, { timestamp: now })).toBe(expected);
    expect(signStripe(secret, bytes, { timestamp: t })).toBe(expected);
  });

  it("is accepted by Stripe's constructEvent, signing now by default", () => {
    const event = Stripe.webhooks.constructEvent(body, signStripe(secret, body), secret);
    expect(event.id).toBe('evt_payment_intent_succeeded');
  });

  it('writes one v1 per secret, in order, as during a secret roll', () => {
    const header = signStripe(['whsec_new', secret], body, { timestamp: t });
    const [first, second] = [
      signStripe('whsec_new', body, { timestamp: t }),
      signStripe(secret, body, { timestamp: t }),
    ].map((h) => h.split(',')[1]);
    expect(header).toBe(`t=${t},${first},${second}`);
  });

  it.each([
    ['secret', () => signStripe('', body)],
    ['secret', () => signStripe(42 as unknown as string, body)],
    ['secret', () => signStripe([], body)],
    ['timestamp', () => signStripe(secret, body, { timestamp: Date.now() })],
    ['timestamp', () => signStripe(secret, body, { timestamp: new Date(Number.NaN) })],
    ['timestamps', () => signStripe(secret, body, { timestamps: t } as never)],
  ])('CONFIG_INVALID naming %s', async (option, sign) => {
    const error = await expectHooklatchError(sign, { code: 'CONFIG_INVALID', secrets: [secret] });
    expect(error.details.option).toBe(option);
  });
});

describe('verifyStripe', () => {
  const header = signStripe(secret, body, { timestamp: t });

  it("accepts its own and Stripe's SDK signatures, string or bytes", () => {
    const sdk = Stripe.webhooks.generateTestHeaderString({ payload: body, secret, timestamp: t });
    expect(verifyStripe(secret, body, sdk, at)).toBe(true);
    expect(verifyStripe(secret, bytes, header, at)).toBe(true);
    expect(verifyStripe(['whsec_other', secret], body, header, at)).toBe(true);
  });

  it.each([
    ['a wrong secret', () => verifyStripe('whsec_other', body, header, at)],
    ['a changed body', () => verifyStripe(secret, `${body} `, header, at)],
    ['no header', () => verifyStripe(secret, body, undefined, at)],
    ['an empty header', () => verifyStripe(secret, body, '', at)],
    ['no t=', () => verifyStripe(secret, body, header.replace(/^t=\d+,/, ''), at)],
    ['a short v1', () => verifyStripe(secret, body, `t=${t},v1=abcd`, at)],
    ['a non-hex v1', () => verifyStripe(secret, body, `t=${t},v1=${'z'.repeat(64)}`, at)],
    ['11 v1 values', () => verifyStripe(secret, body, `${header}${',v1=00'.repeat(10)}`, at)],
    [
      'a stale t=',
      () => verifyStripe(secret, body, header, { receivedAt: new Date(now.getTime() + 301_000) }),
    ],
    [
      'a future t=',
      () => verifyStripe(secret, body, header, { receivedAt: new Date(now.getTime() - 301_000) }),
    ],
  ])('is false for %s, without throwing', (_case, verify) => {
    expect(verify()).toBe(false);
  });

  it('judges t= against `receivedAt` within toleranceSeconds; 0 turns the check off', () => {
    const later = new Date(now.getTime() + 3_600_000);
    expect(verifyStripe(secret, body, header, { receivedAt: later, toleranceSeconds: 3600 })).toBe(
      true,
    );
    expect(verifyStripe(secret, body, header, { receivedAt: later, toleranceSeconds: 3599 })).toBe(
      false,
    );
    expect(verifyStripe(secret, body, header, { receivedAt: later, toleranceSeconds: 0 })).toBe(
      true,
    );
    // Without `receivedAt`, the current time: a header signed now passes.
    expect(verifyStripe(secret, body, signStripe(secret, body))).toBe(true);
  });

  it.each([
    ['secret', () => verifyStripe('', body, header)],
    ['secrets', () => verifyStripe(['ok', 7] as unknown as string[], body, header)],
    [
      'toleranceSeconds',
      () => verifyStripe(secret, body, header, { toleranceSeconds: Number.NaN }),
    ],
    ['receivedAt', () => verifyStripe(secret, body, header, { receivedAt: new Date('nope') })],
    // `now` is not an option (`receivedAt` is): ignoring it would judge t= against the clock.
    ['now', () => verifyStripe(secret, body, header, { now } as never)],
  ])('a bad %s is CONFIG_INVALID, never false', async (option, verify) => {
    const error = await expectHooklatchError(verify, { code: 'CONFIG_INVALID', secrets: [secret] });
    expect(error.details.option).toBe(option);
  });

  it('a parsed object instead of the raw body is RAW_BODY_REQUIRED', async () => {
    await expectHooklatchError(() => verifyStripe(secret, JSON.parse(body) as string, header, at), {
      code: 'RAW_BODY_REQUIRED',
      secrets: [secret],
    });
  });
});

describe('one scheme in the adapter and the pair', () => {
  const adapter = stripe({ secrets: ['whsec_new', secret] });

  it('adapter.sign writes what signStripe writes for that key and time', () => {
    const signed = adapter.sign?.(body, { timestamp: now, keyIndex: 1 });
    expect(signed?.headers['stripe-signature']).toBe(signStripe(secret, body, { timestamp: t }));
    expect(verifyStripe(secret, body, signed?.headers['stripe-signature'], at)).toBe(true);
  });

  it('the adapter accepts a signStripe header, and meta says which key and when', async () => {
    const headers = { 'stripe-signature': signStripe(secret, body, { timestamp: t }) };
    const event = await parseEvent(adapter, { headers, body }, { receivedAt: now });
    expect(event.meta).toMatchObject({ keyIndex: 1, signedAt: now });
  });
});
