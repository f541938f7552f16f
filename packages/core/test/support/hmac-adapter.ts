/** A minimal HMAC adapter for core tests: `x-test-signature: <hex hmac of body>`, ID in the body. */
import { z } from 'zod';
import {
  defineAdapter,
  fromHex,
  hmacSha256,
  matchSignature,
  parseJsonBody,
  requireHeader,
  signatureInvalid,
  toHex,
  VerificationError,
  validatePayload,
  type WebhookEvent,
} from '../../src/index';

const schema = z.object({
  id: z.string().min(1),
  type: z.string(),
  orderId: z.string().optional(),
});
export type TestEvent = WebhookEvent<string, z.infer<typeof schema>>;

export const SECRET = 'whsec-test-secret-value';

export function sign(body: string, secret = SECRET): string {
  return toHex(hmacSha256(secret, body));
}

export function testAdapter(secret = SECRET) {
  return defineAdapter<TestEvent>({
    name: 'test',
    retentionMs: 60_000,
    parse(delivery) {
      const header = requireHeader(delivery.headers, 'x-test-signature', 'SIGNATURE_MISSING');
      const received = fromHex(header);
      if (!received)
        throw new VerificationError('SIGNATURE_MALFORMED', 'x-test-signature is not hex.');
      if (matchSignature([hmacSha256(secret, delivery.rawBody)], [received]) < 0) {
        throw signatureInvalid('test', 'x-test-signature');
      }
      const payload = validatePayload(schema, parseJsonBody(delivery.rawBody), 'test');
      return {
        type: payload.type,
        id: payload.id,
        idSource: 'event',
        ...(payload.orderId ? { subject: payload.orderId } : {}),
        payload,
      };
    },
  });
}

export function signedInput(payload: object, secret = SECRET) {
  const body = JSON.stringify(payload);
  return {
    headers: { 'X-Test-Signature': sign(body, secret), 'content-type': 'application/json' },
    body,
  };
}
