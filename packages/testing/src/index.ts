/**
 * @hooklatch/testing: prove a dedupe store, an inbox or an adapter with the suites hooklatch
 * uses, under any test runner. This entry imports no runner: pass `{ describe, it }` (from
 * `node:test`, Jest, Mocha) to the `describe*` suites, or import them already bound to vitest
 * from `@hooklatch/testing/vitest`.
 *
 * - `describeStore` runs the DedupeStore conformance suite; `runClaimRace` races OS processes.
 * - `describeAdapter` runs the adapter conformance suite over any adapter with a `sign`:
 *   authentic, forged, tampered, re-serialized, malformed, deeply nested, parsed, oversize and
 *   misrouted deliveries, and once-only processing. `adapterChecks` gives the same checks as
 *   plain async functions.
 * - `assertProcessedOnce` delivers one signed body concurrently and again later, and checks the
 *   handler ran once.
 * - `expectHooklatchError` asserts an error's code and status, and that it leaks no secret;
 *   `refusalsOf(adapter)` binds it to parseEvent for a file of bad-input tests.
 * - `schemaPolicyChecks` checks `schemaPolicy: 'reject'` and `'envelope'` on a body that fails
 *   its typed schema; spread it into `additionalTests`, or register it with any runner.
 *
 * @module
 */

export { adapterChecks } from './adapter-checks';
export type {
  AdapterCheck,
  AdapterSkip,
  AdapterTestContext,
  AdapterTestName,
  DescribeAdapterOptions,
} from './adapter-options';
export { ADAPTER_TESTS, SKIPPABLE_ADAPTER_TESTS } from './adapter-options';
export type { ClaimRaceOptions, ClaimRaceReport } from './claim-race';
export { runClaimRace } from './claim-race';
export { nestedJson, withNestedMember } from './deep-json';
export { describeAdapter } from './describe-adapter';
export type { DescribeStoreOptions, StoreSkip, StoreTestName } from './describe-store';
export { describeStore, STORE_TESTS } from './describe-store';
export type { AssertProcessedOnceOptions, ProcessedOnceReport } from './duplicate-delivery';
export { assertProcessedOnce } from './duplicate-delivery';
export type { ExpectedHooklatchError } from './expect-error';
export { expectHooklatchError } from './expect-error';
// The inbox conformance suite and its helpers (describeInbox, tcpProxy...).
export * from './inbox-api';
export type { RefusalOptions, Refuses } from './refusals';
export { refusalsOf } from './refusals';
export type { RegisterTest, TestRunner } from './runner';
export { schemaPolicyChecks } from './schema-policy-checks';
export type {
  ExpectedEnvelopeEvent,
  SchemaPolicyBody,
  SchemaPolicyCheckOptions,
} from './schema-policy-options';
