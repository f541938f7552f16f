/**
 * The hostile-user cases of process-once-adversarial on the real stores (issue 10 review):
 * event keys of any content through processOnce, with and without the replay
 * guard, and `context.complete` in real transactions called twice or again after a rollback.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processOnce } from '../src/index';
import { realStores } from './support/real-stores';
import { testEvent } from './support/test-event';

/** Keys a backend could merge, truncate or reject: each must stay its own record. */
const KEYS = [
  'k',
  'k ',
  'K',
  'k\u0000',
  '\ud800',
  '\udc00x',
  'x'.repeat(10_000),
  '\u{1F600}',
  '~sha256:abc',
  ' ',
  '\n',
  'ß',
  'ss',
  'é',
  'e\u0301',
  '%',
  '_',
  "'",
  '\\',
  '"',
];

let n = 0;
const eventFor = (id: string, digest: string) => testEvent(id, { digest });

for (const real of realStores('adv')) {
  describe.skipIf(real.skip)(`hostile processOnce on ${real.name}`, () => {
    beforeAll(() => real.open(), 30_000);
    afterAll(() => real.close());

    it('keys of any content run once each, then are duplicates (with and without the guard)', async () => {
      const again: string[] = [];
      for (const replayGuard of ['off', 'digest'] as const) {
        // A store per pass: the same keys must be fresh again with the guard on.
        const store = real.create(`k${++n}-${replayGuard}-`);
        for (const [i, key] of KEYS.entries()) {
          const options = { replayGuard, logger: false as const };
          const event = eventFor(key, `sha256:${replayGuard}${i}`);
          const first = await processOnce(store, event, () => ({ i }), options);
          const second = await processOnce(store, event, () => again.push(key), options);
          const label = JSON.stringify(key).slice(0, 24);
          expect(first, label).toMatchObject({ outcome: 'processed', completion: 'stored' });
          expect(second, label).toMatchObject({ outcome: 'duplicate', result: { i } });
        }
      }
      expect(again).toEqual([]);
    }, 60_000);

    it.skipIf(!real.transaction)(
      'context.complete twice in one transaction: both true, marked at commit',
      async () => {
        const store = real.create(`t${++n}-`);
        const event = eventFor(`twice-${n}`, 'sha256:tw');
        let answers: boolean[] = [];
        const outcome = await processOnce(
          store,
          event,
          (_e, ctx) =>
            real.transaction?.(true, async (tx) => {
              answers = [await ctx.complete({ tx }), await ctx.complete({ tx })];
            }),
          { logger: false },
        );
        expect(outcome).toMatchObject({ outcome: 'processed', completion: 'stored' });
        expect(answers[0]).toBe(true);
        // A second call in the same transaction cannot see its own mark from outside it:
        // `false` there is allowed, a lost mark is not.
        expect((await store.get(event.dedupeKey))?.state).toBe('completed');
      },
    );

    it.skipIf(!real.transaction)(
      'a transaction retried after a rollback marks again: the mark is not lost',
      async () => {
        const store = real.create(`r${++n}-`);
        const event = eventFor(`retry-${n}`, 'sha256:rt');
        let runs = 0;
        const handler = async (_e: unknown, ctx: { complete(o: object): Promise<boolean> }) => {
          runs++;
          // A serialization-retry loop: the first attempt marks, then rolls back.
          await real.transaction?.(false, async (tx) => ctx.complete({ tx })).catch(() => {});
          let marked = false;
          await real.transaction?.(true, async (tx) => {
            marked = await ctx.complete({ tx });
          });
          return marked;
        };
        const outcome = await processOnce(store, event, handler, { logger: false });
        expect(outcome).toMatchObject({ outcome: 'processed', result: true, completion: 'stored' });
        expect((await store.get(event.dedupeKey))?.state).toBe('completed');
        const retry = await processOnce(store, event, handler, { logger: false });
        expect(retry.outcome).toBe('duplicate');
        expect(runs).toBe(1);
      },
    );
  });
}
