/**
 * The adapter check on a provider's retry: the same event sent again, signed again and later,
 * must get the same dedupe key and digest, or `processOnce` runs it twice (a key that includes
 * the signing time) or answers it `mismatch` (a digest that does).
 */
import assert from 'node:assert/strict';
import type { DescribeAdapterOptions } from './adapter-options';
import type { AdapterSession } from './adapter-session';

/** How much later the retry is signed and received: inside every default tolerance. */
export const RETRY_AFTER_MS = 60_000;

/** What the retry check needs from `adapterChecks`. */
export interface RetryCheckContext {
  options: DescribeAdapterOptions;
  /** A session over a fresh adapter. */
  session: () => AdapterSession;
}

export function retryChecks({ options, session }: RetryCheckContext) {
  return {
    'a retry gets the same dedupe key': async () => {
      const s = session();
      const receivedAt = options.parseOptions?.receivedAt ?? new Date();
      const signedAt = options.signOptions?.timestamp ?? receivedAt;
      const later = (date: Date) => new Date(date.getTime() + RETRY_AFTER_MS);
      const original = s.deliver(undefined, { timestamp: signedAt });
      const resent = s.deliver(undefined, { timestamp: later(signedAt) });
      // Received as much later as it was signed. A scheme whose signature carries no time
      // (none, or one in the body, which the suite's fixed body cannot re-stamp) is received
      // at the original's time: its retry is the same delivery.
      const stamped = JSON.stringify(resent.headers) !== JSON.stringify(original.headers);
      const first = await s.parse(original, { receivedAt });
      const retry = await s.parse(resent, { receivedAt: stamped ? later(receivedAt) : receivedAt });
      assert.equal(retry.dedupeKey, first.dedupeKey, 'a retry signed later got another key');
      // Same body, same digest: otherwise processOnce would answer the retry `mismatch`.
      assert.match(first.digest ?? '', /^[\x21-\x7e]{1,128}$/, 'the event has no storable digest');
      assert.equal(retry.digest, first.digest, 'a retry changed the event digest');
    },
  };
}
