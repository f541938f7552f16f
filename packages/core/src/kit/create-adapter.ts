/**
 * `createAdapter`: the adapter contract with verification built in. The kit's verifiers run on
 * the raw delivery first; `parse` only ever sees authentic deliveries.
 */
import { ConfigurationError } from '../errors';
import type { ParsedEvent, RawDelivery, WebhookAdapter, WebhookEvent } from '../event';
import { payloadDigest } from '../payload-digest';
import { type JsonObject, readJsonObject } from './json-fields';
import {
  checkOptionsObject,
  durationOption,
  type JsonLimitOptions,
  maxDepthOption,
  optionInvalid,
  pathListOption,
  stringOption,
} from './options';
import { type SchemaPolicy, type SchemaPolicyOptions, schemaPolicyOption } from './schema-policy';
import { type DeliveryVerifier, resolveVerifier } from './verifier';

/** What `parse` gets besides the delivery: the adapter's limits and a memoized JSON reader. */
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
  /** How long the provider keeps retrying one event, in ms (the dedupe retention). */
  retentionMs: number;
  /**
   * HTTP methods the provider delivers with; others get METHOD_NOT_ALLOWED before verification.
   * @default ['POST']
   */
  methods?: readonly string[];
  /**
   * The verifier (or several, any passing), or `false` to accept unauthenticated deliveries on
   * purpose. Required: `undefined` throws CONFIG_INVALID when the adapter is created.
   */
  verify: DeliveryVerifier | readonly DeliveryVerifier[] | false;
  /**
   * Payload dot paths the provider changes between attempts of one event, left out of
   * `event.digest` so a retry never reads as a changed body.
   * @default []
   */
  digestExclude?: readonly string[];
  /** Normalize one verified delivery; throw a hooklatch `PayloadError` for bad input. */
  parse: (
    delivery: RawDelivery,
    context: AdapterParseContext,
  ) => ParsedEvent<E> | Promise<ParsedEvent<E>>;
}

function checkMethods(name: string, methods: unknown): readonly string[] | undefined {
  if (methods === undefined) return undefined;
  const valid =
    Array.isArray(methods) &&
    methods.length > 0 &&
    methods.every((m) => typeof m === 'string' && /^[A-Za-z]+$/.test(m));
  if (!valid) throw optionInvalid(name, 'methods', 'must be a non-empty array of HTTP methods');
  return Object.freeze(methods.map((m: string) => m.toUpperCase()));
}

/**
 * Make an adapter that verifies every delivery before parsing it. Every option is checked here
 * (CONFIG_INVALID naming it), so a mistake fails at startup, not on the first delivery.
 *
 * @example
 * const acme = createAdapter({ name: 'acme', retentionMs: 86_400_000,
 *   verify: hmacHeaderVerifier({ provider: 'acme', header: 'X-Acme-Signature', secret }),
 *   parse: (delivery, { json }) => ({ ... }) });
 */
export function createAdapter<E extends WebhookEvent>(
  options: CreateAdapterOptions<E>,
): WebhookAdapter<E> {
  checkOptionsObject('createAdapter', options);
  const name = stringOption('createAdapter', 'name', options.name, '');
  if (name === '') throw optionInvalid('createAdapter', 'name', 'is required');
  const retentionMs = durationOption(name, 'retentionMs', options.retentionMs, Number.NaN);
  if (Number.isNaN(retentionMs)) throw optionInvalid(name, 'retentionMs', 'is required');
  if (typeof options.parse !== 'function') {
    throw new ConfigurationError('CONFIG_INVALID', `${name}: \`parse\` must be a function.`, {
      details: { option: 'parse' },
    });
  }
  const methods = checkMethods(name, options.methods);
  const maxDepth = maxDepthOption(name, options.maxDepth);
  const schemaPolicy = schemaPolicyOption(name, options.schemaPolicy);
  const digestExclude = pathListOption(name, 'digestExclude', options.digestExclude, []);
  const verify = resolveVerifier(
    name,
    options.verify === false ? { verify: false } : { verifier: options.verify },
  );
  const parse = options.parse;
  return {
    name,
    retentionMs,
    ...(methods === undefined ? {} : { methods }),
    digestExclude,
    parse(delivery) {
      verify(delivery);
      let body: JsonObject | undefined;
      const context: AdapterParseContext = {
        maxDepth,
        schemaPolicy,
        json: () => {
          body ??= readJsonObject(delivery, name, { maxDepth });
          return body;
        },
      };
      const withDigest = (parsed: ParsedEvent<E>): ParsedEvent<E> =>
        parsed.digest !== undefined || body === undefined
          ? parsed
          : ({ ...parsed, digest: payloadDigest(body, digestExclude) } as ParsedEvent<E>);
      const parsed = parse(delivery, context);
      // Stay synchronous for a synchronous `parse`: callers may rely on a thrown error.
      return isPromise(parsed) ? parsed.then(withDigest) : withDigest(parsed);
    },
  };
}

function isPromise<T>(value: T | Promise<T>): value is Promise<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
