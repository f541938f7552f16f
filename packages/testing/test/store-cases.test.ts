// The new conformance cases must catch the store bugs they were written for: each broken store
// below gets one defect a real backend has shown (a folding collation, a UTF-8 driver, a lying
// extend...) and the case aimed at it must fail, while a correct store passes.
import { type DedupeStore, memoryStore } from '@hooklatch/core';
import { storageKey } from '@hooklatch/core/kit';
import { describe, expect, it } from 'vitest';
import type { StoreCase } from '../src/store-case';
import { basicCases } from '../src/store-cases-basic';
import { keyCases } from '../src/store-cases-keys';
import { leaseCases } from '../src/store-cases-lease';

/** A memory store whose keys pass through `mapKey` on the way in (as a lossy column would). */
function foldingStore(mapKey: (key: string) => string): DedupeStore {
  const inner = memoryStore();
  return {
    name: 'folding',
    claim: (key, options) => inner.claim(mapKey(key), options),
    extend: (key, token, leaseMs) => inner.extend(mapKey(key), token, leaseMs),
    complete: (key, token, options) => inner.complete(mapKey(key), token, options),
    release: (key, token) => inner.release(mapKey(key), token),
    get: (key) => inner.get(mapKey(key)),
    delete: (key) => inner.delete(mapKey(key)),
  };
}

/** A memory store with some methods replaced. */
function patchedStore(patch: (inner: DedupeStore) => Partial<DedupeStore>): DedupeStore {
  const inner = memoryStore();
  return { ...inner, ...patch(inner) };
}

const run = (fn: StoreCase, store: () => DedupeStore) =>
  fn({ open: async () => store(), lease: 100, concurrency: 8 });

describe('the key cases catch stores that merge distinct keys', () => {
  it.each([
    ['a PAD SPACE collation', (key: string) => key.replace(/ +$/, '')],
    ['a case-insensitive collation', (key: string) => key.toLowerCase()],
    [
      'a UTF-8 driver replacing lone surrogates',
      (key: string) => Buffer.from(key, 'utf8').toString('utf8'),
    ],
    ['a text column dropping NUL', (key: string) => key.replaceAll('\u0000', '')],
    ['a column truncating long keys', (key: string) => key.slice(0, 255)],
  ])('%s', async (_, mapKey) => {
    await expect(
      run(keyCases['distinct keys stay distinct'], () => foldingStore(mapKey)),
    ).rejects.toThrow();
  });

  it('a store that reports the stored form instead of the caller key', async () => {
    const store = () => {
      const inner = foldingStore(storageKey);
      return {
        ...inner,
        get: async (key: string) => {
          const record = await inner.get(key);
          return record && { ...record, key: storageKey(key) };
        },
      };
    };
    await expect(run(keyCases['distinct keys stay distinct'], store)).rejects.toThrow(/exactly/);
    await expect(
      run(keyCases['long and unusual keys round-trip through complete/get/delete'], store),
    ).rejects.toThrow(/exactly/);
  });

  it('a correct store passes both', async () => {
    for (const fn of Object.values(keyCases)) await run(fn, () => memoryStore());
  });
});

type LeaseCase = keyof typeof leaseCases;
type Patch = (inner: DedupeStore) => Partial<DedupeStore>;

/** Each broken store, and the case that must catch it. */
const BROKEN_LEASES: Array<[defect: string, catcher: LeaseCase, patch: Patch]> = [
  [
    'an extend that says yes to anyone',
    'extend refuses a stale or expired owner',
    () => ({
      extend: async () => true,
    }),
  ],
  [
    'an extend that answers true without moving the lease',
    'extend renews a live lease',
    (inner) => ({
      extend: async (key, token) => (await inner.get(key))?.token === token,
    }),
  ],
  [
    // Says yes to the owner's token whatever the time: an ended lease would come back to life.
    'an extend that does not check whether the lease ended',
    'extend refuses a stale or expired owner',
    (inner) => ({
      extend: async (key, token, leaseMs) => {
        const record = await inner.get(key);
        if (record?.state !== 'in_flight' || record.token !== token) return false;
        await inner.extend(key, token, leaseMs);
        return true;
      },
    }),
  ],
  [
    'a remaining lease that does not count down',
    'in-flight reports remaining lease by the store clock',
    (inner) => ({
      claim: async (key, options) => {
        const result = await inner.claim(key, options);
        return result.status === 'in_flight'
          ? { ...result, leaseRemainingMs: options.leaseMs }
          : result;
      },
    }),
  ],
  [
    'a store that drops the digest',
    'digest is stored and reported',
    (inner) => ({
      claim: (key, { leaseMs, ttlMs }) => inner.claim(key, { leaseMs, ttlMs }),
    }),
  ],
];

describe('the lease cases catch broken extend, clock and digest handling', () => {
  it.each(BROKEN_LEASES)('%s (caught by "%s")', async (_, catcher, patch) => {
    await expect(run(leaseCases[catcher], () => patchedStore(patch))).rejects.toThrow();
  });

  it('a correct store passes them all', async () => {
    for (const fn of Object.values(leaseCases)) await run(fn, () => memoryStore());
  });
});

describe('the claim case bounds the lease end a claim reports', () => {
  it.each([
    ['far too long', 60_000],
    ['far too short', -60_000],
  ])('a claim that reports a lease end %s', async (_, offsetMs) => {
    const store = () =>
      patchedStore((inner) => ({
        claim: async (key, options) => {
          const result = await inner.claim(key, options);
          if (result.status !== 'claimed') return result;
          const leaseExpiresAt = new Date(result.leaseExpiresAt.getTime() + offsetMs);
          return { ...result, leaseExpiresAt };
        },
      }));
    await expect(run(basicCases.claim, store)).rejects.toThrow(/the lease is too/);
  });

  it('a correct store passes', async () => {
    await run(basicCases.claim, () => memoryStore());
  });
});
