/**
 * `schemaPolicyChecks`: what every adapter with typed schemas must do with an authentic body
 * that fails its type's schema (drift, not a malformed delivery), under `schemaPolicy:
 * 'reject'` and `'envelope'`, and with a `schemaPolicy` it does not know. The checks are plain
 * async functions by name, the shape `describeAdapter`'s `additionalTests` returns, so they
 * compose with the conformance suite or register with any runner on their own:
 *
 * ```ts
 * const checks = schemaPolicyChecks({ adapter: (schemaPolicy) => acme({ secret, schemaPolicy }), ... });
 * describeAdapter({ ...suite, additionalTests: () => checks });
 * // or: for (const [name, run] of Object.entries(checks)) it(name, run);
 * ```
 */
import assert from 'node:assert/strict';
import {
  ConfigurationError,
  type DeliveryInput,
  handleWebhook,
  memoryStore,
  PayloadError,
  parseEvent,
  type WebhookAdapter,
  type WebhookEvent,
} from '@hooklatch/core';
import { expectHooklatchError } from './expect-error';
import type { SchemaPolicyBody, SchemaPolicyCheckOptions } from './schema-policy-options';

type Adapter = WebhookAdapter<WebhookEvent>;

/** `schemaPolicy` values every adapter must refuse with CONFIG_INVALID. */
const REFUSED_POLICIES: readonly unknown[] = ['drop', '', true, null];

const text = (body: SchemaPolicyBody) => (typeof body === 'string' ? body : JSON.stringify(body));

/** The paths a PayloadError's `details.issues` or an event's `meta.schemaIssues` names. */
function pathsOf(issues: unknown): string[] {
  assert.ok(Array.isArray(issues), 'expected a list of issues');
  return issues.map((issue: { path?: unknown }) => String(issue.path));
}

/** What the checks share: the two adapters, deliveries, and the mismatch `'reject'` throws. */
function policySession(options: SchemaPolicyCheckOptions) {
  const parseOptions = options.parseOptions ?? {};
  const deliver = (body: SchemaPolicyBody) => options.deliver(text(body));
  const parse = (adapter: Adapter, input: DeliveryInput) =>
    parseEvent(adapter, input, parseOptions);
  return {
    strict: () => options.adapter(undefined),
    loose: () => options.adapter('envelope'),
    deliver,
    parse,
    /** PAYLOAD_SCHEMA_MISMATCH for `input` (default: a delivery of the drifted body). */
    mismatch: (adapter: Adapter, input = deliver(options.drifted)) =>
      expectHooklatchError(parse(adapter, input), {
        class: PayloadError,
        code: 'PAYLOAD_SCHEMA_MISMATCH',
        httpStatus: 500,
        secrets: [...(options.secrets ?? []), ...(options.hidden ?? [])],
      }),
    /** handleWebhook on `input`, with what `validated` the handler saw for each event. */
    async handle(adapter: Adapter, input: DeliveryInput, store = memoryStore()) {
      const seen: Array<boolean | undefined> = [];
      const handler = (event: WebhookEvent) => {
        seen.push(event.validated);
      };
      const reply = await handleWebhook(input, {
        adapter,
        store,
        handler,
        logger: false,
        parse: parseOptions,
      });
      return { ...reply, seen };
    },
    /** `valid` (and `untyped`, when given) parse with `validated: true` and no issues. */
    async validated(adapter: Adapter) {
      const event = await parse(adapter, deliver(options.valid));
      assert.equal(event.type, options.type);
      assert.deepEqual([event.validated, event.meta.schemaIssues], [true, undefined]);
      if (options.untyped === undefined) return;
      const other = await parse(adapter, deliver(options.untyped));
      assert.equal(other.validated, true, 'a type without a typed schema is not validated: true');
    },
  };
}

/**
 * The schema policy checks for one adapter, by name, in the order they should run. Each throws
 * a plain error (node:assert) saying what differed, so they run under any test runner. A check
 * that compares two parses parses one delivery twice, so `deliver` must return plain input.
 */
export function schemaPolicyChecks(
  options: SchemaPolicyCheckOptions,
): Record<string, () => Promise<void>> {
  const s = policySession(options);
  const checks: Record<string, () => Promise<void>> = {
    "'reject' (the default): a drifted body is PAYLOAD_SCHEMA_MISMATCH 500 naming its paths":
      async () => {
        const adapter = s.strict();
        const error = await s.mismatch(adapter);
        assert.deepEqual(pathsOf(error.details.issues), [...options.driftedPaths]);
        const named = `${adapter.name} ${options.type}`;
        assert.ok(error.message.includes(named), `the message does not name "${named}"`);
        assert.ok(error.message.includes("schemaPolicy: 'envelope'"), 'the message offers no way');
      },
    "'reject': the mismatch carries the event's identity, so an inbox can dead-letter it":
      async () => {
        const input = s.deliver(options.drifted);
        const { details } = await s.mismatch(s.strict(), input);
        const event = await s.parse(s.loose(), input);
        assert.deepEqual(
          [details.eventId, details.idSource, details.eventType],
          [event.id, event.idSource, event.type],
        );
      },
    "'reject': a body that fits its schema is handed on with validated: true": () =>
      s.validated(s.strict()),
    "'reject': handleWebhook answers 500, so the sender retries after the fix is deployed":
      async () => {
        const reply = await s.handle(s.strict(), s.deliver(options.drifted));
        assert.equal(reply.status, 500);
        const answer = JSON.parse(reply.body) as { error?: { code?: unknown } };
        assert.equal(answer.error?.code, 'PAYLOAD_SCHEMA_MISMATCH');
        assert.deepEqual(reply.seen, [], 'the handler ran for a rejected event');
      },
    "'envelope': a drifted body is handed on whole, validated: false, with its failing paths":
      async () => {
        const event = await s.parse(s.loose(), s.deliver(options.drifted));
        const { meta = {}, ...fields } = options.event ?? {};
        assert.deepEqual([event.type, event.validated], [options.type, false]);
        for (const [name, value] of Object.entries(fields)) {
          assert.deepEqual(event[name as keyof typeof fields], value, `event.${name}`);
        }
        for (const [name, value] of Object.entries(meta)) {
          assert.deepEqual(event.meta[name], value, `event.meta.${name}`);
        }
        assert.deepEqual(event.payload, JSON.parse(text(options.drifted)));
        assert.deepEqual(pathsOf(event.meta.schemaIssues), [...options.driftedPaths]);
      },
    "'envelope': the event is keyed and digested as under 'reject': one delivery, one record":
      async () => {
        const input = s.deliver(options.drifted);
        const event = await s.parse(s.loose(), input);
        const { eventId, digest } = (await s.mismatch(s.strict(), input)).details;
        const named = [`${event.provider}:${String(eventId)}`, digest];
        assert.deepEqual([event.dedupeKey, event.digest], named);
        if (options.unvalidated === undefined) return;
        const plain = await s.parse(options.unvalidated(), input);
        assert.deepEqual([event.dedupeKey, event.digest], [plain.dedupeKey, plain.digest]);
      },
    "'envelope': still validates what fits: a valid body is typed, validated: true": () =>
      s.validated(s.loose()),
    'a body that fails the envelope is PAYLOAD_INVALID 422 under both policies (malformed, not drift)':
      async () => {
        for (const adapter of [s.strict(), s.loose()]) {
          const error = await expectHooklatchError(s.parse(adapter, s.deliver(options.malformed)), {
            class: PayloadError,
            code: 'PAYLOAD_INVALID',
            httpStatus: 422,
            secrets: options.secrets ?? [],
          });
          if (options.malformedPaths === undefined) continue;
          assert.deepEqual(pathsOf(error.details.issues), [...options.malformedPaths]);
        }
      },
    "'envelope': handleWebhook processes the delivery the 500 left, instead of losing it":
      async () => {
        // One store and one delivery: the 500 under 'reject' left nothing that blocks the event.
        const [input, store] = [s.deliver(options.drifted), memoryStore()];
        assert.equal((await s.handle(s.strict(), input, store)).status, 500);
        const reply = await s.handle(s.loose(), input, store);
        assert.deepEqual([reply.status, reply.seen], [200, [false]]);
      },
  };
  for (const value of REFUSED_POLICIES) {
    checks[`schemaPolicy ${JSON.stringify(value)} is CONFIG_INVALID naming the option`] =
      async () => {
        const error = await expectHooklatchError(() => options.adapter(value as 'reject'), {
          class: ConfigurationError,
          code: 'CONFIG_INVALID',
          httpStatus: 500,
          secrets: options.secrets ?? [],
        });
        assert.ok(error.message.includes('schemaPolicy'), 'the message does not name the option');
      };
  }
  return checks;
}
