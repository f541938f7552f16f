/**
 * Shared pieces of the `describeInbox` case files: what a case receives and the helpers every
 * case uses. Cases live in `inbox-cases-*.ts`, one concern per file.
 */

import assert from 'node:assert/strict';
import type { InboxClaim, InboxDelivery, InboxStore } from '@hooklatch/core';

/** A backend-specific store outage, for the outage case. */
export interface InboxOutage {
  /** An inbox whose every call goes through the part that will fail. */
  inbox: InboxStore;
  /** Make the store unreachable: drop its connections and refuse new ones. */
  begin(): Promise<void>;
  /** Make it reachable again. */
  end(): Promise<void>;
  /** Close what the outage set up. */
  close(): Promise<void>;
}

/** How child processes build the inbox, for the cross-process cases. */
export interface InboxProcessFactory {
  /**
   * Absolute path of a module exporting `createInbox(queue: string): Promise<InboxStore>` (and
   * optionally `closeInbox(inbox)`). TypeScript is fine: children run with tsx.
   */
  factoryModule: string;
  /** Extra environment for the children (a database file, a table name...). */
  env?: Record<string, string>;
}

/** What one case gets from `describeInbox`. */
export interface InboxCaseContext {
  /** A fresh inbox in a queue of its own (or `queue`), closed after the test. */
  open(queue?: string): Promise<InboxStore>;
  /** A new unique queue name. */
  queue(): string;
  /** The short lease of the lease cases, in ms. */
  lease: number;
  /** Set when the backend can stage an outage. */
  outage?: (queue: string) => Promise<InboxOutage>;
  /** Set when children can open the same inbox. */
  processes?: InboxProcessFactory;
}

/** One conformance case. */
export type InboxCase = (context: InboxCaseContext) => Promise<void>;

/** A lease no case outlives. */
export const LONG_LEASE = 60_000;

/** The error the cases fail or dead-letter an entry with. */
export const ERROR = { code: 'E_TEST', message: 'planned failure' };

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Bytes that are not UTF-8 (a lone continuation byte, 0xff, NUL): they must round-trip. */
export const BINARY = new Uint8Array([0x7b, 0x00, 0xff, 0x80, 0xfe, 0x0a, 0x22, 0x7d]);

/** A delivery for `key` with small, distinctive content. */
export function delivery(key: string, overrides: Partial<InboxDelivery> = {}): InboxDelivery {
  return {
    key,
    provider: 'inboxtest',
    type: 'thing.happened',
    method: 'POST',
    headers: { 'x-inboxtest-signature': 'ab12', 'content-type': 'application/json' },
    body: new TextEncoder().encode(JSON.stringify({ id: key })),
    receivedAt: new Date('2024-05-06T07:08:09.123Z'),
    ...overrides,
  };
}

/** Claim exactly one entry, failing the case otherwise. */
export async function claimOne(inbox: InboxStore, leaseMs = LONG_LEASE): Promise<InboxClaim> {
  const claims = await inbox.claim({ leaseMs, limit: 1 });
  assert.equal(claims.length, 1, 'one claimable entry');
  return claims[0] as InboxClaim;
}

/** Poll `check` every 25 ms until it is true; fail with `what` after `timeoutMs`. */
export async function eventually(
  check: () => Promise<boolean> | boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(25);
  }
  throw new Error(`timed out waiting until ${what}`);
}
