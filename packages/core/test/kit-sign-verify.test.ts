/**
 * The verifier pairs of the kit: every scheme's `sign` produces what its verifier accepts (and
 * what an independent node:crypto signer produces), verifications say which key matched and
 * when it was signed, secrets may come from a resolver, and createAdapter carries it all to
 * `event.meta` and `adapter.sign`.
 */
import { createHmac } from 'node:crypto';
import { parseEvent, type WebhookEvent } from '@hooklatch/core';
import {
  type AuthConfig,
  anyVerifier,
  createAdapter,
  type DeliveryVerifier,
  hmacHeaderVerifier,
  type ResolvedVerifier,
  timestampedHmacVerifier,
  verifierFromAuth,
} from '@hooklatch/core/kit';
import { describe, expect, it } from 'vitest';
import { rawDelivery, thrown } from './support/kit-helpers';

const BODY = '{"id":"evt_1","type":"order.paid"}';
const AT = new Date('2025-01-05T10:15:40Z');
const T = Math.floor(AT.getTime() / 1000);
const hmac = (secret: string, content: string, encoding: 'hex' | 'base64' = 'hex') =>
  createHmac('sha256', secret).update(content).digest(encoding);

function signWith(verifier: ResolvedVerifier, keyIndex = 0, secret?: string) {
  if (verifier.sign === undefined) throw new Error('no sign');
  return verifier.sign({
    body: new TextEncoder().encode(BODY),
    headers: {},
    timestamp: AT,
    keyIndex,
    secret,
  });
}

async function rejection(promise: unknown): Promise<{ code?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { code?: string };
  }
  throw new Error('expected a rejection');
}

const configs: Array<{ auth: AuthConfig; expected: Record<string, string> }> = [
  {
    auth: { scheme: 'hmac', header: 'X-Sig', secrets: ['new', 'old'], prefix: 'sha256=' },
    expected: { 'x-sig': `sha256=${hmac('old', BODY)}` },
  },
  {
    auth: { scheme: 'hmac', header: 'X-Sig', secrets: ['new', 'old'], encoding: 'base64' },
    expected: { 'x-sig': hmac('old', BODY, 'base64') },
  },
  {
    auth: { scheme: 'timestamped-hmac', header: 'X-Ts', secrets: ['new', 'old'] },
    expected: { 'x-ts': `t=${T},v1=${hmac('old', `${T}.${BODY}`)}` },
  },
  {
    auth: {
      scheme: 'timestamped-hmac',
      header: 'X-Sig',
      timestampHeader: 'X-Time',
      contentPrefix: 'v0:',
      separator: ':',
      prefix: 'v0=',
      secrets: ['new', 'old'],
    },
    expected: { 'x-sig': `v0=${hmac('old', `v0:${T}:${BODY}`)}`, 'x-time': String(T) },
  },
  {
    auth: { scheme: 'bearer', tokens: ['new', 'old'] },
    expected: { authorization: 'Bearer old' },
  },
  {
    auth: { scheme: 'api-key', header: 'X-Key', keys: ['new', 'old'] },
    expected: { 'x-key': 'old' },
  },
];

describe('kit verifier pairs', () => {
  it.each(configs)(
    '$auth.scheme: sign writes what node:crypto computes and verify accepts',
    ({ auth, expected }) => {
      const verifier = verifierFromAuth('acme', auth);
      const headers = signWith(verifier, 1);
      expect(headers).toEqual(expected);
      const found = verifier(rawDelivery(BODY, headers, AT));
      expect(found).toMatchObject({ keyIndex: 1, scheme: auth.scheme });
      // The newest key signs by default, and is key 0.
      expect(verifier(rawDelivery(BODY, signWith(verifier), AT))).toMatchObject({ keyIndex: 0 });
    },
  );

  it('basic auth signs its credential', () => {
    const verifier = verifierFromAuth('acme', { scheme: 'basic', username: 'u', password: 'p' });
    const headers = signWith(verifier);
    expect(headers).toEqual({ authorization: `Basic ${Buffer.from('u:p').toString('base64')}` });
    expect(verifier(rawDelivery(BODY, headers, AT))).toEqual({ keyIndex: 0, scheme: 'basic' });
    // A sign request's `secret` is the password: a forged credential is refused.
    const forged = signWith(verifier, 0, 'guess');
    expect(forged).toEqual({ authorization: `Basic ${Buffer.from('u:guess').toString('base64')}` });
    expect(thrown(() => verifier(rawDelivery(BODY, forged, AT))).code).toBe('SIGNATURE_INVALID');
  });

  it('a timestamped verification carries the signed time', () => {
    const verifier = timestampedHmacVerifier({ provider: 'acme', header: 'X-Ts', secret: 's' });
    const found = verifier(rawDelivery(BODY, signWith(verifier), new Date(AT.getTime() + 5000)));
    expect(found).toEqual({ keyIndex: 0, signedAt: AT, scheme: 'timestamped-hmac' });
  });

  it('signing with a key that is not configured is CONFIG_INVALID naming keyIndex', () => {
    const verifier = hmacHeaderVerifier({ provider: 'acme', header: 'X-Sig', secret: 's' });
    expect(thrown(() => signWith(verifier, 3))).toMatchObject({
      code: 'CONFIG_INVALID',
      details: { option: 'keyIndex' },
    });
  });
});

describe('secret resolvers', () => {
  const tenants: Record<string, string[]> = { a: ['secret-a'], b: ['b-new', 'b-old'] };
  const byTenant = (delivery: { headers: Readonly<Record<string, string>> }) =>
    tenants[delivery.headers['x-tenant'] ?? ''];
  const signed = (tenant: string, secret: string) => ({
    'x-tenant': tenant,
    'x-sig': hmac(secret, BODY),
  });

  it('picks the secrets per delivery, synchronously', () => {
    const verify = hmacHeaderVerifier({ provider: 'acme', header: 'X-Sig', secrets: byTenant });
    expect(verify(rawDelivery(BODY, signed('b', 'b-old'), AT))).toEqual({
      keyIndex: 1,
      scheme: 'hmac',
    });
    // Tenant a's secret does not open tenant b.
    expect(thrown(() => verify(rawDelivery(BODY, signed('b', 'secret-a'), AT))).code).toBe(
      'SIGNATURE_INVALID',
    );
  });

  it('may be async; an unknown tenant is SIGNATURE_INVALID (401), not a crash', async () => {
    const verify = hmacHeaderVerifier({
      provider: 'acme',
      header: 'X-Sig',
      secrets: async (delivery) => byTenant(delivery),
    });
    await expect(verify(rawDelivery(BODY, signed('a', 'secret-a'), AT))).resolves.toEqual({
      keyIndex: 0,
      scheme: 'hmac',
    });
    const error = await rejection(verify(rawDelivery(BODY, signed('zzz', 'secret-a'), AT)));
    expect(error).toMatchObject({ code: 'SIGNATURE_INVALID', httpStatus: 401 });
  });

  it('a resolver answering something that is not a secret is CONFIG_INVALID', () => {
    const verify = hmacHeaderVerifier({
      provider: 'acme',
      header: 'X-Sig',
      secrets: () => [42 as unknown as string],
    });
    expect(thrown(() => verify(rawDelivery(BODY, signed('a', 'x'), AT))).code).toBe(
      'CONFIG_INVALID',
    );
  });

  it('cannot be combined with `secret`, and signing with one needs an explicit secret', () => {
    expect(
      thrown(() =>
        hmacHeaderVerifier({ provider: 'acme', header: 'X-Sig', secret: 's', secrets: byTenant }),
      ).details,
    ).toMatchObject({ option: 'secret' });
    const verify = hmacHeaderVerifier({ provider: 'acme', header: 'X-Sig', secrets: byTenant });
    expect(thrown(() => signWith(verify)).code).toBe('CONFIG_INVALID');
    expect(signWith(verify, 0, 'secret-a')).toEqual({ 'x-sig': hmac('secret-a', BODY) });
  });

  it('anyVerifier goes on past an async verifier that fails', async () => {
    const failing: DeliveryVerifier = async () => {
      throw thrown(() => hmacHeaderVerifier({ provider: 'acme', header: 'X', secret: '' }));
    };
    const key = verifierFromAuth('acme', { scheme: 'api-key', key: 'k' });
    const either = anyVerifier([failing, key]);
    await expect(either(rawDelivery(BODY, { 'x-api-key': 'k' }, AT))).resolves.toMatchObject({
      scheme: 'api-key',
    });
    // All failing: the first error wins.
    const error = await rejection(either(rawDelivery(BODY, { 'x-api-key': 'j' }, AT)));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(either.sign).toBe(key.sign);
  });
});

type OrderEvent = WebhookEvent<'order.paid', { id: string }>;

function acme(
  secrets: string[] | ((d: { headers: Readonly<Record<string, string>> }) => string[]),
) {
  return createAdapter<OrderEvent>({
    name: 'acme',
    retentionMs: 60_000,
    verify: timestampedHmacVerifier({ provider: 'acme', header: 'X-Ts', secrets }),
    parse: (_delivery, verified, { json }) => {
      expect(verified.scheme).toBe('timestamped-hmac');
      const id = String(json().id);
      return { type: 'order.paid', id, idSource: 'event', payload: { id } };
    },
    fingerprintInput: (event) => ({
      provider: 'acme',
      subject: event.id,
      eventType: event.type,
      timestamp: '2025-01-05T10:15:40Z',
      payload: event.payload,
    }),
  });
}

describe('createAdapter with a verifier pair', () => {
  it('adapter.sign makes a delivery parseEvent accepts; meta has keyIndex and signedAt', async () => {
    const adapter = acme(['new', 'old']);
    const signed = adapter.sign?.(BODY, { timestamp: AT, keyIndex: 1, headers: { 'X-Id': 'd1' } });
    expect(signed?.headers).toEqual({
      'x-id': 'd1',
      'x-ts': `t=${T},v1=${hmac('old', `${T}.${BODY}`)}`,
    });
    expect(signed?.method).toBe('POST');
    const event = await parseEvent(adapter, signed as NonNullable<typeof signed>, {
      receivedAt: AT,
    });
    expect(event.meta).toEqual({ keyIndex: 1, signedAt: AT });
    expect(adapter.fingerprintInput?.(event)).toMatchObject({ subject: 'evt_1' });
  });

  it('an async resolver makes parse async and still verifies first', async () => {
    const adapter = acme((d) => (d.headers['x-tenant'] === 't1' ? ['t1-secret'] : []));
    const good = adapter.sign?.(BODY, { timestamp: AT, secret: 't1-secret' });
    const headers = { ...good?.headers, 'x-tenant': 't1' };
    const event = await parseEvent(adapter, { headers, body: BODY }, { receivedAt: AT });
    expect(event.meta.keyIndex).toBe(0);
    const error = await rejection(
      parseEvent(
        adapter,
        { headers: { ...headers, 'x-tenant': 't2' }, body: BODY },
        {
          receivedAt: AT,
        },
      ),
    );
    expect(error.code).toBe('SIGNATURE_INVALID');
  });

  it('a verifier without a sign half leaves the adapter without sign', () => {
    const adapter = createAdapter<OrderEvent>({
      name: 'acme',
      retentionMs: 1000,
      verify: () => undefined,
      parse: () => ({ type: 'order.paid', id: 'x', idSource: 'event', payload: { id: 'x' } }),
    });
    expect(adapter.sign).toBeUndefined();
    expect(createAdapter({ ...adapterBase, verify: false }).sign?.('{}').headers).toEqual({});
  });

  it('fingerprintInput must be a function', () => {
    expect(
      thrown(() =>
        createAdapter({
          ...adapterBase,
          verify: false,
          fingerprintInput: 'no' as unknown as () => undefined,
        }),
      ).details,
    ).toEqual({ option: 'fingerprintInput' });
  });
});

const adapterBase = {
  name: 'acme',
  retentionMs: 1000,
  parse: () => ({ type: 'x', id: 'x', idSource: 'event' as const, payload: {} }),
};
