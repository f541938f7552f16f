/**
 * The adapter conformance checks of @hooklatch/testing, run inside the runtime: plain async
 * functions that throw on failure, so no test runner is needed there. Every delivery comes
 * from the adapter's own `sign`. Answers each check's name and its failure, if any.
 */
import { standardWebhooks } from '@hooklatch/standard-webhooks';
import { stripe } from '@hooklatch/stripe';
import { type AdapterCheck, adapterChecks } from '@hooklatch/testing';
import { STANDARD_WEBHOOKS_SECRET, STRIPE_SECRET } from './app';

/** One check's result. */
export interface CheckResult {
  suite: string;
  name: string;
  /** The failure's message; absent when the check passed. */
  error?: string;
}

const STRIPE_BODY = JSON.stringify({
  id: 'evt_conformance_1',
  object: 'event',
  type: 'payout.paid',
  created: 1_721_954_100,
  livemode: false,
  data: { object: { id: 'po_1', object: 'payout' } },
});

const SW_BODY = JSON.stringify({
  type: 'invoice.paid',
  timestamp: '2025-01-05T10:15:32Z',
  data: { id: 'inv_1' },
});

function suites(): Array<[string, AdapterCheck[]]> {
  return [
    [
      'stripe',
      adapterChecks({
        name: 'stripe',
        adapter: () => stripe({ secret: STRIPE_SECRET }),
        body: STRIPE_BODY,
        secrets: [STRIPE_SECRET],
      }),
    ],
    [
      'standard-webhooks',
      adapterChecks({
        name: 'standard-webhooks',
        adapter: () => standardWebhooks({ secret: STANDARD_WEBHOOKS_SECRET }),
        body: SW_BODY,
        // A retry keeps webhook-id, the dedupe ID.
        headers: { 'webhook-id': 'msg_conformance' },
        secrets: [STANDARD_WEBHOOKS_SECRET],
      }),
    ],
  ];
}

/** Run every check of both suites, one after another. */
export async function runConformance(): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const [suite, checks] of suites()) {
    for (const check of checks) {
      if (check.skip !== undefined) throw new Error(`${suite}: "${check.name}" is skipped`);
      try {
        await check.run();
        results.push({ suite, name: check.name });
      } catch (error) {
        results.push({ suite, name: check.name, error: String((error as Error)?.message) });
      }
    }
  }
  return results;
}
