/**
 * A platform with an account endpoint and a Connect endpoint, each with its own signing secret,
 * served by one route: `secrets` as a list (either verifies; `meta.keyIndex` says which), or as
 * a resolver that picks the endpoint's secrets per delivery, sync or async.
 */
import { parseEvent } from '@hooklatch/core';
import { signedStripeRequest } from '@hooklatch/stripe/testing';
import { expectHooklatchError } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { stripe } from '../src/index';
import { eventWith, MINIMAL_PAYMENT_INTENT } from './support/fixtures';

const ACCOUNT = 'whsec_account_endpoint';
const CONNECT_NEW = 'whsec_connect_endpoint_new';
const CONNECT_OLD = 'whsec_connect_endpoint_old';
const secrets = [ACCOUNT, CONNECT_NEW, CONNECT_OLD];
const own = eventWith('payment_intent.succeeded', MINIMAL_PAYMENT_INTENT);
const connected = eventWith('payment_intent.succeeded', MINIMAL_PAYMENT_INTENT, {
  id: 'evt_connected',
  account: 'acct_1Connected',
});

/** Each endpoint's secrets, newest first (the Connect one mid-roll). */
const ENDPOINTS: Record<string, string[]> = {
  account: [ACCOUNT],
  connect: [CONNECT_NEW, CONNECT_OLD],
};

/** The route of docs/providers/stripe.md: `POST /webhooks/stripe/:endpoint`. */
async function route(adapter: ReturnType<typeof stripe>, url: string, init: RequestInit) {
  const request = new Request(url, init);
  const endpoint = new URL(request.url).pathname.split('/').pop() ?? '';
  // A delivery carries headers and the body only: the endpoint travels as a header.
  const headers = new Headers(request.headers);
  headers.set('x-stripe-endpoint', endpoint);
  return parseEvent(adapter, new Request(request, { headers }));
}

const post = (secret: string, payload: unknown) => signedStripeRequest({ secret, payload });

describe('two endpoint secrets as a list', () => {
  const adapter = stripe({ secrets: [ACCOUNT, CONNECT_NEW] });

  it('verifies both, and meta.keyIndex tells the endpoints apart', async () => {
    const a = await parseEvent(adapter, post(ACCOUNT, own));
    const c = await parseEvent(adapter, post(CONNECT_NEW, connected));
    expect([a.meta.keyIndex, c.meta.keyIndex]).toEqual([0, 1]);
    expect([a.meta.account, c.meta.account]).toEqual([undefined, 'acct_1Connected']);
  });
});

describe('a resolver picking the secrets by endpoint', () => {
  const adapter = stripe({
    secrets: (delivery) => ENDPOINTS[delivery.headers['x-stripe-endpoint'] ?? ''],
  });
  const base = 'https://shop.test/webhooks/stripe';

  it("verifies each endpoint's deliveries with its own secrets", async () => {
    const a = await route(adapter, `${base}/account`, post(ACCOUNT, own));
    expect(a.meta).toMatchObject({ keyIndex: 0 });
    const c = await route(adapter, `${base}/connect`, post(CONNECT_OLD, connected));
    // keyIndex counts within the endpoint's own list: the old Connect secret is 1.
    expect(c.meta).toMatchObject({ keyIndex: 1, account: 'acct_1Connected' });
  });

  it("refuses a delivery signed with the other endpoint's secret", async () => {
    await expectHooklatchError(route(adapter, `${base}/account`, post(CONNECT_NEW, connected)), {
      code: 'SIGNATURE_INVALID',
      httpStatus: 401,
      secrets,
    });
  });

  it('an unknown endpoint has no secret: SIGNATURE_INVALID, not a crash', async () => {
    const error = await expectHooklatchError(
      route(adapter, `${base}/elsewhere`, post(ACCOUNT, own)),
      { code: 'SIGNATURE_INVALID', httpStatus: 401, secrets },
    );
    expect(error.details).toMatchObject({ reason: 'no_secret' });
  });

  it('adapter.sign needs the secret spelled out', () => {
    expect(() => adapter.sign?.(JSON.stringify(own))).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
    const signed = adapter.sign?.(JSON.stringify(own), {
      secret: CONNECT_NEW,
      headers: { 'x-stripe-endpoint': 'connect' },
    });
    return expect(parseEvent(adapter, signed as NonNullable<typeof signed>)).resolves.toMatchObject(
      { meta: { keyIndex: 0 } },
    );
  });
});

describe('an async resolver (secrets looked up per delivery)', () => {
  let lookups = 0;
  const adapter = stripe({
    secrets: async (delivery) => {
      lookups++;
      return ENDPOINTS[delivery.headers['x-stripe-endpoint'] ?? ''];
    },
  });
  const signed = (secret: string, timestamp?: number) =>
    signedStripeRequest({
      secret,
      payload: connected,
      timestamp,
      headers: { 'x-stripe-endpoint': 'connect' },
    });

  it('verifies, and a wrong secret is still SIGNATURE_INVALID', async () => {
    await expect(parseEvent(adapter, signed(CONNECT_NEW))).resolves.toMatchObject({
      id: 'evt_connected',
      meta: { keyIndex: 0 },
    });
    await expectHooklatchError(parseEvent(adapter, signed(ACCOUNT)), {
      code: 'SIGNATURE_INVALID',
      secrets,
    });
  });

  it('is never asked about a malformed or stale header', async () => {
    const before = lookups;
    const stale = signed(CONNECT_NEW, Math.floor(Date.now() / 1000) - 3600);
    await expectHooklatchError(parseEvent(adapter, stale), { code: 'TIMESTAMP_OUT_OF_TOLERANCE' });
    const garbled = { ...stale, headers: { ...stale.headers, 'stripe-signature': 'v1=zz' } };
    await expectHooklatchError(parseEvent(adapter, garbled), { code: 'SIGNATURE_MALFORMED' });
    expect(lookups).toBe(before);
  });
});
