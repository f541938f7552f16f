/** verifierFromAuth for every scheme, anyVerifier, resolveVerifier and the credential schemes. */
import { createHmac } from 'node:crypto';
import { ConfigurationError, VerificationError } from '@hooklatch/core';
import {
  type AuthConfig,
  anyVerifier,
  apiKeyVerifier,
  basicAuthVerifier,
  bearerTokenVerifier,
  type DeliveryVerifier,
  resolveVerifier,
  verifierFromAuth,
} from '@hooklatch/core/kit';
import { describe, expect, it, vi } from 'vitest';
import { rawDelivery, thrown } from './support/kit-helpers';

const BODY = '{"id":"evt_1"}';
const RECEIVED = new Date('2025-01-05T10:15:40Z');
const NOW = Math.floor(RECEIVED.getTime() / 1000);
const hex = (secret: string, content: string) =>
  createHmac('sha256', secret).update(content).digest('hex');
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const deliver = (headers: Record<string, string>) => rawDelivery(BODY, headers, RECEIVED);

/** One config per scheme, with a delivery it accepts and one it rejects. */
const schemes: Array<{
  auth: AuthConfig;
  good: Record<string, string>;
  bad: Record<string, string>;
  badCode: string;
}> = [
  {
    auth: { scheme: 'hmac', header: 'X-Sig', secret: 'hmac-secret', prefix: 'sha256=' },
    good: { 'x-sig': `sha256=${hex('hmac-secret', BODY)}` },
    bad: { 'x-sig': `sha256=${hex('other', BODY)}` },
    badCode: 'SIGNATURE_INVALID',
  },
  {
    auth: { scheme: 'hmac', header: 'X-Sig', secret: 'hmac-secret', encoding: 'base64' },
    good: { 'x-sig': createHmac('sha256', 'hmac-secret').update(BODY).digest('base64') },
    bad: { 'x-sig': 'not base64!' },
    badCode: 'SIGNATURE_MALFORMED',
  },
  {
    auth: { scheme: 'timestamped-hmac', header: 'X-Ts-Sig', secret: 'ts-secret' },
    good: { 'x-ts-sig': `t=${NOW},v1=${hex('ts-secret', `${NOW}.${BODY}`)}` },
    bad: { 'x-ts-sig': `t=${NOW - 3600},v1=${hex('ts-secret', `${NOW - 3600}.${BODY}`)}` },
    badCode: 'TIMESTAMP_OUT_OF_TOLERANCE',
  },
  {
    auth: { scheme: 'basic', username: 'hook', password: 'pa:ss' },
    good: { authorization: basic('hook', 'pa:ss') },
    bad: { authorization: basic('hook', 'pa:sS') },
    badCode: 'SIGNATURE_INVALID',
  },
  {
    auth: { scheme: 'bearer', tokens: ['tok-new', 'tok-old'] },
    good: { authorization: 'Bearer tok-old' },
    bad: { authorization: 'Bearer tok-older' },
    badCode: 'SIGNATURE_INVALID',
  },
  {
    auth: { scheme: 'api-key', key: 'key-1' },
    good: { 'x-api-key': 'key-1' },
    bad: { 'x-api-key': 'key-2' },
    badCode: 'SIGNATURE_INVALID',
  },
  {
    auth: { scheme: 'api-key', header: 'X-Partner-Key', keys: ['k-a', 'k-b'] },
    good: { 'x-partner-key': 'k-b' },
    bad: { 'x-api-key': 'k-b' },
    badCode: 'SIGNATURE_MISSING',
  },
];

describe('verifierFromAuth', () => {
  it.each(schemes)('builds a working $auth.scheme verifier', ({ auth, good, bad, badCode }) => {
    const verify = verifierFromAuth('partner', auth);
    expect(() => verify(deliver(good))).not.toThrow();
    const error = thrown(() => verify(deliver(bad)));
    expect(error).toBeInstanceOf(VerificationError);
    expect(error.code).toBe(badCode);
    // Every scheme rejects a delivery that carries no credential at all.
    expect(thrown(() => verify(deliver({}))).code).toBe('SIGNATURE_MISSING');
  });

  it('names the adapter provider in rejections', () => {
    const verify = verifierFromAuth('partner', { scheme: 'bearer', token: 't' });
    expect(thrown(() => verify(deliver({ authorization: 'Bearer x' }))).message).toContain(
      'partner',
    );
  });

  it('rejects an unknown scheme with CONFIG_INVALID 500', () => {
    const error = thrown(() =>
      verifierFromAuth('partner', { scheme: 'oauth2', token: 't' } as unknown as AuthConfig),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.httpStatus).toBe(500);
    expect(error.message).toBe('partner: unknown auth scheme "oauth2".');
    expect(thrown(() => verifierFromAuth('partner', {} as AuthConfig)).code).toBe('CONFIG_INVALID');
  });

  it.each<AuthConfig>([
    { scheme: 'hmac', header: 'X-Sig' },
    { scheme: 'timestamped-hmac', header: 'X-Sig', secrets: [] },
    { scheme: 'basic', username: 'u', password: '' },
    { scheme: 'bearer' },
    { scheme: 'api-key', keys: [''] },
  ])('fails at construction when $scheme has no credential', (auth) => {
    const error = thrown(() => verifierFromAuth('partner', auth));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toContain('partner');
  });
});

describe('anyVerifier', () => {
  const fail = (code: 'SIGNATURE_INVALID' | 'SIGNATURE_MISSING', label: string) =>
    vi.fn<DeliveryVerifier>(() => {
      throw new VerificationError(code, label);
    });
  const pass = () => vi.fn<DeliveryVerifier>(() => {});

  it('passes when any verifier passes and stops at the first that does', () => {
    const first = fail('SIGNATURE_MISSING', 'first');
    const second = pass();
    const third = pass();
    anyVerifier([first, second, third])(deliver({}));
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    expect(third).not.toHaveBeenCalled();
    // The last one passing is enough too.
    expect(() =>
      anyVerifier([fail('SIGNATURE_INVALID', 'a'), fail('SIGNATURE_MISSING', 'b'), pass()])(
        deliver({}),
      ),
    ).not.toThrow();
  });

  it('throws the FIRST error when all fail, every time', () => {
    const first = fail('SIGNATURE_MISSING', 'first');
    const second = fail('SIGNATURE_INVALID', 'second');
    const verify = anyVerifier([first, second]);
    for (let i = 0; i < 3; i++) {
      const error = thrown(() => verify(deliver({})));
      expect(error.message).toBe('first');
      expect(error.code).toBe('SIGNATURE_MISSING');
    }
    expect(second).toHaveBeenCalledTimes(3);
    // Order decides, not the kind of failure.
    expect(thrown(() => anyVerifier([second, first])(deliver({}))).message).toBe('second');
  });

  it('works with real verifiers: basic auth or HMAC during a migration', () => {
    const verify = anyVerifier([
      basicAuthVerifier({ provider: 'p', username: 'u', password: 'p' }),
      verifierFromAuth('p', { scheme: 'hmac', header: 'X-Sig', secret: 's' }),
    ]);
    expect(() => verify(deliver({ authorization: basic('u', 'p') }))).not.toThrow();
    expect(() => verify(deliver({ 'x-sig': hex('s', BODY) }))).not.toThrow();
    // Both fail: the basic-auth error (first) wins over the HMAC one.
    const error = thrown(() => verify(deliver({ 'x-sig': hex('wrong', BODY) })));
    expect(error.code).toBe('SIGNATURE_MISSING');
    expect(error.message).toContain('Authorization');
  });

  it('refuses an empty list at construction instead of throwing undefined later', () => {
    const error = thrown(() => anyVerifier([]));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.code).toBe('CONFIG_INVALID');
  });
});

describe('resolveVerifier', () => {
  const verifier = vi.fn<DeliveryVerifier>(() => {});

  it('rejects verify:false together with a verifier', () => {
    for (const choice of [
      { verify: false as const, verifier },
      { verify: false as const, verifier: [verifier, verifier] },
    ]) {
      const error = thrown(() => resolveVerifier('acme', choice));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message).toContain('verify: false');
    }
  });

  it('rejects a missing or empty verifier', () => {
    for (const choice of [{}, { verifier: undefined }, { verifier: [] }, { verify: undefined }]) {
      const error = thrown(() => resolveVerifier('acme', choice));
      expect(error.code).toBe('CONFIG_INVALID');
      expect(error.message).toContain('acme: no verification configured');
    }
  });

  it('accepts everything only with an explicit verify:false', () => {
    const open = resolveVerifier('acme', { verify: false });
    expect(() => open(deliver({}))).not.toThrow();
  });

  it('answers what a single verifier found (nothing as {}), and tries several as any-of', () => {
    const found = { keyIndex: 1, scheme: 'custom' };
    expect(resolveVerifier('acme', { verifier: () => found })(deliver({}))).toBe(found);
    expect(resolveVerifier('acme', { verifier: [() => undefined] })(deliver({}))).toEqual({});
    const both = resolveVerifier('acme', {
      verifier: [
        bearerTokenVerifier({ provider: 'acme', token: 't' }),
        apiKeyVerifier({ provider: 'acme', key: 'k' }),
      ],
    });
    expect(() => both(deliver({ 'x-api-key': 'k' }))).not.toThrow();
    expect(() => both(deliver({ authorization: 'Bearer t' }))).not.toThrow();
    expect(thrown(() => both(deliver({ 'x-api-key': 'j' }))).code).toBe('SIGNATURE_MISSING');
  });
});

describe('credential schemes', () => {
  it('basic auth: malformed credentials are 400, wrong ones 401, scheme case-insensitive', () => {
    const verify = basicAuthVerifier({ provider: 'acme', username: 'hook', password: 'pw' });
    expect(() =>
      verify(deliver({ authorization: basic('hook', 'pw').replace('Basic', 'basic') })),
    ).not.toThrow();
    for (const value of [
      'Basic',
      'Basic !!!not-base64!!!',
      `Basic ${btoa('no-colon')}`,
      'Digest abc',
    ]) {
      const error = thrown(() => verify(deliver({ authorization: value })));
      expect(error.code).toBe('SIGNATURE_MALFORMED');
      expect(error.httpStatus).toBe(400);
    }
    for (const [user, pw] of [
      ['hook', 'pW'],
      ['Hook', 'pw'],
      ['', ''],
      ['hook', 'pw '],
    ]) {
      expect(
        thrown(() => verify(deliver({ authorization: basic(user as string, pw as string) }))).code,
      ).toBe('SIGNATURE_INVALID');
    }
    expect(thrown(() => verify(deliver({}))).code).toBe('SIGNATURE_MISSING');
  });

  it('bearer and api-key: trimmed values, rotation lists, no secret in messages', () => {
    const bearer = bearerTokenVerifier({ provider: 'acme', token: 'tok-1', tokens: ['tok-2'] });
    expect(() => bearer(deliver({ authorization: '  Bearer   tok-2  ' }))).not.toThrow();
    expect(() => bearer(deliver({ authorization: 'bearer tok-1' }))).not.toThrow();
    const key = apiKeyVerifier({ provider: 'acme', keys: ['key-1', 'key-2'] });
    expect(() => key(deliver({ 'x-api-key': ' key-2 ' }))).not.toThrow();
    const errors = [
      thrown(() => bearer(deliver({ authorization: 'Bearer tok-1x' }))),
      thrown(() => bearer(deliver({ authorization: 'Token tok-1' }))),
      thrown(() => key(deliver({ 'x-api-key': 'key-1x' }))),
      thrown(() => key(deliver({ 'x-api-key': 'key' }))),
    ];
    for (const error of errors) {
      const text = `${error.message} ${JSON.stringify(error.details)}`;
      for (const secret of ['tok-1', 'tok-2', 'key-1', 'key-2']) expect(text).not.toContain(secret);
    }
  });
});
