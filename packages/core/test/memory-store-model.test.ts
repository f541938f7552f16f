/**
 * Model-based (differential) test of `memoryStore`: long seeded random sequences of claim,
 * extend, complete, release, get, delete, list, close and invalid calls on an injected clock
 * that moves forward in random steps, each answer compared exactly with a model of the
 * DedupeStore contract (`support/dedupe-model.ts`). Scenarios cover a full store (STORE_FULL)
 * of 1, 3, 64, 100 and 5 000 records, slots freed and reused thousands of times, and enough
 * live keys to span three record pages. A failure names the scenario, seed and step; replay one
 * seed with `HOOKLATCH_MODEL_SEEDS=<seed> npx vitest run --project core test/memory-store-model`.
 */
import { describe, expect, it } from 'vitest';
import { PAGE_SLOTS } from '../src/store/slot-pages';
import { type ModelScenario, type ModelStats, runModel } from './support/model-driver';

const seedsFromEnv = process.env.HOOKLATCH_MODEL_SEEDS?.split(',').map(Number);
const seeds = (defaults: number[]): number[] => seedsFromEnv ?? defaults;

/** Every kind of call, answered every way; weights are relative. */
const MIXED = {
  claim: 40,
  extend: 10,
  complete: 15,
  release: 7,
  get: 14,
  delete: 5,
  list: 4,
  invalid: 2,
  close: 0.1,
};
const SHORT = { leases: [1, 2, 5, 10], ttls: [1, 3, 10, 30, 60], steps: [0, 0, 0, 1, 1, 2, 3, 7] };

const small: ModelScenario[] = [
  { name: 'maxEntries 1', maxEntries: 1, keys: 4, ops: 5_000, weights: MIXED, fresh: 0, ...SHORT },
  { name: 'maxEntries 3', maxEntries: 3, keys: 12, ops: 5_000, weights: MIXED, fresh: 0, ...SHORT },
  {
    name: 'maxEntries 64 (page 0 exactly)',
    maxEntries: 64,
    keys: 150,
    ops: 6_000,
    weights: MIXED,
    fresh: 0.2,
    leases: [1, 5, 20, 100],
    ttls: [20, 200, 2_000, 5_000],
    steps: [0, 0, 0, 1, 1, 2],
  },
  {
    name: 'maxEntries 100 (page 0 grows to the limit)',
    maxEntries: 100,
    keys: 300,
    ops: 6_000,
    weights: MIXED,
    fresh: 0.3,
    leases: [1, 5, 20, 100],
    ttls: [20, 200, 2_000, 5_000],
    steps: [0, 0, 0, 1, 1, 2],
  },
  {
    name: 'unbounded, 40 keys reused',
    maxEntries: Number.POSITIVE_INFINITY,
    keys: 40,
    ops: 6_000,
    weights: MIXED,
    fresh: 0,
    leases: [1, 3, 10],
    ttls: [1, 5, 20, 50],
    steps: [0, 0, 1, 2, 4, 9],
  },
];

/** Mostly claims of new keys, lists rare (each reads every live record). */
const BULK = {
  claim: 70,
  extend: 6,
  complete: 10,
  release: 3,
  get: 8,
  delete: 2,
  list: 0.02,
  invalid: 0.5,
};

const large: ModelScenario[] = [
  {
    name: 'maxEntries 5000 (full across a page boundary)',
    maxEntries: 5_000,
    keys: 12_000,
    ops: 32_000,
    weights: BULK,
    fresh: 0.6,
    hot: 0.3,
    leases: [5, 50, 1_000, 10_000],
    ttls: [1_000, 100_000, 100_000],
    steps: [0, 0, 0, 1, 1, 3],
    wave: { every: 16_000, jump: 10_000_000 },
  },
  {
    name: 'unbounded, three pages filled and emptied',
    maxEntries: Number.POSITIVE_INFINITY,
    keys: 40_000,
    ops: 52_000,
    weights: BULK,
    fresh: 0.65,
    hot: 0.3,
    leases: [5, 50, 5_000, 50_000],
    ttls: [1_000, 100_000, 100_000, 1_000_000, 1_000_000],
    steps: [0, 0, 0, 1, 1, 3],
    wave: { every: 26_000, jump: 10_000_000 },
  },
];

/** The run did exercise what it is meant to prove. */
function expectCoverage(stats: ModelStats, scenario: ModelScenario, reuse: number): void {
  const { counts } = stats;
  const seen = (name: string) => counts[name] ?? 0;
  for (const name of [
    'claim:claimed',
    'claim:takeover',
    'claim:in_flight',
    'claim:completed',
    'extend:true',
    'extend:false',
    'complete:true',
    'complete:false',
    'release:true',
    'release:false',
    'get:in_flight',
    'get:completed',
    'get:null',
    'delete:true',
    'delete:false',
    'list:ok',
    'invalid:CONFIG_INVALID',
    'extend:stale-owner',
    'complete:stale-owner',
  ]) {
    expect(seen(name), name).toBeGreaterThan(0);
  }
  // Slots freed and reused: far more records created than ever live at once.
  expect(stats.inserts).toBeGreaterThan(reuse * stats.peak);
  if (Number.isFinite(scenario.maxEntries)) {
    expect(seen('claim:STORE_FULL')).toBeGreaterThan(0);
    expect(stats.peak).toBe(scenario.maxEntries);
  }
}

describe('memoryStore against the contract model', () => {
  for (const scenario of small) {
    it.each(seeds([1, 2, 3]))(`${scenario.name}, seed %i`, async (seed) => {
      const stats = await runModel(scenario, seed);
      expectCoverage(stats, scenario, 5);
    });
  }

  for (const scenario of large) {
    it.each(seeds([11, 12]))(
      `${scenario.name}, seed %i`,
      async (seed) => {
        const stats = await runModel(scenario, seed);
        expectCoverage(stats, scenario, 1.5);
        if (!Number.isFinite(scenario.maxEntries)) {
          expect(stats.peak).toBeGreaterThan(2 * PAGE_SLOTS);
        }
      },
      20_000,
    );
  }
});
