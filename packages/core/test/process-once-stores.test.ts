/**
 * The issue 10 pipeline scenarios on the real stores: Redis (ioredis), PostgreSQL (pg),
 * MySQL/MariaDB (mysql2) against the loopback servers in HOOKLATCH_*_URL, and SQLite
 * (better-sqlite3, no server). Lease renewal with store.extend, loss detection, the result
 * guard, Retry-After from the store clock, digests, and context.complete({ tx }).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ProcessOutcome,
  type ProcessWarning,
  parseEvent,
  processOnce,
  type WebhookEvent,
} from '../src/index';
import { faultyStore, sleep } from './support/faulty-store';
import { signedInput, testAdapter } from './support/hmac-adapter';
import { realStores } from './support/real-stores';
import { expectResultDropped } from './support/result-drop';

const adapter = testAdapter();
const event = await parseEvent(adapter, signedInput({ id: 'evt_real', type: 'order.paid' }));
const emoji = '\u{1F600}';
let n = 0;

for (const real of realStores('po')) {
  describe.skipIf(real.skip)(`processOnce on ${real.name}`, () => {
    beforeAll(() => real.open(), 30_000);
    afterAll(() => real.close());
    const fresh = () => real.create(`t${++n}-`);

    it('a handler running 4x its lease is never joined by a second run (renewed by extend)', async () => {
      const store = fresh();
      const leaseMs = 450;
      let runs = 0;
      const warnings: ProcessWarning[] = [];
      const first = processOnce(
        store,
        event,
        async () => {
          runs++;
          await sleep(4 * leaseMs);
          return 'slow';
        },
        { leaseMs, onWarning: (w) => warnings.push(w) },
      );
      const copies: ProcessOutcome[] = [];
      for (let i = 0; i < 9; i++) {
        await sleep(leaseMs / 2);
        copies.push(await processOnce(store, event, () => runs++, { leaseMs }));
      }
      expect(await first).toMatchObject({ outcome: 'processed', completion: 'stored' });
      expect(copies.filter((c) => c.outcome === 'in_flight').length).toBeGreaterThanOrEqual(6);
      expect(copies.every((c) => c.outcome === 'in_flight' || c.outcome === 'duplicate')).toBe(
        true,
      );
      expect((await processOnce(store, event, () => runs++)).outcome).toBe('duplicate');
      expect(runs).toBe(1);
      expect(warnings).toEqual([]);
    }, 15_000);

    it('a takeover refuses the next renewal: the signal aborts before the lease would end', async () => {
      const store = fresh();
      const leaseMs = 900;
      const warnings: ProcessWarning[] = [];
      const started = performance.now();
      let abortedAfter = 0;
      const outcome = await processOnce(
        store,
        event,
        async (_e, ctx) => {
          // An operator deletes the key and a copy takes it: this run is no longer the owner.
          await store.delete(ctx.key);
          expect(
            (await processOnce(store, event, () => 'second', { leaseMs: 60_000 })).outcome,
          ).toBe('processed');
          await new Promise((resolve) =>
            ctx.signal.addEventListener('abort', resolve, { once: true }),
          );
          abortedAfter = performance.now() - started;
          return 'first';
        },
        { leaseMs, onWarning: (w) => warnings.push(w) },
      );
      expect(abortedAfter).toBeLessThan(leaseMs);
      expect(warnings).toEqual([
        { kind: 'lease_lost', key: outcome.key, reason: 'extend_refused' },
      ]);
      expect(outcome).toMatchObject({ outcome: 'processed', completion: 'lost' });
      expect((await store.get(outcome.key))?.result).toBe('second');
    }, 15_000);

    it.each([
      ['a lone surrogate', { note: emoji.slice(0, 1) }, 'lone_surrogate'],
      ['a NUL', { name: 'a\u0000b' }, 'nul_character'],
      ['20 MB', { blob: 'x'.repeat(20 * 1024 * 1024) }, 'too_large'],
    ])('a result with %s completes without it; the retry is a duplicate', (_n, result, reason) =>
      expectResultDropped(fresh(), event, result, reason),
    );

    it('a complete blip is retried on the real store', async () => {
      const store = faultyStore(fresh(), { complete: (c) => (c === 1 ? 'throw' : undefined) });
      const outcome = await processOnce(store, event, () => ({ ok: true }));
      expect(outcome).toMatchObject({ outcome: 'processed', completion: 'stored' });
      expect(await processOnce(store, event, () => 'again')).toMatchObject({
        outcome: 'duplicate',
        result: { ok: true },
      });
    });

    it('Retry-After is the lease time the store reports as left', async () => {
      const store = fresh();
      let finish = () => {};
      const first = processOnce(store, event, () => new Promise<void>((r) => (finish = r)), {
        leaseMs: 20_000,
      });
      await sleep(50);
      const copy = await processOnce(store, event, () => 'never');
      expect(copy).toMatchObject({ outcome: 'in_flight', headers: { 'retry-after': '20' } });
      finish();
      await first;
    });

    it('a different body under the same ID is a mismatch; the replay guard dedupes a fresh ID', async () => {
      const store = fresh();
      const changed = await parseEvent(
        adapter,
        signedInput({ id: 'evt_real', type: 'order.paid', orderId: 'ord_9' }),
      );
      const replay: WebhookEvent = { ...event, id: 'evt_new', dedupeKey: 'test:evt_new' };
      const guard = { replayGuard: 'digest' } as const;
      await processOnce(store, event, () => 'done', guard);
      expect((await processOnce(store, changed, () => 'never', guard)).outcome).toBe('mismatch');
      expect(await processOnce(store, replay, () => 'never', guard)).toMatchObject({
        outcome: 'duplicate',
        via: 'digest',
        result: 'done',
      });
    });

    it.skipIf(!real.transaction)(
      'context.complete({ tx }) marks in the transaction: no second completion, no false lease_lost',
      async () => {
        const store = faultyStore(fresh());
        const warnings: ProcessWarning[] = [];
        let marked: boolean | undefined;
        const outcome = await processOnce(
          store,
          event,
          async (_e, ctx) => {
            await real.transaction!(true, async (tx) => {
              marked = await ctx.complete({ tx, result: { committed: true } });
            });
            await sleep(150); // renewals would now be refused: the record is completed
            return 'returned';
          },
          { leaseMs: 120, onWarning: (w) => warnings.push(w) },
        );
        expect(marked).toBe(true);
        expect(outcome).toMatchObject({ outcome: 'processed', completion: 'stored' });
        expect(store.calls.complete).toBe(1);
        expect(warnings).toEqual([]);
        expect(await processOnce(store, event, () => 'again')).toMatchObject({
          outcome: 'duplicate',
          result: { committed: true },
        });
      },
    );

    it.skipIf(!real.transaction)(
      'a mark whose transaction rolled back keeps the lease renewed: a retry loop is never joined',
      async () => {
        const store = fresh();
        const leaseMs = 300;
        const warnings: ProcessWarning[] = [];
        let runs = 0;
        let abortedAtEnd: boolean | undefined;
        const first = processOnce(
          store,
          event,
          async (_e, ctx) => {
            runs++;
            // A serialization failure after the mark: rolled back, retried after a backoff
            // three leases long, on the same kind of handle (what the docs' retry loop does).
            await real.transaction!(false, async (tx) => {
              expect(await ctx.complete({ tx })).toBe(true);
            }).catch(() => undefined);
            await sleep(3 * leaseMs);
            await real.transaction!(true, async (tx) => {
              expect(await ctx.complete({ tx })).toBe(true);
            });
            abortedAtEnd = ctx.signal.aborted;
            return 'retried';
          },
          { leaseMs, onWarning: (w) => warnings.push(w) },
        );
        const copies: ProcessOutcome[] = [];
        for (let i = 0; i < 5; i++) {
          await sleep(leaseMs / 2);
          copies.push(await processOnce(store, event, () => runs++, { leaseMs }));
        }
        expect(await first).toMatchObject({ outcome: 'processed', completion: 'stored' });
        expect(runs).toBe(1);
        expect(copies.map((c) => c.outcome)).toEqual(Array(5).fill('in_flight'));
        expect(abortedAtEnd).toBe(false);
        expect(warnings).toEqual([]);
        expect((await processOnce(store, event, () => runs++)).outcome).toBe('duplicate');
      },
      15_000,
    );

    it.skipIf(!real.transaction)(
      'a rolled-back transaction leaves the event to run again',
      async () => {
        const store = fresh();
        const outcome = await processOnce(store, event, async (_e, ctx) => {
          await real.transaction!(false, async (tx) => {
            expect(await ctx.complete({ tx })).toBe(true); // marked when the transaction commits
          });
        });
        expect(outcome).toMatchObject({ outcome: 'failed', status: 500 });
        expect((await processOnce(store, event, () => 'rerun')).outcome).toBe('processed');
      },
    );
  });
}
