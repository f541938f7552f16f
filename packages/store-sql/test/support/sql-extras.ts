/**
 * Cases beyond the conformance suite that every SQL dialect must pass: completing inside the
 * caller's transaction (commit keeps both writes, rollback drops both), results a JSON column
 * refuses (NUL, lone surrogates), purgeExpired, and a completed-but-expired record being
 * re-claimable from scratch.
 */
import { type HandlerContext, type JsonValue, processOnce } from '@hooklatch/core';
import type { SqlDedupeStore } from '@hooklatch/store-sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WRAPPED_RESULT_KEY } from '../../src/result-codec';

const LONG = 60_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** How a test drives the caller's own transaction on one driver. */
export interface TxHarness {
  /** Create the business table `orders(id)` and whatever else the cases need. */
  setup(): Promise<void>;
  /** Drop everything `setup` and the stores created. */
  teardown(): Promise<void>;
  /** A store on `table` with keys under `prefix`. */
  store(table: string, prefix: string): SqlDedupeStore;
  /** Run `fn` in a transaction; commit when `commit`, else roll back. */
  transaction(commit: boolean, fn: (tx: unknown) => Promise<void>): Promise<void>;
  /** Insert an order row inside `tx`. */
  insertOrder(tx: unknown, id: string): Promise<void>;
  /** Drop a table the cases created. */
  dropTable(table: string): Promise<void>;
  /** Committed order rows with this id. */
  countOrders(id: string): Promise<number>;
}

/** Register the SQL-specific cases for one driver. `table` must be unique to this run. */
export function describeSqlExtras(name: string, table: string, harness: TxHarness): void {
  describe(`SQL store extras: ${name}`, () => {
    beforeAll(() => harness.setup(), 30_000);
    afterAll(() => harness.teardown(), 30_000);

    const claimed = async (store: SqlDedupeStore, key: string) => {
      const claim = await store.claim(key, { leaseMs: LONG, ttlMs: LONG });
      if (claim.status !== 'claimed') throw new Error(`expected claimed, got ${claim.status}`);
      return claim.token;
    };

    it('createSchema is idempotent', async () => {
      const store = harness.store(table, 'schema-');
      await store.createSchema();
      await store.createSchema();
      expect(await store.get('nothing')).toBeNull();
    });

    it('a rolled-back transaction also rolls back the completion', async () => {
      const store = harness.store(table, 'tx-rollback-');
      const token = await claimed(store, 'order-1');
      await harness
        .transaction(false, async (tx) => {
          // Both start before either is awaited: better-sqlite3 transactions are synchronous.
          const [, done] = await Promise.all([
            harness.insertOrder(tx, 'rollback-1'),
            store.complete('order-1', token, { ttlMs: LONG, tx }),
          ]);
          expect(done).toBe(true);
        })
        .catch(() => undefined);
      expect(await harness.countOrders('rollback-1')).toBe(0);
      expect(await store.get('order-1')).toMatchObject({ state: 'in_flight', token });
      // The owner can still complete it later, outside any transaction.
      expect(await store.complete('order-1', token, { ttlMs: LONG })).toBe(true);
    });

    it('a committed transaction keeps the business write and the completion', async () => {
      const store = harness.store(table, 'tx-commit-');
      const token = await claimed(store, 'order-2');
      await harness.transaction(true, async (tx) => {
        const [, done] = await Promise.all([
          harness.insertOrder(tx, 'commit-2'),
          store.complete('order-2', token, { ttlMs: LONG, result: { ok: 1 }, tx }),
        ]);
        expect(done).toBe(true);
      });
      expect(await harness.countOrders('commit-2')).toBe(1);
      const again = await store.claim('order-2', { leaseMs: LONG, ttlMs: LONG });
      expect(again.status).toBe('completed');
      expect(again.status === 'completed' && again.record.result).toEqual({ ok: 1 });
    });

    it('processOnce: a handler that returns after its transaction rolled back is not answered as handled', async () => {
      const store = harness.store(table, 'po-rollback-');
      const event = {
        provider: 'sqltx',
        type: 'order.paid',
        id: 'evt_rb',
        idSource: 'event' as const,
        dedupeKey: 'sqltx:evt_rb',
        occurredAt: new Date(),
        receivedAt: new Date(),
        meta: {},
        payload: {},
      };
      let runs = 0;
      const handle = (commit: boolean) => async (_e: unknown, ctx: HandlerContext) => {
        runs++;
        // Both start before either is awaited: better-sqlite3 transactions are synchronous.
        await harness.transaction(commit, async (tx) => {
          const [, done] = await Promise.all([
            harness.insertOrder(tx, `po-${runs}`),
            ctx.complete({ tx }),
          ]);
          expect(done).toBe(true);
        });
      };
      const options = { logger: false as const };
      const first = await processOnce(store, event, handle(false), { ...options, leaseMs: 300 });
      expect(first).toMatchObject({ outcome: 'failed', status: 500 });
      expect(await harness.countOrders('po-1')).toBe(0);
      // A harness whose rollback throws out of the handler is released as any failure; one
      // that returns is not (an open transaction would hold its row): a retry within the lease
      // is told to wait, and the retry after it runs the handler, which this time commits.
      if ((first as { error?: Error }).error?.name === 'TransactionNotCommittedError') {
        expect((await processOnce(store, event, handle(true), options)).outcome).toBe('in_flight');
        await new Promise((resolve) => setTimeout(resolve, 450));
      }
      const retry = await processOnce(store, event, handle(true), options);
      expect(retry).toMatchObject({ outcome: 'processed', completion: 'stored' });
      expect(await harness.countOrders('po-2')).toBe(1);
      expect((await processOnce(store, event, handle(true), options)).outcome).toBe('duplicate');
      expect(runs).toBe(2);
    });

    it('results the JSON column would refuse (NUL, lone surrogates) complete and round-trip', async () => {
      const store = harness.store(table, 'result-');
      const results: JsonValue[] = [
        { text: 'a\u0000b' },
        { sliced: '😀'.slice(0, 1) },
        '\udc00 tail',
        ['\u0000', '\ud83d\ude00'],
        'a literal \\u0000 stays text',
        // Values that look like the store's own wrapper must come back as they were.
        { [WRAPPED_RESULT_KEY]: '{"a":1}' },
        { [WRAPPED_RESULT_KEY]: 1, other: true },
      ];
      for (const [i, result] of results.entries()) {
        const token = await claimed(store, `r${i}`);
        expect(await store.complete(`r${i}`, token, { ttlMs: LONG, result }), `result #${i}`).toBe(
          true,
        );
        const again = await store.claim(`r${i}`, { leaseMs: LONG, ttlMs: LONG });
        expect(again.status === 'completed' && again.record.result, `result #${i}`).toEqual(result);
        expect((await store.get(`r${i}`))?.result, `result #${i}`).toEqual(result);
      }
    });

    it('purgeExpired deletes expired rows in batches and keeps live ones', async () => {
      const purgeTable = `${table}_p`;
      const store = harness.store(purgeTable, 'purge-');
      await store.createSchema();
      try {
        for (let i = 0; i < 5; i++) {
          const token = await claimed(store, `old-${i}`);
          expect(await store.complete(`old-${i}`, token, { ttlMs: 50 })).toBe(true);
        }
        await claimed(store, 'live');
        await sleep(200);
        expect(await store.purgeExpired({ batchSize: 2 })).toBe(5);
        expect(await store.purgeExpired({ batchSize: 2 })).toBe(0);
        expect((await store.get('live'))?.state).toBe('in_flight');
      } finally {
        await harness.dropTable(purgeTable);
      }
    });

    it('a completed record past its TTL is claimed afresh (claims restarts at 1)', async () => {
      const store = harness.store(table, 'reclaim-');
      const token = await claimed(store, 'k');
      expect(await store.complete('k', token, { ttlMs: 100 })).toBe(true);
      await sleep(250);
      const again = await store.claim('k', { leaseMs: LONG, ttlMs: LONG });
      expect(again).toMatchObject({ status: 'claimed', claims: 1 });
    });
  });
}
