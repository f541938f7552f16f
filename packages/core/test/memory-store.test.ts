import { describe, expect, it } from 'vitest';
import { memoryStore } from '../src/index';

const DIGEST = `sha256:${'0f'.repeat(32)}`;

describe('memoryStore specifics', () => {
  it('uses the injected clock for leases and TTLs', async () => {
    let t = 1_000_000;
    const store = memoryStore({ now: () => t });
    const first = await store.claim('k', { leaseMs: 1_000, ttlMs: 5_000 });
    expect(first).toMatchObject({ status: 'claimed', leaseExpiresAt: new Date(1_001_000) });
    t += 999;
    expect((await store.claim('k', { leaseMs: 1_000, ttlMs: 5_000 })).status).toBe('in_flight');
    t += 1;
    const second = await store.claim('k', { leaseMs: 1_000, ttlMs: 5_000 });
    expect(second).toMatchObject({ status: 'claimed', claims: 2 });
    if (second.status !== 'claimed') return;
    expect(await store.complete('k', second.token, { ttlMs: 10_000 })).toBe(true);
    t += 9_999;
    expect((await store.claim('k', { leaseMs: 1_000, ttlMs: 5_000 })).status).toBe('completed');
    t += 1;
    expect(await store.get('k')).toBeNull();
  });

  it('reports the remaining lease and judges extend by its own clock, not Date.now', async () => {
    // The store clock runs an hour behind the app clock: only the store clock may count.
    let t = Date.now() - 3_600_000;
    const store = memoryStore({ now: () => t });
    const first = await store.claim('k', { leaseMs: 1_000, ttlMs: 60_000 });
    if (first.status !== 'claimed') throw new Error('expected claimed');
    t += 400;
    expect(await store.claim('k', { leaseMs: 1_000, ttlMs: 60_000 })).toMatchObject({
      status: 'in_flight',
      leaseRemainingMs: 600,
    });
    expect(await store.extend('k', first.token, 2_000)).toBe(true);
    t += 1_999;
    expect(await store.claim('k', { leaseMs: 1_000, ttlMs: 60_000 })).toMatchObject({
      status: 'in_flight',
      leaseRemainingMs: 1,
    });
    t += 1;
    expect(await store.extend('k', first.token, 2_000)).toBe(false);
    // Nobody took over: the late owner may still complete (the work is done, nobody else ran it).
    expect(await store.complete('k', first.token, { ttlMs: 60_000 })).toBe(true);
  });

  it('moves the expiry out when a renewed lease outlives it', async () => {
    let t = 0;
    const store = memoryStore({ now: () => t });
    const first = await store.claim('k', { leaseMs: 1_000, ttlMs: 1_000 });
    if (first.status !== 'claimed') throw new Error('expected claimed');
    t = 500;
    expect(await store.extend('k', first.token, 5_000)).toBe(true);
    expect((await store.get('k'))?.expiresAt).toEqual(new Date(5_500));
    t = 5_499;
    expect((await store.claim('k', { leaseMs: 1_000, ttlMs: 1_000 })).status).toBe('in_flight');
    t = 5_500;
    expect(await store.get('k')).toBeNull();
  });

  it('returns copies: mutating a returned record does not change the store', async () => {
    const store = memoryStore();
    const c = await store.claim('k', { leaseMs: 60_000, ttlMs: 60_000 });
    if (c.status !== 'claimed') throw new Error('expected claimed');
    const result = { n: 1 };
    await store.complete('k', c.token, { ttlMs: 60_000, result });
    result.n = 3;
    const record = await store.get('k');
    (record?.result as { n: number }).n = 2;
    record?.leaseExpiresAt.setTime(0);
    expect(await store.get('k')).toMatchObject({ result: { n: 1 } });
    expect((await store.get('k'))?.leaseExpiresAt.getTime()).toBe(c.leaseExpiresAt.getTime());
  });

  it('keeps tokens and digests exactly, in packed and plain form', async () => {
    const store = memoryStore();
    const digests = [DIGEST, `sha256:${'AB'.repeat(32)}`, 'md5:1234', 'x'.repeat(128)];
    for (const [i, digest] of digests.entries()) {
      const c = await store.claim(`k${i}`, { leaseMs: 60_000, ttlMs: 60_000, digest });
      if (c.status !== 'claimed') throw new Error('expected claimed');
      expect(await store.get(`k${i}`)).toMatchObject({ token: c.token, digest });
      expect(await store.claim(`k${i}`, { leaseMs: 60_000, ttlMs: 60_000 })).toMatchObject({
        status: 'in_flight',
        digest,
      });
      expect(await store.complete(`k${i}`, c.token, { ttlMs: 60_000 })).toBe(true);
      const done = await store.claim(`k${i}`, { leaseMs: 60_000, ttlMs: 60_000 });
      expect(done.status === 'completed' && done.record).toMatchObject({ token: c.token, digest });
    }
  });

  it("a takeover without a digest does not report the previous owner's", async () => {
    let t = 0;
    const store = memoryStore({ now: () => t });
    await store.claim('k', { leaseMs: 1_000, ttlMs: 60_000, digest: DIGEST });
    t = 1_000;
    expect((await store.claim('k', { leaseMs: 1_000, ttlMs: 60_000 })).status).toBe('claimed');
    expect((await store.get('k'))?.digest).toBeUndefined();
  });

  it('drops expired records without being asked about them', async () => {
    let t = 0;
    const store = memoryStore({ now: () => t });
    for (let i = 0; i < 100; i++) await store.claim(`old-${i}`, { leaseMs: 1_000, ttlMs: 1_000 });
    t = 10_000;
    await store.claim('new', { leaseMs: 1_000, ttlMs: 1_000 });
    const records = await store.list?.({ limit: 1_000 });
    expect(records?.map((r) => r.key)).toEqual(['new']);
  });
});
