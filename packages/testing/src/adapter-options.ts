/**
 * What the adapter conformance suite is given, and the names of its checks. The suite derives
 * every delivery from the adapter's own `sign`, so an adapter proves its verifier and its signer
 * against each other without a hand-written request builder.
 */
import type {
  DeliveryInput,
  ParseEventOptions,
  SignedDelivery,
  SignOptions,
  WebhookAdapter,
  WebhookEvent,
} from '@hooklatch/core';

/** Names of the built-in checks, for `skip`. */
export const ADAPTER_TESTS = [
  'parses an authentic delivery',
  'sign and verify round-trip',
  'Request, Node stream and plain input give one event',
  'a retry gets the same dedupe key',
  'concurrent copies run the handler once',
  'a tampered body is rejected',
  'a re-serialized body is rejected',
  'one changed byte is rejected',
  'missing credentials are rejected',
  'wrong credentials are rejected',
  'a truncated, emptied or altered credential is rejected',
  'timestamps outside the tolerance, or rewritten, are rejected',
  'each configured key reports its keyIndex',
  'malformed JSON is rejected',
  'deeply nested JSON is refused',
  'a parsed body is refused',
  'an oversize body is refused',
  'other methods are refused',
] as const;

/** One built-in check's name. */
export type AdapterTestName = (typeof ADAPTER_TESTS)[number];

/**
 * Checks that may be skipped, each for a reason an adapter can really have: credential schemes
 * (basic, bearer, API key) do not cover the body, so the three tamper checks cannot pass; an
 * adapter made with `verify: false` has no credentials at all. Dedupe, raw-body and input-limit
 * checks can never be skipped.
 */
export const SKIPPABLE_ADAPTER_TESTS: ReadonlySet<AdapterTestName> = new Set([
  'a tampered body is rejected',
  'a re-serialized body is rejected',
  'one changed byte is rejected',
  'missing credentials are rejected',
  'wrong credentials are rejected',
  'a truncated, emptied or altered credential is rejected',
  // An adapter configured with no tolerance on purpose.
  'timestamps outside the tolerance, or rewritten, are rejected',
  // An adapter whose sign() signs with every key at once (`v1=a v1=b`): the first key matches.
  'each configured key reports its keyIndex',
]);

/** A skip entry: which checks, and the reason shown in the test name. */
export interface AdapterSkip {
  reason: string;
  tests: AdapterTestName[];
}

/** What an `additionalTests` check gets: the suite's adapter and its way of delivering. */
export interface AdapterTestContext {
  /** The adapter under test (one instance, created on first use). */
  readonly adapter: WebhookAdapter<WebhookEvent>;
  /**
   * `adapter.sign` with the suite's `headers` and `signOptions`; `signOptions` given here win
   * (their `headers` are merged in). @default body: the suite's `body`
   */
  deliver(body?: string | Uint8Array, signOptions?: SignOptions): SignedDelivery;
  /** `parseEvent` with the adapter and the suite's `parseOptions` (merged with these). */
  parse(input: DeliveryInput, parseOptions?: ParseEventOptions): Promise<WebhookEvent>;
}

/** Options of `adapterChecks` and `describeAdapter`. */
export interface DescribeAdapterOptions {
  /** Suite name, e.g. `qualio (hmac)`. */
  name: string;
  /** Create the adapter under test (called once per check). It must have `sign`. */
  adapter: () => WebhookAdapter<WebhookEvent>;
  /** A valid body, exactly as the provider sends it. */
  body: string;
  /**
   * Headers a delivery needs besides its credentials (event type, delivery ID...). A retry
   * sends the same ones, so keep ID headers fixed. @default {}
   */
  headers?: Record<string, string>;
  /** Passed to every `adapter.sign` call, e.g. a fixed `timestamp`. @default {} */
  signOptions?: SignOptions;
  /**
   * A wrong secret or key for the forged delivery, in the format the adapter's `sign` takes.
   * @default a fixed string that is also a well-formed `whsec_` base64 secret
   */
  forgeSecret?: string | Uint8Array;
  /** Secrets, keys and passwords in play: no error may show one. @default [] */
  secrets?: readonly string[];
  /**
   * What the adapter's authentication covers. `'signature'`: the body is signed, so every
   * change to it is a 401. `'credential'` (basic, bearer, API key): the credential travels beside
   * the body, so the three tamper checks assert the opposite, that a changed body still passes
   * (what the docs must warn about), instead of being skipped. `'none'` (`verify: false`): the
   * credential checks too assert that anything passes.
   * @default 'signature'
   */
  auth?: 'signature' | 'credential' | 'none';
  /** Checks this adapter cannot pass for a stated reason (see SKIPPABLE_ADAPTER_TESTS). */
  skip?: AdapterSkip[];
  /** Passed to every parseEvent call (e.g. a fixed `receivedAt` for a fixed `timestamp`). */
  parseOptions?: ParseEventOptions;
  /**
   * The adapter's `maxDepth`: a body one level deeper must be PAYLOAD_TOO_DEEP, and so must
   * 10,000 and 100,000 levels, each refused within 2 s.
   * @default 128 (DEFAULT_MAX_DEPTH)
   */
  maxDepth?: number;
  /**
   * The timestamp tolerance the adapter is configured with, in seconds. When given, the
   * timestamp check also signs just inside it (accepted) and just past it (refused), in the past
   * and the future: a tolerance read in another unit (300 taken as minutes) fails.
   * @default undefined (only deliveries two days off are checked)
   */
  toleranceSeconds?: number;
  /**
   * Checks of the adapter's own (key rotation, provider-specific headers...), by name, run with
   * the built-in ones. A name may not repeat a built-in check's.
   */
  additionalTests?: (context: AdapterTestContext) => Record<string, () => Promise<void>>;
}

/** One runnable check. */
export interface AdapterCheck {
  /** An {@link AdapterTestName}, or the name of an `additionalTests` check. */
  name: string;
  /** Set when the check is skipped, with the reason. */
  skip?: string;
  run: () => Promise<void>;
}
