/**
 * The demo's provider: "Acme" signs the raw body with HMAC-SHA256 (hex) in `x-acme-signature`
 * and puts an event ID in the body. A complete hooklatch adapter in about 20 lines: the kit's
 * verifier pair checks the signature, and the same pair gives the adapter its `sign`.
 */
import type { WebhookEvent } from '@hooklatch/core';
import { createAdapter, hmacHeaderVerifier, validatePayload } from '@hooklatch/core/kit';
import { z } from 'zod';

const orderPaid = z.object({
  id: z.string(),
  type: z.literal('order.paid'),
  created: z.number().int(),
  data: z.object({ orderId: z.string(), amount: z.number().int() }),
});

export type AcmeEvent = WebhookEvent<'order.paid', z.infer<typeof orderPaid>>;

/** The Acme adapter: verify, validate, normalize. */
export function acme(options: { secret: string }) {
  return createAdapter<AcmeEvent>({
    name: 'acme',
    retentionMs: 24 * 3600 * 1000,
    verify: hmacHeaderVerifier({
      provider: 'acme',
      header: 'x-acme-signature',
      secret: options.secret,
    }),
    parse(_delivery, _verified, { json }) {
      const payload = validatePayload(orderPaid, json(), 'acme');
      return {
        type: payload.type,
        id: payload.id,
        idSource: 'event',
        subject: payload.data.orderId,
        occurredAt: new Date(payload.created * 1000),
        payload,
      };
    },
  });
}
