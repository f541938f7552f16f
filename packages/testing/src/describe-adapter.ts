/**
 * The adapter conformance suite, registered with any test runner. Every adapter hooklatch ships
 * runs it, and so can yours; deliveries come from the adapter's own `sign`:
 *
 * ```ts
 * import { describe, it } from 'node:test'; // or Jest's, Mocha's...
 * describeAdapter(
 *   { name: 'acme', adapter: () => acme({ secret }), body: '{"id":"evt_1"}', secrets: [secret] },
 *   { describe, it },
 * );
 * ```
 *
 * With vitest, import it from `@hooklatch/testing/vitest` and leave out the runner.
 */
import { adapterChecks } from './adapter-checks';
import type { DescribeAdapterOptions } from './adapter-options';
import { registerSuite, type TestRunner } from './runner';

/**
 * Register the adapter conformance checks with `runner` (default: the global `describe`/`it`);
 * skipped checks show their reason.
 */
export function describeAdapter(options: DescribeAdapterOptions, runner?: TestRunner): void {
  const checks = adapterChecks(options);
  registerSuite('describeAdapter', runner, `adapter conformance: ${options.name}`, checks);
}
