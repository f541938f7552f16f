/** `standardWebhooks(options)`: the adapter for any sender that follows the Standard Webhooks spec. */
import type { ParsedEvent, WebhookAdapter } from '@hooklatch/core';
import {
  checkOptionsObject,
  createAdapter,
  knownOptions,
  type PayloadSchema,
  type SchemaPolicy,
  stringOption,
  toleranceOption,
  validateTyped,
} from '@hooklatch/core/kit';
import { checkEventSchemas, checkVerifyOption } from './check-options';
import type { Ed25519Scheme } from './ed25519-scheme';
import {
  type StandardWebhookEvent,
  type StandardWebhooksSchemaMap,
  standardWebhooksEnvelopeChecks,
  standardWebhooksEnvelopeSchema,
} from './envelope';
import { headerFamily, messageId } from './headers';
import {
  STANDARD_WEBHOOKS_DEFAULT_NAME,
  STANDARD_WEBHOOKS_DEFAULT_TOLERANCE_SECONDS,
  STANDARD_WEBHOOKS_DIGEST_EXCLUDE,
  STANDARD_WEBHOOKS_OPTION_KEYS,
  STANDARD_WEBHOOKS_RETENTION_MS,
  type StandardWebhooksOptions,
} from './options';
import { sourceTime } from './source-time';
import { standardWebhooksVerifier } from './verifier';

/**
 * Verify and normalize Standard Webhooks deliveries (`webhook-*` or `svix-*` headers; `v1`
 * HMAC-SHA256 signatures, and `v1a` ed25519 ones with the adapter of the
 * `@hooklatch/standard-webhooks/ed25519` entry, the same function with ed25519 loaded: here a
 * `publicKey` is CONFIG_INVALID). The ID is `webhook-id`, which the spec keeps stable
 * across retries; the type is the body's `type` field. `meta.keyIndex` is the position of the
 * key that matched in its list (secrets for `v1`, public keys for `v1a`, as
 * `meta.signatureVersion` says) and `meta.signedAt` the signed `webhook-timestamp`.
 *
 * Fixed keys are decoded here, so a malformed key throws CONFIG_INVALID at startup.
 *
 * An authentic delivery of a mapped type that fails its schema is PAYLOAD_SCHEMA_MISMATCH (500,
 * so the sender retries it after a fixed schema is deployed) under the default `schemaPolicy:
 * 'reject'`, or is handed on with the envelope and `validated: false` under `'envelope'`.
 *
 * @example
 * const adapter = standardWebhooks({ secret: process.env.WEBHOOK_SECRET, name: 'acme' });
 * const event = await parseEvent(adapter, request);
 */
export function standardWebhooks<
  M extends StandardWebhooksSchemaMap = {},
  P extends SchemaPolicy = 'reject',
>(options: StandardWebhooksOptions<M, P>): WebhookAdapter<StandardWebhookEvent<M, P>> {
  return buildStandardWebhooks(options, undefined);
}

/** {@link standardWebhooks} with `ed` for `v1a` keys (the `/ed25519` entry passes one). */
export function buildStandardWebhooks<
  M extends StandardWebhooksSchemaMap = {},
  P extends SchemaPolicy = 'reject',
>(
  options: StandardWebhooksOptions<M, P>,
  ed: Ed25519Scheme | undefined,
): WebhookAdapter<StandardWebhookEvent<M, P>> {
  checkOptionsObject(STANDARD_WEBHOOKS_DEFAULT_NAME, options);
  const name = stringOption(
    STANDARD_WEBHOOKS_DEFAULT_NAME,
    'name',
    options.name,
    STANDARD_WEBHOOKS_DEFAULT_NAME,
  );
  knownOptions(name, options, STANDARD_WEBHOOKS_OPTION_KEYS);
  checkVerifyOption(options, name);
  const tolerance = toleranceOption(
    name,
    'toleranceSeconds',
    options.toleranceSeconds,
    STANDARD_WEBHOOKS_DEFAULT_TOLERANCE_SECONDS,
  );
  const schemas: StandardWebhooksSchemaMap = checkEventSchemas(options.events, name);
  const fallbackType = stringOption(name, 'fallbackType', options.fallbackType, 'unknown');

  return createAdapter<StandardWebhookEvent<M, P>>({
    name,
    retentionMs: options.retentionMs ?? STANDARD_WEBHOOKS_RETENTION_MS,
    verify:
      options.verify === false ? false : standardWebhooksVerifier(options, name, tolerance, ed),
    ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
    ...(options.schemaPolicy === undefined ? {} : { schemaPolicy: options.schemaPolicy }),
    digestExclude: STANDARD_WEBHOOKS_DIGEST_EXCLUDE,
    // The signature covers the exact bytes: their SHA-256 is the digest (see createAdapter).
    digestOf: 'signed-body',
    parse(delivery, verified, { json, schemaPolicy }) {
      const family = headerFamily(delivery.headers);
      const id = messageId(delivery.headers, family);
      // Parsed once; createAdapter digests the signed bytes it came from into event.digest.
      const body = json();
      // The schema is picked by the raw `type` (a non-string one has none, and the envelope
      // refuses it); a mapped type's schema copies the body, the envelope is then only checked.
      const raw = body.type;
      const selected = typeof raw === 'string' && raw !== '' ? raw : fallbackType;
      // Own-property lookup only: a type named `constructor` must not find Object's prototype.
      const schema: PayloadSchema | undefined =
        raw !== undefined && typeof raw !== 'string'
          ? undefined
          : Object.hasOwn(schemas, selected)
            ? schemas[selected]
            : undefined;
      const typed = validateTyped({
        envelope: standardWebhooksEnvelopeSchema,
        envelopeContext: name,
        envelopeCheck: standardWebhooksEnvelopeChecks,
        schema,
        data: body,
        policy: schemaPolicy,
        validate: true,
        context: `${name} ${selected}`,
      });
      const { envelope } = typed;
      const type = envelope.type ?? fallbackType;
      const occurredAt = sourceTime(envelope.timestamp, name);
      const parsed = {
        type,
        id,
        idSource: 'event' as const,
        payload: typed.payload,
        validated: typed.validated,
        ...(occurredAt ? { occurredAt } : {}),
        meta: {
          headerFamily: family,
          ...(verified.scheme === undefined ? {} : { signatureVersion: verified.scheme }),
          ...(typed.schemaIssues === undefined ? {} : { schemaIssues: typed.schemaIssues }),
        },
      };
      // The payload was validated by the schema registered for `type` (or is the envelope with
      // `validated: false`), which is exactly the pairing StandardWebhookEvent<M, P> describes;
      // TypeScript cannot follow a runtime lookup.
      return parsed as unknown as ParsedEvent<StandardWebhookEvent<M, P>>;
    },
  });
}
