/** `standardWebhooks(options)`: the adapter for any sender that follows the Standard Webhooks spec. */
import { applySchemaPolicy, checkOptionsObject, checkTimestamp, dateFromUnixTime, durationOption, maxDepthOption, parseJsonBody, payloadDigest, resolveSecrets, type SchemaPolicy, schemaPolicyOption, stringOption, toleranceOption, validatePayload } from '@hooklatch/core/kit';
import { ConfigurationError, defineAdapter, type ParsedEvent, type WebhookAdapter } from '@hooklatch/core';
import type { z } from 'zod';
import { checkEventSchemas, checkKeyOptions } from './check-options';
import { type EventSchemas, envelopeSchema, type StandardWebhookEvent } from './envelope';
import { readHeaders } from './headers';
import { decodePublicKeys, decodeSecrets } from './keys';
import {
  DEFAULT_NAME,
  DEFAULT_RETENTION_MS,
  DEFAULT_TOLERANCE_SECONDS,
  STANDARD_WEBHOOKS_DIGEST_EXCLUDE,
  type StandardWebhooksOptions,
} from './options';
import { parseSignatureList } from './signature-header';
import { sourceTime } from './source-time';
import { type VerificationKeys, verifySignature } from './verify-signature';

function resolveKeys(
  options: StandardWebhooksOptions<EventSchemas>,
  name: string,
): VerificationKeys {
  // An empty string (an unset environment variable) is no secret, not a reason to refuse a
  // configured public key.
  checkKeyOptions(options, name);
  const hasSecret = [options.secret, ...(options.secrets ?? [])].some((s) => (s?.length ?? 0) > 0);
  const publicKeys = [
    ...(options.publicKey === undefined ? [] : [options.publicKey]),
    ...(options.publicKeys ?? []),
  ];
  if (!hasSecret && publicKeys.length === 0) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `${name}: no key configured (pass \`secret\`/\`secrets\` for v1 or \`publicKey\`/\`publicKeys\` for v1a).`,
    );
  }
  return {
    secrets: hasSecret ? decodeSecrets(resolveSecrets(options, name), name) : [],
    publicKeys: decodePublicKeys(publicKeys, name),
  };
}

/**
 * Verify and normalize Standard Webhooks deliveries (`webhook-*` or `svix-*` headers; `v1`
 * HMAC-SHA256 and `v1a` ed25519 signatures). The ID is `webhook-id`, which the spec keeps stable
 * across retries; the type is the body's `type` field.
 *
 * Keys are decoded here, so a malformed key throws CONFIG_INVALID at startup.
 *
 * An authentic delivery of a mapped type that fails its schema is PAYLOAD_SCHEMA_MISMATCH (500,
 * so the sender retries it after a fixed schema is deployed) under the default `schemaPolicy:
 * 'reject'`, or is handed on with the envelope and `validated: false` under `'envelope'`.
 *
 * @example
 * const adapter = standardWebhooks({ secret: process.env.WEBHOOK_SECRET, name: 'acme' });
 * const event = await parseEvent(adapter, request);
 */
export function standardWebhooks<M extends EventSchemas = {}, P extends SchemaPolicy = 'reject'>(
  options: StandardWebhooksOptions<M, P>,
): WebhookAdapter<StandardWebhookEvent<M, P>> {
  checkOptionsObject(DEFAULT_NAME, options);
  const name = stringOption(DEFAULT_NAME, 'name', options.name, DEFAULT_NAME);
  const keys = resolveKeys(options, name);
  const tolerance = toleranceOption(
    name,
    'toleranceSeconds',
    options.toleranceSeconds,
    DEFAULT_TOLERANCE_SECONDS,
  );
  const retentionMs = durationOption(
    name,
    'retentionMs',
    options.retentionMs,
    DEFAULT_RETENTION_MS,
  );
  const schemas: EventSchemas = checkEventSchemas(options.events, name);
  const fallbackType = stringOption(name, 'fallbackType', options.fallbackType, 'unknown');
  const maxDepth = maxDepthOption(name, options.maxDepth);
  const policy = schemaPolicyOption(name, options.schemaPolicy);

  return defineAdapter<StandardWebhookEvent<M, P>>({
    name,
    retentionMs,
    digestExclude: STANDARD_WEBHOOKS_DIGEST_EXCLUDE,
    parse(delivery) {
      const headers = readHeaders(delivery.headers);
      // Cheapest checks first: the list is bounded and the timestamp judged before any
      // HMAC or ed25519 work, so a forged request costs at most a normal verification.
      const list = parseSignatureList(headers.signature, headers.signatureHeader);
      const attemptSeconds = Number(headers.timestamp);
      checkTimestamp(attemptSeconds, delivery.receivedAt, tolerance, headers.timestampHeader);
      const match = verifySignature(headers, list, delivery.rawBody, keys, name);
      const attemptedAt = dateFromUnixTime(attemptSeconds, 'seconds', {
        provider: name,
        path: `${headers.timestampHeader} header`,
      });

      const body = parseJsonBody(delivery.rawBody, { maxDepth });
      const envelope = validatePayload(envelopeSchema, body, name);
      const type = envelope.type ?? fallbackType;
      // Own-property lookup only: a type named `constructor` must not find Object's prototype.
      const schema: z.ZodType | undefined = Object.hasOwn(schemas, type)
        ? schemas[type]
        : undefined;
      const typed = applySchemaPolicy({
        schema,
        data: body,
        envelope,
        policy,
        validate: true,
        context: `${name} ${type}`,
      });
      const occurredAt = sourceTime(envelope.timestamp, name);

      const parsed = {
        type,
        id: headers.id,
        idSource: 'event' as const,
        payload: typed.payload,
        validated: typed.validated,
        digest: payloadDigest(body, STANDARD_WEBHOOKS_DIGEST_EXCLUDE),
        ...(occurredAt ? { occurredAt } : {}),
        meta: {
          headerFamily: headers.family,
          signatureVersion: match.version,
          keyIndex: match.keyIndex,
          attemptedAt,
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
