/**
 * Shared pieces of the `describeStore` case files: what a case receives, and the small helpers
 * every case uses. Cases live in `store-cases-*.ts`, one concern per file.
 */
import assert from 'node:assert/strict';
import type { ClaimResult, DedupeStore } from '@hooklatch/core';

/** What one conformance case gets from `describeStore`. */
export interface StoreCaseContext {
  /** A fresh store under a unique prefix (or `prefix`), closed after the test. */
  open: (prefix?: string) => Promise<DedupeStore>;
  /** The short lease of the expiry cases, in ms (`shortLeaseMs`). */
  lease: number;
  /** Number of concurrent claimers in the race case. */
  concurrency: number;
}

/** One conformance case. */
export type StoreCase = (context: StoreCaseContext) => Promise<void>;

/** A lease or TTL long enough that no case outlives it. */
export const LONG = 60_000;

/** Claim options with a lease and retention no case outlives. */
export const LONG_CLAIM = { leaseMs: LONG, ttlMs: LONG } as const;

/** A well-formed ulid that no store ever issued. */
export const FOREIGN_TOKEN = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The token of a claim that must have succeeded; throws (failing the case) otherwise. */
export function claimedToken(result: ClaimResult, what = 'the claim'): string {
  if (result.status !== 'claimed')
    throw new Error(`expected ${what} to be claimed, got ${result.status}`);
  return result.token;
}

/**
 * Each field of `expected` deep-equals the same field of `actual` (other fields are ignored):
 * what a case asserts about a record without pinning its every field.
 */
export function assertFields(actual: unknown, expected: Record<string, unknown>, what = 'value') {
  assert.ok(actual !== null && typeof actual === 'object', `${what} is ${String(actual)}`);
  for (const [field, value] of Object.entries(expected)) {
    assert.deepEqual((actual as Record<string, unknown>)[field], value, `${what}.${field}`);
  }
}
