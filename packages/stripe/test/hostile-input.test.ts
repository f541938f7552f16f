/**
 * Issue 10 items 4, 7, 9, 14, 15 through the real adapter: deep JSON, the body digest across a
 * real retry, the bound on v1 signatures, out-of-range `created`, and option checks.
 */
import { createHash, createHmac } from 'node:crypto';
import { parseEvent } from '@hooklatch/core';
import { payloadDigest } from '@hooklatch/core/kit';
import { signedStripeRequest } from '@hooklatch/stripe/testing';
import { expectHooklatchError } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { STRIPE_DIGEST_EXCLUDE, stripe } from '../src/index';
import { eventWith, MINIMAL_PAYMENT_INTENT } from './support/fixtures';

const secret = 'whsec_hostile_input_secret_do_not_leak';
const adapter = stripe({ secret });
const now = new Date('2026-01-01T00:00:00Z');
const t = Math.floor(now.getTime() / 1000);
const event = eventWith('payment_intent.succeeded', MINIMAL_PAYMENT_INTENT, {
  pending_webhooks: 2,
});

const parse = (payload: unknown, options: { timestamp?: number } = {}) =>
  parseEvent(adapter, signedStripeRequest({ secret, payload, timestamp: t, ...options }), {
    receivedAt: now,
  });

// 129, 10,000 and 100,000 levels are the conformance suite's ('deeply nested JSON is refused').
describe('stripe: maxDepth', () => {
  it('the maxDepth option lowers the limit', async () => {
    const strict = stripe({ secret, maxDepth: 3 });
    const input = signedStripeRequest({ secret, payload: event, timestamp: t });
    await expectHooklatchError(parseEvent(strict, input, { receivedAt: now }), {
      code: 'PAYLOAD_TOO_DEEP',
    });
  });
});

describe('stripe: event.digest', () => {
  it('excludes pending_webhooks only', () => {
    expect(adapter.digestExclude).toEqual(['pending_webhooks']);
    expect(STRIPE_DIGEST_EXCLUDE).toEqual(['pending_webhooks']);
  });

  it('a real retry (pending_webhooks fell, new t=, new signature) keeps the digest', async () => {
    const first = await parse(event);
    const retry = await parse({ ...event, pending_webhooks: 1 }, { timestamp: t + 60 });
    expect(first.digest).toMatch(/^sha256-body:[0-9a-f]{64}$/);
    expect(retry.dedupeKey).toBe(first.dedupeKey);
    expect(retry.digest).toBe(first.digest);
  });

  it('is the SHA-256 of the signed bytes without the pending_webhooks value', async () => {
    // Pretty-printed, as Stripe sends it, with non-ASCII text after the member.
    const body = JSON.stringify(
      { ...event, request: { id: 'req_é€😀', idempotency_key: null } },
      null,
      2,
    );
    const member = '"pending_webhooks": 2';
    expect(body.split(member)).toHaveLength(2);
    const [before, after] = body.split(member) as [string, string];
    const expected = createHash('sha256')
      .update(`${before}"pending_webhooks": ${after}`)
      .digest('hex');
    expect((await parse(body)).digest).toBe(`sha256-body:${expected}`);
    expect((await parse(body.replace(member, '"pending_webhooks": 17'))).digest).toBe(
      `sha256-body:${expected}`,
    );
    // Any other byte counts, whitespace included: no one re-serializes a signed body.
    expect((await parse(body.replace('"type"', ' "type"'))).digest).not.toBe(
      `sha256-body:${expected}`,
    );
  });

  it('falls back to the canonical digest when pending_webhooks cannot be located for certain', async () => {
    const canonical = payloadDigest(event, STRIPE_DIGEST_EXCLUDE);
    // A nested member of the same name after the top-level one: the last occurrence is not it.
    const nested = { ...event, zz: { pending_webhooks: 1 } };
    const a = await parse(nested);
    const b = await parse({ ...nested, pending_webhooks: 5 });
    expect(a.digest).toBe(payloadDigest(nested, STRIPE_DIGEST_EXCLUDE));
    expect(b.digest).toBe(a.digest);
    // Escaped in the key: still the member JSON.parse reads, found only by the canonical path.
    const escaped = JSON.stringify(event).replace('"pending_webhooks"', '"pending\\u005fwebhooks"');
    expect(escaped).not.toContain('"pending_webhooks"');
    expect((await parse(escaped)).digest).toBe(canonical);
  });

  it('under verify: false, nothing vouches for the bytes: the canonical digest', async () => {
    const unverified = stripe({ verify: false });
    const body = JSON.stringify(event);
    const digestOf = async (text: string) =>
      (await parseEvent(unverified, { headers: {}, body: text }, { receivedAt: now })).digest;
    const canonical = await digestOf(body);
    expect(canonical).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(await digestOf(JSON.stringify(event, null, 2))).toBe(canonical);
  });

  it('a changed amount under the same event ID gives another digest', async () => {
    const first = await parse(event);
    const forged = await parse({
      ...event,
      data: { object: { ...MINIMAL_PAYMENT_INTENT, amount: 999_999 } },
    });
    expect(forged.dedupeKey).toBe(first.dedupeKey);
    expect(forged.digest).not.toBe(first.digest);
  });

  it('is computed before the schema strips anything: an unmodelled field counts', async () => {
    const first = await parse(event);
    const extra = await parse({ ...event, data: { object: { ...MINIMAL_PAYMENT_INTENT, x: 1 } } });
    expect(extra.digest).not.toBe(first.digest);
  });
});

describe('stripe: at most 10 v1 signatures, timestamp first (issue 10 item 14)', () => {
  const body = JSON.stringify(event);
  const v1 = (key: string, ts = t) =>
    createHmac('sha256', key).update(`${ts}.${body}`).digest('hex');
  const deliver = (header: string) =>
    parseEvent(adapter, { headers: { 'stripe-signature': header }, body }, { receivedAt: now });

  it('accepts 10 v1 values with one valid, refuses 11 as SIGNATURE_MALFORMED', async () => {
    const others = Array.from({ length: 9 }, (_, i) => `v1=${v1(`other-${i}`)}`);
    await expect(
      deliver([`t=${t}`, ...others, `v1=${v1(secret)}`].join(',')),
    ).resolves.toBeDefined();
    const error = await expectHooklatchError(
      deliver([`t=${t}`, ...others, `v1=${v1('x')}`, `v1=${v1(secret)}`].join(',')),
      { code: 'SIGNATURE_MALFORMED', httpStatus: 400, secrets: [secret] },
    );
    expect(error.details).toMatchObject({ header: 'Stripe-Signature', maxSignatures: 10 });
  });

  it('a 15 KB header of v1 entries is refused without decoding them', async () => {
    const header = `t=${t},${Array.from({ length: 230 }, () => `v1=${'0'.repeat(64)}`).join(',')}`;
    expect(header.length).toBeGreaterThan(15_000);
    await expectHooklatchError(deliver(header), { code: 'SIGNATURE_MALFORMED' });
  });

  it('judges the timestamp before decoding any v1 value', async () => {
    await expectHooklatchError(deliver(`t=${t - 3600},v1=not-hex`), {
      code: 'TIMESTAMP_OUT_OF_TOLERANCE',
    });
  });
});

describe('stripe: created outside the Date range (issue 10 item 15)', () => {
  it.each([8_640_000_000_001, -8_640_000_000_001])(
    'created: %i is PAYLOAD_INVALID',
    async (created) => {
      const error = await expectHooklatchError(parse({ ...event, created }), {
        code: 'PAYLOAD_INVALID',
        httpStatus: 422,
      });
      expect(error.message).toContain('created');
    },
  );

  it('the last representable second is accepted', async () => {
    const parsed = await parse({ ...event, created: 8_640_000_000_000 });
    expect(parsed.occurredAt.getTime()).toBe(8.64e15);
  });
});

describe('stripe: every option is checked at construction (issue 10 item 4)', () => {
  it.each([
    ['toleranceSeconds', { toleranceSeconds: Number.NaN }],
    ['toleranceSeconds', { toleranceSeconds: -1 }],
    ['retentionMs', { retentionMs: 0 }],
    ['retentionMs', { retentionMs: Number.POSITIVE_INFINITY }],
    ['validatePayloads', { validatePayloads: 'no' }],
    ['schemaPolicy', { schemaPolicy: 'drop' }],
    ['schemaPolicy', { schemaPolicy: null }],
    ['maxDepth', { maxDepth: 0 }],
    ['maxDepth', { maxDepth: 1.5 }],
    ['secrets', { secrets: secret }],
  ])('%s: %o', async (option, bad) => {
    const error = await expectHooklatchError(() => stripe({ secret, ...(bad as object) }), {
      code: 'CONFIG_INVALID',
      secrets: [secret],
    });
    expect(error.details.option).toBe(option);
  });

  it('no options object at all is CONFIG_INVALID, not a TypeError', async () => {
    await expectHooklatchError(() => stripe(undefined as never), { code: 'CONFIG_INVALID' });
  });
});
