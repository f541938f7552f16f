/**
 * The demo's provider: "Acme" signs the raw body with HMAC-SHA256 (hex) in `x-acme-signature`
 * and puts an event ID in the body. A complete hooklatch adapter in about 30 lines.
 */
import { defineAdapter, fromHex, toHex, VerificationError, type WebhookEvent } from '@hooklatch/core';
import { hmacSha256, matchSignature, parseJsonBody, requireHeader, signatureInvalid, validatePayload } from '@hooklatch/core/kit';
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
  return defineAdapter<AcmeEvent>({
    name: 'acme',
    retentionMs: 24 * 3600 * 1000,
    parse(delivery) {
      const header = requireHeader(delivery.headers, 'x-acme-signature', 'SIGNATURE_MISSING');
      const received = fromHex(header);
      if (!received)
        throw new VerificationError('SIGNATURE_MALFORMED', 'x-acme-signature is not hex.');
      if (matchSignature([hmacSha256(options.secret, delivery.rawBody)], [received]) < 0) {
        throw signatureInvalid('acme', 'x-acme-signature');
      }
      const payload = validatePayload(orderPaid, parseJsonBody(delivery.rawBody), 'acme');
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

/** Sign a body the way Acme does (used by the demo's sender). */
export function signAcme(secret: string, body: string): string {
  return toHex(hmacSha256(secret, body));
}
