// A Linear-style adapter written with the custom-adapter kit (docs/advanced/custom-adapter.md).

import type { WebhookEvent } from '@hooklatch/core';
import {
  checkTimestamp,
  createAdapter,
  hmacHeaderVerifier,
  type JsonLimitOptions,
  parseIsoTimestamp,
  resolveEventId,
  type SecretOptions,
  validatePayload,
} from '@hooklatch/core/kit';
import { z } from 'zod';

// Only what the adapter relies on; looseObject keeps every other field in the payload.
const linearPayload = z.looseObject({
  action: z.string().min(1), // 'create' | 'update' | 'remove' | ...
  type: z.string().min(1), // the resource: 'Issue', 'Comment', 'Project' ...
  createdAt: z.string(), // when the action happened (ISO-8601)
  webhookTimestamp: z.number().int(), // when this attempt was sent, in ms
  data: z.looseObject({ id: z.string().min(1) }),
});

export type LinearPayload = z.infer<typeof linearPayload>;
/** `type` is `<resource>.<action>`, e.g. `Issue.update`. */
export type LinearEvent = WebhookEvent<string, LinearPayload>;

export interface LinearOptions extends SecretOptions, JsonLimitOptions {
  /** Max distance between `webhookTimestamp` and receipt, in seconds; 0 disables. @default 60 */
  toleranceSeconds?: number;
}

/** Fields the provider changes on every attempt of one event: the send time. */
const VOLATILE_FIELDS = ['webhookTimestamp'];

export function linear(options: LinearOptions) {
  return createAdapter<LinearEvent>({
    name: 'linear',
    retentionMs: 24 * 60 * 60 * 1000, // longer than the provider's whole retry schedule
    maxDepth: options.maxDepth, // deeper bodies: PAYLOAD_TOO_DEEP (400); default 128
    // Left out of event.digest, so a retry re-stamped with a new send time is no `mismatch`.
    digestExclude: VOLATILE_FIELDS,
    // hex HMAC-SHA256 of the raw body; `secrets: [new, old]` during a rotation.
    verify: hmacHeaderVerifier({
      provider: 'linear',
      header: 'Linear-Signature',
      secret: options.secret,
      secrets: options.secrets,
    }),
    // Runs only after the signature matched.
    parse(delivery, _verified, { json }) {
      // json(): the body parsed once, within maxDepth; the digest is computed from it too.
      const payload = validatePayload(linearPayload, json(), 'linear');
      // The signed send time doubles as replay protection.
      checkTimestamp(
        payload.webhookTimestamp / 1000,
        delivery.receivedAt,
        options.toleranceSeconds ?? 60,
        'webhookTimestamp',
      );
      const type = `${payload.type}.${payload.action}`;
      const occurredAt = parseIsoTimestamp(payload.createdAt, {
        path: 'createdAt',
        provider: 'linear',
      });
      // No event ID in the body (data.id names the issue, not the change): use the delivery ID,
      // else a fingerprint that ignores the send time, which changes on every retry.
      const ids = resolveEventId({
        delivery,
        payload,
        deliveryIdHeader: 'Linear-Delivery',
        fingerprint: () => ({
          provider: 'linear',
          subject: payload.data.id,
          eventType: type,
          timestamp: occurredAt,
          volatileFields: VOLATILE_FIELDS,
        }),
      });
      return { ...ids, type, subject: payload.data.id, occurredAt, payload };
    },
  });
}
