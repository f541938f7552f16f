/**
 * The adapter conformance checks, as plain async functions: what every hooklatch adapter must do
 * with authentic, forged, malformed and misrouted deliveries. `describeAdapter` registers them
 * with vitest; they throw plain errors, so they run under any runner (and can be tested against
 * deliberately broken adapters).
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import {
  type DeliveryInput,
  type ParseEventOptions,
  parseEvent,
  VerificationError,
  type WebhookAdapter,
  type WebhookEvent,
} from '@hooklatch/core';
import { inputChecks } from './adapter-checks-input';
import { assertProcessedOnce } from './duplicate-delivery';
import { expectHooklatchError } from './expect-error';

/** Names of the checks, for `skip`. */
export const ADAPTER_TESTS = [
  'parses an authentic delivery',
  'Request, Node stream and plain input give one event',
  'a retry gets the same dedupe key',
  'concurrent copies run the handler once',
  'a tampered body is rejected',
  'missing credentials are rejected',
  'wrong credentials are rejected',
  'malformed JSON is rejected',
  'deeply nested JSON is refused',
  'a parsed body is refused',
  'an oversize body is refused',
  'other methods are refused',
] as const;

/** One check's name. */
export type AdapterTestName = (typeof ADAPTER_TESTS)[number];

/**
 * Checks that may be skipped, each for a reason an adapter can really have: credential schemes
 * (basic, bearer, API key) do not cover the body, and an adapter made with `verify: false` has
 * no credentials at all. Dedupe, raw-body and input-limit checks can never be skipped.
 */
export const SKIPPABLE_ADAPTER_TESTS: ReadonlySet<AdapterTestName> = new Set([
  'a tampered body is rejected',
  'missing credentials are rejected',
  'wrong credentials are rejected',
]);

/** Headers (and optionally the method) that authenticate one body. */
export interface AuthenticatedHeaders {
  headers: Record<string, string>;
  method?: string;
}

/** A skip entry: which checks, and the reason shown in the test name. */
export interface AdapterSkip {
  reason: string;
  tests: AdapterTestName[];
}

/** Options of {@link adapterChecks} and `describeAdapter`. */
export interface DescribeAdapterOptions {
  /** Suite name, e.g. `qualio (hmac)`. */
  name: string;
  /** Create the adapter under test (called once per check). */
  adapter: () => WebhookAdapter<WebhookEvent>;
  /** A valid body, exactly as the provider sends it. */
  body: string;
  /**
   * Headers for `body`, signed or credentialed as the provider does it. Every call must describe
   * the same event (a retry): keep ID headers fixed; timestamps may move.
   */
  deliver: (body: string) => AuthenticatedHeaders;
  /** The same with a wrong secret or wrong credentials. Required unless that check is skipped. */
  forge?: (body: string) => AuthenticatedHeaders;
  /** Headers that carry the signature or credentials. Required unless that check is skipped. */
  authHeaders?: readonly string[];
  /** Secrets, keys and passwords in play: no error may show one. @default [] */
  secrets?: readonly string[];
  /** Checks this adapter cannot pass for a stated reason (see SKIPPABLE_ADAPTER_TESTS). */
  skip?: AdapterSkip[];
  /** Passed to every parseEvent call (e.g. a fixed `receivedAt` for signed timestamps). */
  parseOptions?: ParseEventOptions;
  /**
   * The adapter's `maxDepth`: a body one level deeper must be PAYLOAD_TOO_DEEP, and so must
   * 10,000 and 100,000 levels, each refused within 2 s.
   * @default 128 (DEFAULT_MAX_DEPTH)
   */
  maxDepth?: number;
}

/** One runnable check. */
export interface AdapterCheck {
  name: AdapterTestName;
  /** Set when the check is skipped, with the reason. */
  skip?: string;
  run: () => Promise<void>;
}

function nodeRequest(method: string, headers: Record<string, string>, body: string) {
  // What an http.IncomingMessage offers hooklatch: a byte stream with method and headers.
  return Object.assign(Readable.from([Buffer.from(body, 'utf8')]), { method, headers });
}

/** Build the checks for one adapter. Throws at once for a skip that is not allowed. */
export function adapterChecks(options: DescribeAdapterOptions): AdapterCheck[] {
  const skipped = new Map<AdapterTestName, string>();
  for (const entry of options.skip ?? []) {
    for (const test of entry.tests) {
      if (!SKIPPABLE_ADAPTER_TESTS.has(test)) {
        throw new Error(`describeAdapter: "${test}" is not optional and cannot be skipped.`);
      }
      skipped.set(test, entry.reason);
    }
  }
  const secrets = options.secrets ?? [];
  const plain = (body: string, auth = options.deliver(body)): DeliveryInput => ({
    method: auth.method ?? 'POST',
    headers: auth.headers,
    body,
  });
  const parse = (input: DeliveryInput, extra: ParseEventOptions = {}) =>
    parseEvent(options.adapter(), input, { ...options.parseOptions, ...extra });
  const required = <T>(value: T | undefined, what: string, test: AdapterTestName): T => {
    if (value === undefined) throw new Error(`describeAdapter: "${test}" needs \`${what}\`.`);
    return value;
  };

  const runs: Record<AdapterTestName, () => Promise<void>> = {
    'parses an authentic delivery': async () => {
      const adapter = options.adapter();
      const event = await parse(plain(options.body));
      assert.equal(event.provider, adapter.name);
      assert.ok(event.id.length > 0, 'the event has an empty id');
      assert.equal(event.dedupeKey, `${adapter.name}:${event.id}`);
      assert.ok(['event', 'delivery', 'fingerprint'].includes(event.idSource));
      assert.ok(typeof event.type === 'string' && event.type.length > 0, 'the event has no type');
      assert.ok(!Number.isNaN(event.occurredAt.getTime()), 'occurredAt is not a valid date');
      assert.equal(event.retentionMs, adapter.retentionMs);
    },
    'Request, Node stream and plain input give one event': async () => {
      const auth = options.deliver(options.body);
      const method = auth.method ?? 'POST';
      const request = new Request('https://hooklatch.test/webhooks', {
        method,
        headers: auth.headers,
        body: options.body,
      });
      const events = [
        await parse(plain(options.body, auth)),
        await parse(request),
        await parse(nodeRequest(method, auth.headers, options.body)),
      ];
      for (const event of events.slice(1)) {
        assert.equal(event.dedupeKey, events[0]?.dedupeKey);
        assert.equal(event.type, events[0]?.type);
        assert.deepEqual(event.payload, events[0]?.payload);
      }
    },
    'a retry gets the same dedupe key': async () => {
      const first = await parse(plain(options.body));
      const retry = await parse(plain(options.body));
      assert.equal(retry.dedupeKey, first.dedupeKey);
      // Same body, same digest: otherwise processOnce would answer the retry `mismatch`.
      assert.match(first.digest ?? '', /^[\x21-\x7e]{1,128}$/, 'the event has no storable digest');
      assert.equal(retry.digest, first.digest, 'a retry changed the event digest');
    },
    'concurrent copies run the handler once': async () => {
      await assertProcessedOnce({
        adapter: options.adapter(),
        request: () => plain(options.body),
        ...(options.parseOptions === undefined ? {} : { parseOptions: options.parseOptions }),
      });
    },
    'a tampered body is rejected': async () => {
      // Trailing whitespace keeps the JSON valid, so only the signature can catch it.
      const tampered = { ...plain(options.body), body: `${options.body} ` };
      await expectHooklatchError(parse(tampered), {
        code: 'SIGNATURE_INVALID',
        httpStatus: 401,
        class: VerificationError,
        secrets,
      });
    },
    'missing credentials are rejected': async () => {
      const names = required(
        options.authHeaders,
        'authHeaders',
        'missing credentials are rejected',
      );
      const drop = new Set(names.map((name) => name.toLowerCase()));
      const auth = options.deliver(options.body);
      const headers = Object.fromEntries(
        Object.entries(auth.headers).filter(([name]) => !drop.has(name.toLowerCase())),
      );
      await expectHooklatchError(parse(plain(options.body, { ...auth, headers })), {
        code: 'SIGNATURE_MISSING',
        httpStatus: 401,
        class: VerificationError,
        secrets,
      });
    },
    'wrong credentials are rejected': async () => {
      const forge = required(options.forge, 'forge', 'wrong credentials are rejected');
      await expectHooklatchError(parse(plain(options.body, forge(options.body))), {
        code: 'SIGNATURE_INVALID',
        httpStatus: 401,
        class: VerificationError,
        secrets,
      });
    },
    ...inputChecks({ options, parse, plain, secrets }),
  };

  return ADAPTER_TESTS.map((name) => {
    const reason = skipped.get(name);
    return { name, run: runs[name], ...(reason === undefined ? {} : { skip: reason }) };
  });
}
