/**
 * describeStore catches the store bugs its main cases let through: each planted bug (a wrapper
 * over memoryStore with one defect) must fail the named case, and memoryStore itself pass it.
 */
import { type DedupeStore, memoryStore } from '@hooklatch/core';
import { describe, expect, it } from 'vitest';
import { describeStore, type StoreTestName } from '../src/index';

/** The cases describeStore registers for `create`, by name, runnable here. */
function suiteCases(create: () => DedupeStore): Map<string, () => Promise<void>> {
  const cases = new Map<string, () => Promise<void>>();
  describeStore(
    { name: 'planted', create, shortLeaseMs: 120, concurrency: 16 },
    { describe: (_name, body) => body(), it: (name, run) => cases.set(name, run) },
  );
  return cases;
}

const expired = (r: { leaseExpiresAt: Date } | null) =>
  r !== null && r.leaseExpiresAt.getTime() <= Date.now();

type Bug = (inner: DedupeStore) => Partial<DedupeStore>;

const BUGS: Record<string, [Bug, StoreTestName]> = {
  'a takeover of an ended lease as read, then delete and claim': [
    (inner) => {
      let callers = 0;
      return {
        async claim(key, options) {
          const record = await inner.get(key);
          if (record?.state !== 'in_flight' || !expired(record)) return inner.claim(key, options);
          // Each caller acts a little later on what it read: the last one wins, all "claimed".
          await new Promise((resolve) => setTimeout(resolve, 2 * callers++));
          await inner.delete(key);
          return inner.claim(key, options);
        },
      };
    },
    'concurrent takeovers of an ended lease yield exactly one claimed',
  ],
  'any token completes once the lease ended': [
    (inner) => ({
      async complete(key, token, options) {
        const record = await inner.get(key);
        const owner = record !== null && expired(record) ? record.token : token;
        return inner.complete(key, owner, options);
      },
    }),
    'a lapsed owner nobody replaced may complete; no other token can',
  ],
  'retention counted from the claim': [
    (inner) => ({
      async complete(key, token, options) {
        const record = await inner.get(key);
        const since = record ? Date.now() - record.createdAt.getTime() : 0;
        return inner.complete(key, token, {
          ...options,
          ttlMs: Math.max(1, options.ttlMs - since),
        });
      },
    }),
    'a completed record is kept ttlMs from its completion',
  ],
  'falsy results dropped': [
    (inner) => ({
      complete: (key, token, { result, ...rest }) =>
        inner.complete(key, token, result ? { ...rest, result } : rest),
    }),
    'falsy and empty results round-trip',
  ],
  'the result kept by reference': [
    (inner) => {
      const kept = new Map<string, unknown>();
      return {
        async complete(key, token, options) {
          kept.set(key, options.result);
          return inner.complete(key, token, options);
        },
        async get(key) {
          const record = await inner.get(key);
          return record && kept.has(key) ? { ...record, result: kept.get(key) as never } : record;
        },
      };
    },
    'records and results are copies, never shared with the caller',
  ],
  'release keeps the record (a 1 ms lease)': [
    (inner) => ({ release: (key, token) => inner.extend(key, token, 1) }),
    'release and expiry leave nothing behind: the next claim starts over',
  ],
  'list applies the limit before the prefix': [
    (inner) => ({
      async list(options = {}) {
        const some = (await inner.list?.({ limit: options.limit ?? 100 })) ?? [];
        return some.filter((r) => r.key.startsWith(options.prefix ?? ''));
      },
    }),
    'list returns live records of every state, filtered by prefix before the limit',
  ],
};

describe('describeStore catches subtle store bugs', { timeout: 30_000 }, () => {
  it.each(Object.entries(BUGS))('%s', async (_bug, [plant, name]) => {
    const control = suiteCases(() => memoryStore()).get(name);
    const broken = suiteCases(() => {
      const inner = memoryStore();
      return { ...inner, ...plant(inner) } as DedupeStore;
    }).get(name);
    if (!control || !broken) throw new Error(`no case named ${name}`);
    await control();
    await expect(broken()).rejects.toThrow();
  });
});
