/** Every kit option is checked at construction: CONFIG_INVALID naming the option (issue 10 item 4). */

import { ConfigurationError } from '@hooklatch/core';
import {
  apiKeyVerifier,
  basicAuthVerifier,
  bearerTokenVerifier,
  createAdapter,
  hmacHeaderVerifier,
  resolveSecrets,
  resolveVerifier,
  secretSource,
  timestampedHmacVerifier,
  verifierFromAuth,
} from '@hooklatch/core/kit';
import { describe, expect, it } from 'vitest';
import { thrown } from './support/kit-helpers';

const SECRET = 'kit-options-secret-value';
const hmac = { provider: 'acme', header: 'X-Acme-Signature', secret: SECRET };
const adapter = {
  name: 'acme',
  retentionMs: 1000,
  verify: false as const,
  parse: () => ({}) as never,
};

const cases: Array<[string, string, () => unknown]> = [
  [
    'secrets as a lone string',
    'secrets',
    () => resolveSecrets({ secrets: SECRET as never }, 'acme'),
  ],
  ['secret as a number', 'secret', () => resolveSecrets({ secret: 42 as never }, 'acme')],
  ['no secret at all', 'secret', () => resolveSecrets({}, 'acme')],
  // An empty entry before a set one would shift every later keyIndex.
  [
    'an empty secret before a set one',
    'secrets[0]',
    () => resolveSecrets({ secrets: ['', SECRET] }, 'acme'),
  ],
  [
    'an empty `secret` before set `secrets`',
    'secret',
    () => resolveSecrets({ secret: '', secrets: [SECRET] }, 'acme'),
  ],
  [
    'an empty bearer token between set ones',
    'tokens[0]',
    () => bearerTokenVerifier({ provider: 'acme', token: SECRET, tokens: ['', 'other'] }),
  ],
  [
    'an empty api key before a set one',
    'keys[1]',
    () => apiKeyVerifier({ provider: 'acme', keys: [SECRET, '', 'other'] }),
  ],
  ['hmac without a header', 'header', () => hmacHeaderVerifier({ ...hmac, header: '' })],
  [
    'hmac with an unknown encoding',
    'encoding',
    () => hmacHeaderVerifier({ ...hmac, encoding: 'b64' as never }),
  ],
  [
    'hmac with a non-string prefix',
    'prefix',
    () => hmacHeaderVerifier({ ...hmac, prefix: 1 as never }),
  ],
  [
    'timestamped with a NaN tolerance',
    'toleranceSeconds',
    () => timestampedHmacVerifier({ ...hmac, toleranceSeconds: Number.NaN }),
  ],
  [
    'timestamped with a negative tolerance',
    'toleranceSeconds',
    () => timestampedHmacVerifier({ ...hmac, toleranceSeconds: -5 }),
  ],
  [
    'timestamped with an empty signatureKey',
    'signatureKey',
    () => timestampedHmacVerifier({ ...hmac, signatureKey: ' ' }),
  ],
  [
    'timestamped with a non-string separator',
    'separator',
    () => timestampedHmacVerifier({ ...hmac, separator: 0 as never }),
  ],
  [
    'bearer tokens as a lone string',
    'tokens',
    () => bearerTokenVerifier({ provider: 'acme', tokens: 'abc' as never }),
  ],
  [
    'bearer token as a number',
    'token',
    () => bearerTokenVerifier({ provider: 'acme', token: 1 as never }),
  ],
  [
    'api keys as a lone string',
    'keys',
    () => apiKeyVerifier({ provider: 'acme', keys: 'abc' as never }),
  ],
  [
    'api key with an empty header',
    'header',
    () => apiKeyVerifier({ provider: 'acme', key: 'k', header: '' }),
  ],
  ['auth entry that is not an object', 'auth', () => verifierFromAuth('acme', 'hmac' as never)],
  ['verify: true', 'verify', () => resolveVerifier('acme', { verify: true as never })],
  [
    'a verifier that is not a function',
    'verify',
    () => resolveVerifier('acme', { verifier: {} as never }),
  ],
  ['createAdapter without a name', 'name', () => createAdapter({ ...adapter, name: '' })],
  [
    'createAdapter with retentionMs 0',
    'retentionMs',
    () => createAdapter({ ...adapter, retentionMs: 0 }),
  ],
  [
    'createAdapter with retentionMs NaN',
    'retentionMs',
    () => createAdapter({ ...adapter, retentionMs: Number.NaN }),
  ],
  [
    'createAdapter with methods as a string',
    'methods',
    () => createAdapter({ ...adapter, methods: 'POST' as never }),
  ],
  [
    'createAdapter with an empty methods list',
    'methods',
    () => createAdapter({ ...adapter, methods: [] }),
  ],
  [
    'createAdapter without parse',
    'parse',
    () => createAdapter({ ...adapter, parse: undefined as never }),
  ],
  [
    'createAdapter with digestExclude as a string',
    'digestExclude',
    () => createAdapter({ ...adapter, digestExclude: 'a' as never }),
  ],
  [
    'createAdapter with an empty digestExclude segment',
    'digestExclude',
    () => createAdapter({ ...adapter, digestExclude: ['a..b'] }),
  ],
  ['createAdapter without options', 'options', () => createAdapter(undefined as never)],
];

describe('kit option checks', () => {
  it.each(cases)('%s -> CONFIG_INVALID naming `%s`', (_name, option, build) => {
    const error = thrown(build);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.details.option).toBe(option);
    expect(error.message).not.toContain(SECRET);
  });

  it('drops empty entries only at the end, where no keyIndex moves', () => {
    expect(resolveSecrets({ secrets: [SECRET, 'b', '', ''] }, 'acme')).toEqual([SECRET, 'b']);
    expect(resolveSecrets({ secret: SECRET, secrets: [''] }, 'acme')).toEqual([SECRET]);
    expect(thrown(() => resolveSecrets({ secrets: ['', ''] }, 'acme')).details.option).toBe(
      'secret',
    );
  });

  it("a resolver's answer follows the same rule, per delivery", () => {
    const delivery = {
      method: 'POST',
      headers: {},
      rawBody: new Uint8Array(),
      receivedAt: new Date(),
    };
    const shifted = secretSource({ secrets: () => ['', SECRET] }, 'acme');
    const error = thrown(() => shifted.forDelivery(delivery));
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.details.option).toBe('secrets[0]');
    expect(error.message).not.toContain(SECRET);
    const trailing = secretSource({ secrets: () => [SECRET, ''] }, 'acme');
    expect(trailing.forDelivery(delivery)).toEqual([SECRET]);
    // A hole in a sparse array is an empty entry too, never a TypeError.
    // biome-ignore lint/suspicious/noSparseArray: the case under test
    const sparse = secretSource({ secrets: () => [, SECRET] as string[] }, 'acme');
    expect(thrown(() => sparse.forDelivery(delivery)).details.option).toBe('secrets[0]');
    // biome-ignore lint/suspicious/noSparseArray: the case under test
    const holeAtEnd = [SECRET, ,] as string[];
    expect(secretSource({ secrets: () => holeAtEnd }, 'acme').forDelivery(delivery)).toEqual([
      SECRET,
    ]);
  });

  it('basic auth needs string credentials', () => {
    for (const password of ['', 5, undefined]) {
      const error = thrown(() =>
        basicAuthVerifier({ provider: 'acme', username: 'u', password: password as never }),
      );
      expect(error.code).toBe('CONFIG_INVALID');
    }
  });

  it('valid edge values pass: tolerance 0 and Infinity, lower-case methods', () => {
    expect(() => timestampedHmacVerifier({ ...hmac, toleranceSeconds: 0 })).not.toThrow();
    expect(() =>
      timestampedHmacVerifier({ ...hmac, toleranceSeconds: Number.POSITIVE_INFINITY }),
    ).not.toThrow();
    expect(createAdapter({ ...adapter, methods: ['post', 'PUT'] }).methods).toEqual([
      'POST',
      'PUT',
    ]);
  });
});
