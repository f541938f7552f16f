/**
 * Issue 10 item 9: the same ID with a different body is a `mismatch`, never a silent duplicate;
 * and the opt-in replay guard dedupes a captured body replayed under a fresh ID.
 */
import { describe, expect, it } from 'vitest';
import {
  memoryStore,
  outcomeReply,
  type ProcessOutcome,
  parseEvent,
  processOnce,
  type WebhookEvent,
} from '../src/index';
import { faultyStore, gate } from './support/faulty-store';
import { signedInput, testAdapter } from './support/hmac-adapter';

const adapter = testAdapter();
const body = { id: 'evt_dg', type: 'order.paid', orderId: 'ord_1' };
const original = await parseEvent(adapter, signedInput(body));
const changed = await parseEvent(adapter, signedInput({ ...body, orderId: 'ord_2' }));
/** The same body under a fresh delivery ID: what an unsigned-ID replay looks like. */
const replayed: WebhookEvent = { ...original, id: 'evt_fresh', dedupeKey: 'test:evt_fresh' };

describe('mismatch', () => {
  it('parseEvent gives each body its own digest', () => {
    expect(original.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(changed.digest).not.toBe(original.digest);
    expect(changed.dedupeKey).toBe(original.dedupeKey);
  });

  it('a completed key with another digest: mismatch 422, handler not run', async () => {
    const store = memoryStore();
    await processOnce(store, original, () => 'first');
    let ran = false;
    const outcome = await processOnce(store, changed, () => {
      ran = true;
    });
    expect(outcome).toEqual({
      outcome: 'mismatch',
      status: 422,
      headers: { 'hooklatch-outcome': 'mismatch' },
      key: 'test:evt_dg',
      state: 'completed',
      digest: changed.digest,
      storedDigest: original.digest,
    });
    expect(ran).toBe(false);
    expect(JSON.parse(outcomeReply(outcome).body)).toEqual({ outcome: 'mismatch' });
    // The true retry is still a duplicate.
    expect((await processOnce(store, original, () => 'again')).outcome).toBe('duplicate');
  });

  it('digests of two schemes say nothing about each other: the key decides (an upgrade)', async () => {
    // A record an older version stored with a canonical digest, and the same event parsed by
    // an adapter that now digests its signed bytes: a duplicate, never a mismatch.
    const store = memoryStore();
    await processOnce(store, original, () => 'first');
    const zeros = '0'.repeat(64);
    expect(original.digest).not.toBe(`sha256:${zeros}`);
    const upgraded: WebhookEvent = { ...changed, digest: `sha256-body:${zeros}` };
    let ran = false;
    const outcome = await processOnce(store, upgraded, () => {
      ran = true;
    });
    expect(outcome).toMatchObject({ outcome: 'duplicate', key: 'test:evt_dg' });
    expect(ran).toBe(false);
    // Within one scheme, another digest is still a mismatch.
    const other: WebhookEvent = { ...changed, digest: `sha256:${zeros}` };
    const refused = await processOnce(store, other, () => 'never');
    expect(refused).toMatchObject({ outcome: 'mismatch', storedDigest: original.digest });
  });

  it('an in-flight key with another digest: mismatch, with a configurable status', async () => {
    const store = memoryStore();
    const running = gate();
    const first = processOnce(store, original, () => running.promise);
    const outcome = await processOnce(store, changed, () => 'never', { mismatchStatus: 409 });
    expect(outcome).toMatchObject({ outcome: 'mismatch', status: 409, state: 'in_flight' });
    expect((await processOnce(store, original, () => 'never')).outcome).toBe('in_flight');
    running.open();
    await first;
  });

  it('no digest on either side: nothing to compare, a duplicate', async () => {
    const store = memoryStore();
    const { digest: _d, ...bare } = original;
    await processOnce(store, bare as WebhookEvent, () => 1);
    expect((await processOnce(store, changed, () => 2)).outcome).toBe('duplicate');
    const store2 = memoryStore();
    await processOnce(store2, original, () => 1);
    expect((await processOnce(store2, bare as WebhookEvent, () => 2)).outcome).toBe('duplicate');
  });
});

describe("replayGuard: 'digest'", () => {
  const guard = { replayGuard: 'digest' } as const;

  it('off by default: the same body under a fresh ID runs again', async () => {
    const store = memoryStore();
    let runs = 0;
    await processOnce(store, original, () => ++runs);
    expect((await processOnce(store, replayed, () => ++runs)).outcome).toBe('processed');
    expect(runs).toBe(2);
  });

  it('a replay under a fresh ID is a duplicate; its own key is completed too', async () => {
    const store = memoryStore();
    let runs = 0;
    await processOnce(store, original, () => ({ run: ++runs }), guard);
    const replay = await processOnce(store, replayed, () => ({ run: ++runs }), guard);
    expect(replay).toMatchObject({
      outcome: 'duplicate',
      status: 200,
      key: 'test:evt_fresh',
      via: 'digest',
      result: { run: 1 },
    });
    expect(runs).toBe(1);
    expect((await store.get('test:evt_fresh'))?.state).toBe('completed');
    const again = await processOnce(store, replayed, () => ({ run: ++runs }), guard);
    expect(again).toMatchObject({ outcome: 'duplicate', via: 'key' });
    expect(await store.get(`#digest:test:${original.digest}`)).toMatchObject({
      state: 'completed',
      result: { run: 1 },
    });
  });

  it('a replay while the original runs is in flight, and leaves its own key free', async () => {
    const store = memoryStore();
    const running = gate();
    const first = processOnce(store, original, () => running.promise, guard);
    const replay = await processOnce(store, replayed, () => 'never', { ...guard, leaseMs: 30_000 });
    expect(replay).toMatchObject({ outcome: 'in_flight', status: 409, via: 'digest' });
    expect(await store.get('test:evt_fresh')).toBeNull();
    running.open();
    await first;
    expect((await processOnce(store, replayed, () => 'never', guard)).outcome).toBe('duplicate');
  });

  it('a failed handler releases both claims: the next copy under either ID runs', async () => {
    const store = memoryStore();
    const failed = await processOnce(
      store,
      original,
      () => {
        throw new Error('boom');
      },
      guard,
    );
    expect(failed.outcome).toBe('failed');
    expect(await store.get(`#digest:test:${original.digest}`)).toBeNull();
    expect((await processOnce(store, replayed, () => 'ok', guard)).outcome).toBe('processed');
  });

  it('a crash leaves both claims to expire: nothing is blocked past the lease', async () => {
    let t = 1_000_000;
    const store = memoryStore({ now: () => t });
    void processOnce(store, original, () => new Promise(() => {}), { ...guard, leaseMs: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await processOnce(store, replayed, () => 'x', guard)).outcome).toBe('in_flight');
    t += 6_000; // the crashed owner's leases end (by the store clock)
    const outcome = await processOnce(store, replayed, () => 'took over', guard);
    expect(outcome).toMatchObject({ outcome: 'processed', result: 'took over' });
  });

  it('completes the digest key first, then the event key', async () => {
    const store = faultyStore(memoryStore());
    await processOnce(store, original, () => 1, guard);
    const completes = store.log.filter((c) => c.method === 'complete').map((c) => c.key);
    expect(completes).toEqual([`#digest:test:${original.digest}`, 'test:evt_dg']);
  });

  it('a different body under the same ID is still a mismatch with the guard on', async () => {
    const store = memoryStore();
    await processOnce(store, original, () => 1, guard);
    const outcome: ProcessOutcome = await processOnce(store, changed, () => 2, guard);
    expect(outcome.outcome).toBe('mismatch');
  });
});
