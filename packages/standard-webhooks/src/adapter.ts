/** `standardWebhooks(options)`: the adapter for any sender that follows the Standard Webhooks spec. */
import {
  ConfigurationError,
  checkTimestamp,
  defineAdapter,
  type ParsedEvent,
  parseJsonBody,
  resolveSecrets,
  validatePayload,
  type WebhookAdapter,
} from '@hooklatch/core';
import type { z } from 'zod';
import { type EventSchemas, envelopeSchema, type StandardWebhookEvent } from './envelope';
import { readHeaders } from './headers';
import { decodePublicKeys, decodeSecrets } from './keys';
import {
  DEFAULT_NAME,
  DEFAULT_RETENTION_MS,
  DEFAULT_TOLERANCE_SECONDS,
  type StandardWebhooksOptions,
} from './options';
import { type VerificationKeys, verifySignature } from './verify-signature';

function resolveKeys(
  options: StandardWebhooksOptions<EventSchemas>,
  name: string,
): VerificationKeys {
  // An empty string (an unset environment variable) is no secret, not a reason to refuse a
  // configured public key.
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

function sourceTime(timestamp: string | undefined): Date | undefined {
  if (timestamp === undefined) return undefined;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/**
 * Verify and normalize Standard Webhooks deliveries (`webhook-*` or `svix-*` headers; `v1`
 * HMAC-SHA256 and `v1a` ed25519 signatures). The ID is `webhook-id`, which the spec keeps stable
 * across retries; the type is the body's `type` field.
 *
 * Keys are decoded here, so a malformed key throws CONFIG_INVALID at startup.
 *
 * @example
 * const adapter = standardWebhooks({ secret: process.env.WEBHOOK_SECRET, name: 'acme' });
 * const event = await parseEvent(adapter, request);
 */
export function standardWebhooks<M extends EventSchemas = {}>(
  options: StandardWebhooksOptions<M>,
): WebhookAdapter<StandardWebhookEvent<M>> {
  const name = options.name ?? DEFAULT_NAME;
  const keys = resolveKeys(options, name);
  const tolerance = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const schemas: EventSchemas = options.events ?? {};
  const fallbackType = options.fallbackType ?? 'unknown';

  return defineAdapter<StandardWebhookEvent<M>>({
    name,
    retentionMs: options.retentionMs ?? DEFAULT_RETENTION_MS,
    parse(delivery) {
      const headers = readHeaders(delivery.headers);
      const match = verifySignature(headers, delivery.rawBody, keys, name);
      const attemptSeconds = Number(headers.timestamp);
      checkTimestamp(attemptSeconds, delivery.receivedAt, tolerance, headers.timestampHeader);

      const body = parseJsonBody(delivery.rawBody);
      const envelope = validatePayload(envelopeSchema, body, name);
      const type = envelope.type ?? fallbackType;
      // Own-property lookup only: a type named `constructor` must not find Object's prototype.
      const schema: z.ZodType | undefined = Object.hasOwn(schemas, type)
        ? schemas[type]
        : undefined;
      const payload = schema ? validatePayload(schema, body, `${name} ${type}`) : envelope;
      const occurredAt = sourceTime(envelope.timestamp);

      const parsed = {
        type,
        id: headers.id,
        idSource: 'event' as const,
        payload,
        ...(occurredAt ? { occurredAt } : {}),
        meta: {
          headerFamily: headers.family,
          signatureVersion: match.version,
          keyIndex: match.keyIndex,
          attemptedAt: new Date(attemptSeconds * 1000),
        },
      };
      // The payload was validated by the schema registered for `type`, which is exactly the
      // pairing StandardWebhookEvent<M> describes; TypeScript cannot follow a runtime lookup.
      return parsed as unknown as ParsedEvent<StandardWebhookEvent<M>>;
    },
  });
}
