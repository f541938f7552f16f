import { describe, expect, it } from 'vitest';
import { ConfigurationError, memoryStore } from '../src/index';

const invalid = (option: string) =>
  expect.objectContaining({ code: 'CONFIG_INVALID', details: expect.objectContaining({ option }) });

describe('memoryStore option checks (issue 10, item 4)', () => {
  it.each([
    ['maxEntries', { maxEntries: 0 }],
    ['maxEntries', { maxEntries: -1 }],
    ['maxEntries', { maxEntries: 1.5 }],
    ['maxEntries', { maxEntries: Number.NaN }],
    ['maxEntries', { maxEntries: '10' }],
    ['now', { now: 5 }],
    ['prefix', { prefix: 7 }],
    ['prefix', { prefix: 'has space' }],
    ['timeoutMs', { timeoutMs: 0 }],
    ['timeoutMs', { timeoutMs: 2 ** 31 }],
    ['timeoutMs', { timeoutMs: '5000' }],
  ])('refuses a bad %s at construction', (option, options) => {
    let thrown: unknown;
    try {
      memoryStore(options as never);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect(thrown).toEqual(invalid(option));
    expect((thrown as Error).message).toContain(option);
  });

  it('accepts Infinity and positive integers', () => {
    expect(() => memoryStore({ maxEntries: Number.POSITIVE_INFINITY })).not.toThrow();
    expect(() => memoryStore({ maxEntries: 1, prefix: 'a:', now: Date.now })).not.toThrow();
    // The options every store shares fit the memory store too (they change nothing here).
    expect(() => memoryStore({ prefix: 'hooklatch:', timeoutMs: 5_000 })).not.toThrow();
  });

  it.each([Number.NaN, 0, -5, Number.POSITIVE_INFINITY, '100'])(
    'refuses leaseMs and ttlMs of %j on claim, extend and complete',
    async (bad) => {
      const store = memoryStore();
      const ms = bad as number;
      await expect(store.claim('k', { leaseMs: ms, ttlMs: 1_000 })).rejects.toEqual(
        invalid('leaseMs'),
      );
      await expect(store.claim('k', { leaseMs: 1_000, ttlMs: ms })).rejects.toEqual(
        invalid('ttlMs'),
      );
      // Nothing was claimed by the refused calls.
      expect(await store.get('k')).toBeNull();
      const c = await store.claim('k', { leaseMs: 1_000, ttlMs: 1_000 });
      if (c.status !== 'claimed') throw new Error('expected claimed');
      await expect(store.extend('k', c.token, ms)).rejects.toEqual(invalid('leaseMs'));
      await expect(store.complete('k', c.token, { ttlMs: ms })).rejects.toEqual(invalid('ttlMs'));
      expect((await store.get('k'))?.state).toBe('in_flight');
    },
  );

  it('refuses a digest that is not short printable ASCII, without echoing it', async () => {
    const store = memoryStore();
    for (const digest of ['', 'x'.repeat(129), 'sha256:\u0000', 'é']) {
      const error = await store
        .claim('k', { leaseMs: 1_000, ttlMs: 1_000, digest })
        .catch((e) => e);
      expect(error).toEqual(invalid('digest'));
      expect(JSON.stringify(error)).not.toContain('xxxx');
    }
  });

  it('refuses a clock that returns no finite time', async () => {
    const store = memoryStore({ now: () => Number.NaN });
    await expect(store.claim('k', { leaseMs: 1_000, ttlMs: 1_000 })).rejects.toEqual(
      invalid('now'),
    );
  });
});
