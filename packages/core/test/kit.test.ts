import { ConfigurationError, type RawDelivery, VerificationError } from '@hooklatch/core';
import {
  apiKeyVerifier,
  basicAuthVerifier,
  bearerTokenVerifier,
  createAdapter,
  encodeSignature,
  hmacHeaderVerifier,
  hmacSha256,
  requireHeader,
  resolveVerifier,
} from '@hooklatch/core/kit';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../src/crypto/index';

const body = utf8('{"eventType":"nc.updated","ncId":"NC-1","timestamp":"2025-01-05T10:15:32Z"}');
const delivery = (headers: Record<string, string>): RawDelivery => ({
  method: 'POST',
  headers,
  rawBody: body,
  receivedAt: new Date('2025-01-05T10:15:40Z'),
});

describe('kit verifiers', () => {
  it('accepts a prefixed hex HMAC and rejects a wrong one without leaking the secret', () => {
    const verify = hmacHeaderVerifier({
      provider: 'acme',
      header: 'X-Sig',
      secret: 's3cret',
      prefix: 'sha256=',
    });
    const good = encodeSignature(hmacSha256('s3cret', body), 'hex', 'sha256=');
    expect(() => verify(delivery({ 'x-sig': good }))).not.toThrow();
    const bad = encodeSignature(hmacSha256('other', body), 'hex', 'sha256=');
    const error = (() => {
      try {
        verify(delivery({ 'x-sig': bad }));
      } catch (e) {
        return e;
      }
    })() as VerificationError;
    expect(error).toBeInstanceOf(VerificationError);
    expect(error.code).toBe('SIGNATURE_INVALID');
    expect(error.httpStatus).toBe(401);
    expect(error.message).not.toContain('s3cret');
    expect(() => verify(delivery({}))).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_MISSING' }),
    );
    expect(() => verify(delivery({ 'x-sig': 'zz' }))).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_MALFORMED' }),
    );
  });

  it('checks basic, bearer and api-key credentials', () => {
    const basic = basicAuthVerifier({ provider: 'acme', username: 'u', password: 'p' });
    expect(() => basic(delivery({ authorization: `Basic ${btoa('u:p')}` }))).not.toThrow();
    expect(() => basic(delivery({ authorization: `Basic ${btoa('u:x')}` }))).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_INVALID' }),
    );
    const bearer = bearerTokenVerifier({ provider: 'acme', tokens: ['t1', 't2'] });
    expect(() => bearer(delivery({ authorization: 'Bearer t2' }))).not.toThrow();
    expect(() => bearer(delivery({ authorization: 'Bearer t3' }))).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_INVALID' }),
    );
    expect(() => bearer(delivery({ authorization: `Basic ${btoa('u:p')}` }))).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_MALFORMED' }),
    );
    const key = apiKeyVerifier({ provider: 'acme', key: 'k' });
    expect(() => key(delivery({ 'x-api-key': 'k' }))).not.toThrow();
    expect(() => key(delivery({ 'x-api-key': 'j' }))).toThrow(
      expect.objectContaining({ code: 'SIGNATURE_INVALID' }),
    );
  });

  it('never defaults to no verification', () => {
    expect(() => resolveVerifier('acme', {})).toThrow(ConfigurationError);
    expect(() =>
      createAdapter({
        name: 'acme',
        retentionMs: 1,
        verify: undefined as never,
        parse: () => ({}) as never,
      }),
    ).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', httpStatus: 500 }));
    expect(() => hmacHeaderVerifier({ provider: 'acme', header: 'X-Sig' })).toThrow(
      ConfigurationError,
    );
  });
});

describe('requireHeader', () => {
  it('reads a header by any spelling of its name, past the bounded name cache too', () => {
    // 300 distinct names: more than the lower-cased names the cache keeps, read twice each.
    const names = Array.from({ length: 300 }, (_, i) => `X-Header-${i}`);
    const headers = Object.fromEntries(names.map((name, i) => [name.toLowerCase(), `v${i}`]));
    for (let round = 0; round < 2; round++) {
      names.forEach((name, i) => {
        expect(requireHeader(headers, name)).toBe(`v${i}`);
        expect(requireHeader(headers, name.toUpperCase())).toBe(`v${i}`);
      });
    }
    expect(() => requireHeader(headers, 'X-Absent')).toThrow(/Missing X-Absent header/);
  });
});
