/**
 * `storeOptionChecks`: the one set of store option rules the memory, Redis and SQL stores (and
 * third-party stores) share, so `prefix`, `timeoutMs`, `leaseMs`, `ttlMs` and `digest` fail the
 * same way everywhere: CONFIG_INVALID naming the store and the option, never the value.
 */
import { describe, expect, it } from 'vitest';
import { ConfigurationError, memoryStore } from '../src/index';
import { MAX_STORE_DURATION_MS, MAX_STORE_TIMEOUT_MS, storeOptionChecks } from '../src/kit';

const checks = storeOptionChecks('acmeStore', { store: 'acme' });

/** The CONFIG_INVALID `run` throws, after checking its shape. */
function refusal(run: () => unknown, option: string): ConfigurationError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ConfigurationError);
  const error = thrown as ConfigurationError;
  expect(error.code).toBe('CONFIG_INVALID');
  expect(error.details).toEqual({ store: 'acme', option });
  expect(error.message).toMatch(new RegExp(`^acmeStore: \`${option}\` `));
  return error;
}

describe('storeOptionChecks', () => {
  it('prefix: printable ASCII without spaces, at most 55 characters; undefined is the default', () => {
    for (const bad of ['a b', 'é', 'tab\t', 'nul\u0000', 'x'.repeat(56), 42, null]) {
      refusal(() => checks.prefix(bad, 'd:'), 'prefix');
    }
    expect(checks.prefix(undefined, 'd:')).toBe('d:');
    expect(checks.prefix('', 'd:')).toBe('');
    expect(checks.prefix('x'.repeat(55), 'd:')).toBe('x'.repeat(55));
  });

  it('timeoutMs: above 0, at most 2^31 - 1 (setTimeout fires at once past it)', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY, '100', null, 2 ** 31]) {
      refusal(() => checks.timeoutMs(bad, 1_000), 'timeoutMs');
    }
    expect(checks.timeoutMs(undefined, 1_000)).toBe(1_000);
    expect(checks.timeoutMs(0.5, 1_000)).toBe(0.5);
    expect(checks.timeoutMs(MAX_STORE_TIMEOUT_MS, 1_000)).toBe(MAX_STORE_TIMEOUT_MS);
  });

  it('durations: finite, above 0, at most 100 years; a missing one is refused too', () => {
    for (const bad of [undefined, 0, -5, Number.NaN, Number.POSITIVE_INFINITY, '1000', 4e12]) {
      refusal(() => checks.duration('leaseMs', bad), 'leaseMs');
    }
    expect(checks.duration('ttlMs', MAX_STORE_DURATION_MS)).toBe(MAX_STORE_DURATION_MS);
    expect(checks.duration('ttlMs', 0.5)).toBe(0.5);
  });

  it('claim options: the object, both durations and the digest, without echoing values', () => {
    refusal(() => checks.claim(undefined as never), 'claim options');
    refusal(() => checks.claim({ leaseMs: 1, ttlMs: Number.NaN }), 'ttlMs');
    for (const digest of ['', 'x'.repeat(129), 'sha256:\u0000', 'é', 7]) {
      const error = refusal(
        () => checks.claim({ leaseMs: 1, ttlMs: 1, digest: digest as string }),
        'digest',
      );
      expect(JSON.stringify(error)).not.toContain('xxxx');
    }
    expect(checks.claim({ leaseMs: 1, ttlMs: 2, digest: 'sha256:ab' })).toEqual({
      leaseMs: 1,
      ttlMs: 2,
      digest: 'sha256:ab',
    });
    expect(checks.claim({ leaseMs: 1, ttlMs: 2 }).digest).toBeUndefined();
  });

  it('keys are any string; renamed options point at the new name', () => {
    refusal(() => checks.key(42), 'key');
    expect(checks.key('\u0000 any ~ key')).toBe('\u0000 any ~ key');
    const error = refusal(() => checks.renamed({ oldMs: 1 }, 'oldMs', 'timeoutMs'), 'oldMs');
    expect(error.message).toContain('`timeoutMs`');
    expect(() => checks.renamed({ timeoutMs: 1 }, 'oldMs', 'timeoutMs')).not.toThrow();
  });
});

describe('the memory store uses the shared rules', () => {
  it('refuses a lease over 100 years and a prefix with a space', async () => {
    const store = memoryStore();
    await expect(store.claim('k', { leaseMs: 4e12, ttlMs: 1_000 })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      details: { option: 'leaseMs' },
    });
    expect(() => memoryStore({ prefix: 'has space:' })).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID', details: { option: 'prefix' } }),
    );
  });
});
