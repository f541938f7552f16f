/**
 * The adapter conformance suite for vitest. Every adapter hooklatch ships runs it, and so can
 * yours:
 *
 * ```ts
 * describeAdapter({
 *   name: 'acme',
 *   adapter: () => acme({ secret }),
 *   body: JSON.stringify({ id: 'evt_1', type: 'order.paid' }),
 *   deliver: (body) => ({ headers: { 'x-acme-signature': sign(secret, body) } }),
 *   forge: (body) => ({ headers: { 'x-acme-signature': sign('wrong', body) } }),
 *   authHeaders: ['x-acme-signature'],
 *   secrets: [secret],
 * });
 * ```
 */
import { describe, it } from 'vitest';
import { adapterChecks, type DescribeAdapterOptions } from './adapter-checks';

/** Register the adapter conformance checks with vitest; skipped checks show their reason. */
export function describeAdapter(options: DescribeAdapterOptions): void {
  const checks = adapterChecks(options);
  describe(`adapter conformance: ${options.name}`, () => {
    for (const check of checks) {
      if (check.skip === undefined) it(check.name, check.run);
      else it.skip(`${check.name} (skipped: ${check.skip})`, check.run);
    }
  });
}
