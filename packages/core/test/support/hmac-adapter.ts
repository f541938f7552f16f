/** A minimal HMAC adapter for core tests: `x-test-signature: <hex hmac of body>`, ID in the body. */
import { z } from 'zod';
import { toHex } from '../../src/crypto/index';
import type { WebhookEvent } from '../../src/index';
import {
  createAdapter,
  hmacHeaderVerifier,
  hmacSha256,
  parseJsonBody,
  validatePayload,
} from '../../src/kit';

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
  return createAdapter<TestEvent>({
    name: 'test',
    retentionMs: 60_000,
    verify: hmacHeaderVerifier({ provider: 'test', header: 'X-Test-Signature', secret }),
    parse(delivery) {
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
