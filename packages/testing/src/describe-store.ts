/**
 * The DedupeStore conformance suite, registered with any test runner. Every store hooklatch
 * ships runs it against a real backend, and so can yours:
 *
 * ```ts
 * import { describe, it } from 'node:test'; // or Jest's, Mocha's...
 * describeStore({ name: 'my-store', create: ({ prefix }) => myStore({ prefix }) }, { describe, it });
 * ```
 *
 * With vitest, import it from `@hooklatch/testing/vitest` and leave out the runner. Each case
 * closes the stores it opened itself, so the suite needs no `afterEach` hook from the runner.
 *
 * Cases use real time with short leases, so a store must measure leases with one consistent
 * clock (the server's, for networked stores). The cases themselves live in `store-cases-*.ts`.
 */
import type { DedupeStore } from '@hooklatch/core';
import { registerSuite, type SuiteCase, type TestRunner } from './runner';
import type { StoreCase, StoreCaseContext } from './store-case';
import { basicCases } from './store-cases-basic';
import { boundsCases } from './store-cases-bounds';
import { edgeCases } from './store-cases-edges';
import { keyCases } from './store-cases-keys';
import { leaseCases } from './store-cases-lease';

/** Names of the suite's cases, for `skip`. */
export const STORE_TESTS = [
  'claim',
  'second claim is in flight',
  'complete then duplicate',
  'release then re-claim',
  'expired lease re-claimed',
  'completed record not re-claimable within TTL',
  'record gone after TTL',
  'stale owner cannot complete or release',
  'concurrent claims yield exactly one claimed',
  'keys are isolated by prefix',
  'stored result round-trips',
  'get and delete',
  'list',
  'extend renews a live lease',
  'extend refuses a stale or expired owner',
  'in-flight reports remaining lease by the store clock',
  'digest is stored and reported',
  'distinct keys stay distinct',
  'long and unusual keys round-trip through complete/get/delete',
  'concurrent takeovers of an ended lease yield exactly one claimed',
  'a lapsed owner nobody replaced may complete; no other token can',
  'a completed record is kept ttlMs from its completion',
  'falsy and empty results round-trip',
  'records and results are copies, never shared with the caller',
  'release and expiry leave nothing behind: the next claim starts over',
  'list returns live records of every state, filtered by prefix before the limit',
  'a claim with ttlMs below leaseMs lives until its lease ends',
  'an expired record is absent: get finds nothing, delete answers false',
  'bad arguments are CONFIG_INVALID',
] as const;

/** One case name of the conformance suite. */
export type StoreTestName = (typeof STORE_TESTS)[number];

/** Every case, by name: the type makes a name without an implementation a compile error. */
const CASES: Record<StoreTestName, StoreCase> = {
  ...basicCases,
  ...leaseCases,
  ...keyCases,
  ...edgeCases,
  ...boundsCases,
};

/** Cases that may be skipped: optional capabilities only, never atomicity or ownership. */
const LIST_EDGES = 'list returns live records of every state, filtered by prefix before the limit';
const SKIPPABLE: ReadonlySet<StoreTestName> = new Set(['list', LIST_EDGES]);

/** A skip entry: which cases, and the reason shown in the test name. */
export interface StoreSkip {
  reason: string;
  tests: StoreTestName[];
}

/** Options of {@link describeStore}. */
export interface DescribeStoreOptions {
  /** Suite name, e.g. `redis (ioredis)`. */
  name: string;
  /** Create a store whose keys live under `prefix` (unique per test). */
  create: (context: { prefix: string }) => DedupeStore | Promise<DedupeStore>;
  /**
   * Remove what a test wrote; runs after each test, for every store it opened, with the
   * store's `prefix`. It runs instead of `store.close()`: close the store in it too.
   * @default store.close() if present
   */
  cleanup?: (store: DedupeStore, context: { prefix: string }) => void | Promise<void>;
  /** Optional capabilities this store does not have. Only `list` may be skipped. */
  skip?: StoreSkip[];
  /** Lease used by the expiry cases, in ms; raise it for slow backends. @default 250 */
  shortLeaseMs?: number;
  /** Number of concurrent claimers in the race case. @default 64 */
  concurrency?: number;
}

/** Close what one case opened: `cleanup`, else the store's own `close`. */
async function closeAll(
  options: DescribeStoreOptions,
  opened: [DedupeStore, string][],
): Promise<void> {
  for (const [store, prefix] of opened.splice(0)) {
    if (options.cleanup) await options.cleanup(store, { prefix });
    else await store.close?.();
  }
}

/**
 * Register the conformance suite for one store with `runner` (default: the global
 * `describe`/`it`). Throws at once for a skip that is not allowed.
 */
export function describeStore(options: DescribeStoreOptions, runner?: TestRunner): void {
  const skipReason = new Map<StoreTestName, string>();
  for (const entry of options.skip ?? []) {
    for (const test of entry.tests) {
      if (!SKIPPABLE.has(test)) {
        throw new Error(`describeStore: "${test}" is not optional and cannot be skipped.`);
      }
      skipReason.set(test, entry.reason);
    }
  }
  // A store without `list` skips every list case by naming the first.
  const listReason = skipReason.get('list');
  if (listReason !== undefined && !skipReason.has(LIST_EDGES)) {
    skipReason.set(LIST_EDGES, listReason);
  }

  const cases = STORE_TESTS.map((name): SuiteCase => {
    const run = async () => {
      const opened: [DedupeStore, string][] = [];
      const context: StoreCaseContext = {
        open: async (prefix = `hl-${Math.random().toString(36).slice(2, 10)}-`) => {
          const store = await options.create({ prefix });
          opened.push([store, prefix]);
          return store;
        },
        lease: options.shortLeaseMs ?? 250,
        concurrency: options.concurrency ?? 64,
      };
      try {
        await CASES[name](context);
      } finally {
        await closeAll(options, opened);
      }
    };
    const reason = skipReason.get(name);
    return { name, run, ...(reason === undefined ? {} : { skip: reason }) };
  });
  registerSuite('describeStore', runner, `DedupeStore conformance: ${options.name}`, cases, 30_000);
}
