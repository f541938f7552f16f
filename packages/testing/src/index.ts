/**
 * @hooklatch/testing: prove a dedupe store or an adapter with the same suites hooklatch uses.
 *
 * - `describeStore` runs the DedupeStore conformance and race suite (vitest).
 * - `describeAdapter` runs the adapter conformance suite: authentic, forged, tampered, malformed,
 *   deeply nested, parsed, oversize and misrouted deliveries, and once-only processing.
 * - `assertProcessedOnce` delivers one signed request twice and concurrently, and checks the
 *   handler ran once.
 * - `expectHooklatchError` asserts an error's code and status, and that it leaks no secret.
 * - `signed*Request` builders create deliveries signed exactly as each provider signs them.
 *
 * @module
 */

export type {
  AdapterCheck,
  AdapterSkip,
  AdapterTestName,
  AuthenticatedHeaders,
  DescribeAdapterOptions,
} from './adapter-checks';
export { ADAPTER_TESTS, adapterChecks, SKIPPABLE_ADAPTER_TESTS } from './adapter-checks';
export type { ClaimRaceOptions, ClaimRaceReport } from './claim-race';
export { runClaimRace } from './claim-race';
export { nestedJson, withNestedMember } from './deep-json';
export { describeAdapter } from './describe-adapter';
export type { DescribeStoreOptions, StoreSkip, StoreTestName } from './describe-store';
export { describeStore, STORE_TESTS } from './describe-store';
// The inbox conformance suite and its helpers (describeInbox, tcpProxy...).
export * from './inbox-api';
export type { AssertProcessedOnceOptions, ProcessedOnceReport } from './duplicate-delivery';
export { assertProcessedOnce } from './duplicate-delivery';
export type { ExpectedHooklatchError } from './expect-error';
export { expectHooklatchError } from './expect-error';
// Signed request builders, one file per provider (add one export line per provider below).
export type { CreatioRequestAuth, SignedCreatioRequestOptions } from './providers/creatio';
export { signedCreatioRequest } from './providers/creatio';
export type { SignedGithubRequestOptions } from './providers/github';
export { signedGithubRequest } from './providers/github';
export type {
  SignedQualioRequest,
  SignedQualioRequestAuth,
  SignedQualioRequestOptions,
} from './providers/qualio';
export { signedQualioRequest } from './providers/qualio';
export type { SignedShopifyRequestOptions } from './providers/shopify';
export { signedShopifyRequest } from './providers/shopify';
export type {
  SignedStandardWebhooksRequest,
  SignedStandardWebhooksRequestOptions,
  StandardWebhooksKeyPair,
} from './providers/standard-webhooks';
export {
  signedStandardWebhooksRequest,
  standardWebhooksKeyPair,
  standardWebhooksSecret,
} from './providers/standard-webhooks';
export type { SignedStripeRequestOptions } from './providers/stripe';
export { signedStripeRequest } from './providers/stripe';
export type { ServerName } from './require-server';
export { SERVER_URL_ENV, serverUrl } from './require-server';
