/**
 * `createAdapter`: the one way an adapter is built, first-party ones included. Its verifier runs
 * on the raw delivery first and says what it found; `parse` only ever sees authentic deliveries,
 * and `sign` is the same scheme run the other way.
 */

import { type ParseScope, withParseScope } from '../canonical-memo';
import { utf8 } from '../crypto/index';
import { ConfigurationError } from '../errors';
import type {
  ParsedEvent,
  RawDelivery,
  SignedDelivery,
  SignOptions,
  WebhookAdapter,
  WebhookEvent,
} from '../event';
import type { FingerprintInput } from '../fingerprint';
import {
  completeEvent,
  jsonDigest,
  merged,
  type ParseResult,
  registerCompletion,
} from './complete-event';
import { type JsonObject, readCanonicalJsonObject, readSignedJsonObject } from './json-fields';
import {
  checkOptionsObject,
  durationOption,
  type JsonLimitOptions,
  maxDepthOption,
  oneOfOption,
  optionInvalid,
  pathListOption,
  stringOption,
} from './options';
import { identifyMismatch } from './schema-mismatch';
import { type SchemaPolicy, type SchemaPolicyOptions, schemaPolicyOption } from './schema-policy';
import { isThenable } from './secrets';
import { type DeliveryVerifier, resolveVerifier, type Verification } from './verifier';

/** What `parse` gets besides the delivery and its verification. */
export interface AdapterParseContext {
  /** The adapter's validated `maxDepth`. */
  readonly maxDepth: number;
  /** The adapter's validated `schemaPolicy`: pass it to `applySchemaPolicy`. */
  readonly schemaPolicy: SchemaPolicy;
  /**
   * The body as a JSON object, parsed once (later calls return the same object) within
   * `maxDepth`, with `readJsonObject`'s typed errors. When `parse` used it and returned no
   * `digest`, the event's digest is computed from this object, so the body is parsed only once.
   * Do not modify the object.
   */
  json(): JsonObject;
}

/** Options of {@link createAdapter}. */
export interface CreateAdapterOptions<E extends WebhookEvent>
  extends JsonLimitOptions,
    SchemaPolicyOptions {
  /** Short provider name; prefixes every dedupe key. */
  name: string;
  /**
   * How long the provider keeps retrying one event, in ms (the dedupe retention). Checked here
   * for every adapter, so adapters pass the user's value (or their default) through unchecked.
   */
  retentionMs: number | undefined;
  /**
   * HTTP methods the provider delivers with; others get METHOD_NOT_ALLOWED before verification.
   * @default ['POST']
   */
  methods?: readonly string[];
  /**
   * The verifier (or several, any passing), or `false` to accept unauthenticated deliveries on
   * purpose. Required: `undefined` throws CONFIG_INVALID when the adapter is created.
   */
  verify: DeliveryVerifier | readonly DeliveryVerifier[] | false | undefined;
  /**
   * Payload dot paths the provider changes between attempts of one event, left out of
   * `event.digest` so a retry never reads as a changed body.
   * @default []
   */
  digestExclude?: readonly string[];
  /**
   * What `event.digest` hashes for a body `json()` parsed. `'canonical-json'`: its canonical
   * JSON, so a sender or relay re-serializing the event keeps the digest. `'signed-body'`: the
   * body's bytes as received (`sha256-body:`), minus the values of top-level `digestExclude`
   * members, for verifiers that sign those exact bytes (no one can re-serialize them without
   * breaking the signature); it skips a second serialization of the body, as costly as
   * `JSON.parse`. Ignored under `verify: false`, where nothing vouches for the bytes.
   * @default 'canonical-json'
   */
  digestOf?: 'canonical-json' | 'signed-body';
  /**
   * Normalize one verified delivery; throw a hooklatch `PayloadError` for bad input.
   * `verified` is what the verifier found; its `keyIndex` and `signedAt` are copied to
   * `event.meta` for you (a `meta` of your own with the same names wins).
   */
  parse: (
    delivery: RawDelivery,
    verified: Verification,
    context: AdapterParseContext,
  ) => ParsedEvent<E> | Promise<ParsedEvent<E>>;
  /** What went into an ID-less event's fingerprint (see `WebhookAdapter.fingerprintInput`). */
  fingerprintInput?: (event: E) => FingerprintInput | undefined;
}

const DIGEST_SOURCES = ['canonical-json', 'signed-body'] as const;

function checkMethods(name: string, methods: unknown): readonly string[] | undefined {
  if (methods === undefined) return undefined;
  const valid =
    Array.isArray(methods) &&
    methods.length > 0 &&
    methods.every((m) => typeof m === 'string' && /^[A-Za-z]+$/.test(m));
  if (!valid) throw optionInvalid(name, 'methods', 'must be a non-empty array of HTTP methods');
  return Object.freeze(methods.map((m: string) => m.toUpperCase()));
}

function checkFunction(name: string, option: string, value: unknown, required: boolean): void {
  if (value === undefined && !required) return;
  if (typeof value !== 'function') {
    throw new ConfigurationError('CONFIG_INVALID', `${name}: \`${option}\` must be a function.`, {
      details: { option },
    });
  }
}

/**
 * Make an adapter that verifies every delivery before parsing it. Every option is checked here
 * (CONFIG_INVALID naming it), so a mistake fails at startup, not on the first delivery.
 *
 * @example
 * const acme = createAdapter({ name: 'acme', retentionMs: 86_400_000,
 *   verify: hmacHeaderVerifier({ provider: 'acme', header: 'X-Acme-Signature', secret }),
 *   parse: (delivery, verified, { json }) => ({ ... }) });
 */
export function createAdapter<E extends WebhookEvent>(
  options: CreateAdapterOptions<E>,
): WebhookAdapter<E> {
  checkOptionsObject('createAdapter', options);
  const name = stringOption('createAdapter', 'name', options.name, '');
  if (name === '') throw optionInvalid('createAdapter', 'name', 'is required');
  // It begins every dedupe key (`name:id`, `name@tenant:id`): with `:` or `@` in it, two
  // adapters' keys could meet.
  if (/[:@]/.test(name)) throw optionInvalid('createAdapter', 'name', 'must not contain : or @');
  const retentionMs = durationOption(name, 'retentionMs', options.retentionMs, Number.NaN);
  if (Number.isNaN(retentionMs)) throw optionInvalid(name, 'retentionMs', 'is required');
  checkFunction(name, 'parse', options.parse, true);
  checkFunction(name, 'fingerprintInput', options.fingerprintInput, false);
  const methods = checkMethods(name, options.methods);
  const maxDepth = maxDepthOption(name, options.maxDepth);
  const schemaPolicy = schemaPolicyOption(name, options.schemaPolicy);
  const digestExclude = pathListOption(name, 'digestExclude', options.digestExclude, []);
  const digestOf = oneOfOption(
    name,
    'digestOf',
    options.digestOf,
    DIGEST_SOURCES,
    'canonical-json',
  );
  const signedBody = digestOf === 'signed-body' && options.verify !== false;
  const verify = resolveVerifier(
    name,
    options.verify === false ? { verify: false } : { verifier: options.verify },
  );
  const parse = options.parse;

  const parseVerified = (
    delivery: RawDelivery,
    verified: Verification,
    policy: SchemaPolicy = schemaPolicy,
  ): ParseResult<E> | Promise<ParseResult<E>> => {
    const scope: ParseScope = {};
    const context: AdapterParseContext = {
      maxDepth,
      schemaPolicy: policy,
      json: () => {
        if (signedBody) {
          scope.signed ??= readSignedJsonObject(delivery, name, maxDepth, digestExclude);
          return scope.signed.value as JsonObject;
        }
        // Parsed, measured and serialized for the digest at once, before `parse` reads it.
        scope.body ??= readCanonicalJsonObject(delivery, name, maxDepth, digestExclude);
        return scope.body.value as JsonObject;
      },
    };
    // While `parse` runs, a fingerprint of this body reuses its canonical text.
    const parsed = withParseScope(scope, () => parse(delivery, verified, context));
    return isThenable<ParsedEvent<E>>(parsed)
      ? Promise.resolve(parsed).then((found) => ({ parsed: found, verified, scope }))
      : { parsed, verified, scope };
  };

  // A schema mismatch gets the event's identity (see schema-mismatch.ts), so an inbox can
  // dead-letter it under its key instead of answering 500.
  const identified = (error: unknown, delivery: RawDelivery, verified: Verification) =>
    identifyMismatch(error, () => {
      const envelope = parseVerified(delivery, verified, 'envelope');
      return isThenable<ParseResult<E>>(envelope)
        ? Promise.resolve(envelope).then(merged)
        : merged(envelope);
    });

  // `use` takes the delivery too, so a caller passes one function, not a closure per call.
  const parseIdentified = <T>(
    delivery: RawDelivery,
    verified: Verification,
    use: (result: ParseResult<E>, delivery: RawDelivery) => T,
  ): T | Promise<T> => {
    try {
      const result = parseVerified(delivery, verified);
      return isThenable<ParseResult<E>>(result)
        ? Promise.resolve(result)
            .then((found) => use(found, delivery))
            .catch((error: unknown) => identified(error, delivery, verified))
        : use(result, delivery);
    } catch (error) {
      return identified(error, delivery, verified);
    }
  };

  /** Verify, then parse with `use`: synchronous for a synchronous verifier and `parse`. */
  const verifyThen = <T>(
    delivery: RawDelivery,
    use: (result: ParseResult<E>, delivery: RawDelivery) => T,
  ): T | Promise<T> => {
    const verified = verify(delivery);
    return isThenable<Verification>(verified)
      ? Promise.resolve(verified).then((found) => parseIdentified(delivery, found, use))
      : parseIdentified(delivery, verified, use);
  };

  const sign = (body: string | Uint8Array, signOptions: SignOptions = {}): SignedDelivery => {
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(signOptions.headers ?? {})) {
      headers[key.toLowerCase()] = value;
    }
    const auth = (verify.sign as NonNullable<typeof verify.sign>)({
      body: typeof body === 'string' ? utf8(body) : body,
      headers,
      timestamp: signOptions.timestamp ?? new Date(),
      keyIndex: signOptions.keyIndex ?? 0,
      secret: signOptions.secret,
    });
    return {
      method: (signOptions.method ?? methods?.[0] ?? 'POST').toUpperCase(),
      headers: { ...headers, ...auth },
      body,
    };
  };

  const adapter: WebhookAdapter<E> = {
    name,
    retentionMs,
    ...(methods === undefined ? {} : { methods }),
    digestExclude,
    // Callers may rely on a synchronous throw from a synchronous verifier and `parse`.
    parse: (delivery) => verifyThen(delivery, merged),
    // A hand-written verifier without a `sign` half leaves the adapter without one.
    ...(verify.sign === undefined ? {} : { sign }),
    ...(options.fingerprintInput === undefined
      ? {}
      : { fingerprintInput: options.fingerprintInput }),
  };
  // parseEvent's path: the event built from the parse result in one copy.
  const complete = (result: ParseResult<E>, delivery: RawDelivery) =>
    completeEvent(adapter as WebhookAdapter, result.parsed as ParsedEvent, delivery, {
      verified: result.verified,
      jsonDigest: result.parsed.digest === undefined ? jsonDigest(result.scope) : undefined,
    });
  registerCompletion(adapter as WebhookAdapter, (delivery) => verifyThen(delivery, complete));
  return adapter;
}
