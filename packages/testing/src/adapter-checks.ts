/**
 * The adapter conformance checks, as plain async functions: what every hooklatch adapter must do
 * with authentic, forged, tampered, malformed and misrouted deliveries. Every delivery comes from
 * the adapter's own `sign`. `describeAdapter` registers the checks with a test runner; they
 * throw plain errors (node:assert), so they also run with no runner at all, and can be tested
 * against deliberately broken adapters.
 */
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import type { DeliveryInput } from '@hooklatch/core';
import { authChecks } from './adapter-checks-auth';
import { inputChecks } from './adapter-checks-input';
import { retryChecks } from './adapter-checks-retry';
import { signatureChecks } from './adapter-checks-signature';
import {
  ADAPTER_TESTS,
  type AdapterCheck,
  type AdapterTestName,
  type DescribeAdapterOptions,
  SKIPPABLE_ADAPTER_TESTS,
} from './adapter-options';
import { adapterSession } from './adapter-session';
import { assertProcessedOnce } from './duplicate-delivery';
import { secretForms } from './hidden-values';
import { oneByteChanged, reserializedBody } from './tampered-bodies';

function nodeRequest(method: string, headers: Readonly<Record<string, string>>, body: string) {
  // What an http.IncomingMessage offers hooklatch: a byte stream with method and headers.
  const bytes = new TextEncoder().encode(body);
  return Object.assign(Readable.from([bytes]), { method, headers: { ...headers } });
}

function skipReasons(options: DescribeAdapterOptions): Map<string, string> {
  const skipped = new Map<string, string>();
  for (const entry of options.skip ?? []) {
    for (const test of entry.tests) {
      if (!SKIPPABLE_ADAPTER_TESTS.has(test)) {
        throw new Error(`describeAdapter: "${test}" is not optional and cannot be skipped.`);
      }
      skipped.set(test, entry.reason);
    }
  }
  return skipped;
}

const TAMPER_CHECKS: ReadonlySet<AdapterTestName> = new Set([
  'a tampered body is rejected',
  'a re-serialized body is rejected',
  'one changed byte is rejected',
]);
const CREDENTIAL_CHECKS: ReadonlySet<AdapterTestName> = new Set([
  'missing credentials are rejected',
  'wrong credentials are rejected',
  'a truncated, emptied or altered credential is rejected',
]);

/**
 * For `auth: 'credential' | 'none'`: the checks whose rejection the scheme cannot give, turned
 * into assertions of what it does instead (the delivery still parses), under names that say so.
 */
function uncoveredChecks(
  options: DescribeAdapterOptions,
  session: () => ReturnType<typeof adapterSession>,
): Map<AdapterTestName, AdapterCheck> {
  const auth = options.auth ?? 'signature';
  const out = new Map<AdapterTestName, AdapterCheck>();
  if (auth === 'signature') return out;
  const accepted = (name: string, change: (s: ReturnType<typeof adapterSession>) => object) => ({
    name,
    run: async () => {
      const s = session();
      const event = await s.parse({ ...s.deliver(), ...change(s) } as DeliveryInput);
      assert.equal(event.provider, s.adapter.name);
    },
  });
  const bodies: Record<string, (body: string) => string> = {
    'a tampered body is rejected': (body) => `${body} `,
    'a re-serialized body is rejected': reserializedBody,
    'one changed byte is rejected': oneByteChanged,
  };
  for (const name of TAMPER_CHECKS) {
    const edit = bodies[name] as (body: string) => string;
    const label = name.replace(' is rejected', ' passes: the credential does not cover the body');
    out.set(
      name,
      accepted(label, () => ({ body: edit(options.body) })),
    );
  }
  if (auth === 'none') {
    for (const name of CREDENTIAL_CHECKS) {
      const label = name.replace(' are rejected', ' pass: the adapter verifies nothing');
      out.set(
        name,
        accepted(label, (s) => ({ headers: { ...s.forge().headers } })),
      );
    }
  }
  return out;
}

/** The `additionalTests` checks, named apart from the built-in ones. */
function additionalChecks(options: DescribeAdapterOptions): AdapterCheck[] {
  if (options.additionalTests === undefined) return [];
  const builtIn = new Set<string>(ADAPTER_TESTS);
  const extra = options.additionalTests(adapterSession(options));
  return Object.entries(extra).map(([name, run]) => {
    if (builtIn.has(name)) {
      throw new Error(`describeAdapter: additional test "${name}" repeats a built-in check.`);
    }
    if (typeof run !== 'function') {
      throw new TypeError(`describeAdapter: additional test "${name}" is not a function.`);
    }
    return { name, run };
  });
}

/**
 * Build the checks for one adapter: the built-in ones in {@link ADAPTER_TESTS} order, then the
 * `additionalTests`. Throws at once for a skip that is not allowed.
 */
export function adapterChecks(options: DescribeAdapterOptions): AdapterCheck[] {
  const skipped = skipReasons(options);
  // The configured secrets first (failure messages name them by position), then their forms.
  const secrets = secretForms(options.secrets ?? []);
  const session = () => adapterSession(options);

  const runs: Record<AdapterTestName, () => Promise<void>> = {
    'parses an authentic delivery': async () => {
      const s = session();
      const event = await s.parse(s.deliver());
      const { name, retentionMs } = s.adapter;
      assert.equal(event.provider, name);
      assert.ok(event.id.length > 0, 'the event has an empty id');
      // A tenant a `secrets` resolver named namespaces the key (`name@tenant:id`); a
      // `meta.tenant` of the adapter's own does not.
      const { tenant } = event.meta as { tenant?: unknown };
      const keys = [`${name}:${event.id}`, `${name}@${String(tenant)}:${event.id}`];
      assert.ok(
        keys.includes(event.dedupeKey),
        `dedupeKey ${event.dedupeKey} is not ${name}:<id> (or ${name}@<tenant>:<id>)`,
      );
      assert.ok(['event', 'delivery', 'fingerprint'].includes(event.idSource));
      assert.ok(typeof event.type === 'string' && event.type.length > 0, 'the event has no type');
      assert.ok(!Number.isNaN(event.occurredAt.getTime()), 'occurredAt is not a valid date');
      assert.equal(event.retentionMs, retentionMs);
    },
    'Request, Node stream and plain input give one event': async () => {
      const s = session();
      const signed = s.deliver();
      const request = new Request('https://hooklatch.test/webhooks', {
        method: signed.method,
        headers: signed.headers,
        body: options.body,
      });
      const events = [
        await s.parse(signed),
        await s.parse(request),
        await s.parse(nodeRequest(signed.method, signed.headers, options.body)),
      ];
      for (const event of events.slice(1)) {
        assert.equal(event.dedupeKey, events[0]?.dedupeKey);
        assert.equal(event.type, events[0]?.type);
        assert.deepEqual(event.payload, events[0]?.payload);
      }
    },
    ...retryChecks({ options, session }),
    'concurrent copies run the handler once': async () => {
      await assertProcessedOnce({
        adapter: options.adapter(),
        body: options.body,
        headers: options.headers ?? {},
        signOptions: options.signOptions ?? {},
        parseOptions: options.parseOptions ?? {},
      });
    },
    ...authChecks({ options, session, secrets }),
    ...signatureChecks({
      session,
      secrets,
      receivedAt: () => options.parseOptions?.receivedAt ?? new Date(),
      fixedSecret: options.signOptions?.secret !== undefined,
      toleranceSeconds: options.toleranceSeconds,
      signedAt: () => options.signOptions?.timestamp ?? new Date(),
    }),
    ...inputChecks({ options, session, secrets }),
  };

  const uncovered = uncoveredChecks(options, session);
  const builtIn = ADAPTER_TESTS.map((name): AdapterCheck => {
    const inverted = uncovered.get(name);
    if (inverted !== undefined) return inverted;
    const reason = skipped.get(name);
    return { name, run: runs[name], ...(reason === undefined ? {} : { skip: reason }) };
  });
  return [...builtIn, ...additionalChecks(options)];
}
