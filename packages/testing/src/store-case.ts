/**
 * Shared pieces of the `describeStore` case files: what a case receives, and the small helpers
 * every case uses. Cases live in `store-cases-*.ts`, one concern per file.
 */
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

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The token of a claim that must have succeeded; throws (failing the case) otherwise. */
export function claimedToken(result: ClaimResult, what = 'the claim'): string {
  if (result.status !== 'claimed')
    throw new Error(`expected ${what} to be claimed, got ${result.status}`);
  return result.token;
}
