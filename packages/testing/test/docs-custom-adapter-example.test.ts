import { encodeSignature, hmacSha256 } from '@hooklatch/core/kit';
import { assertProcessedOnce } from '@hooklatch/testing';
import { expect, it } from 'vitest';
import { linear } from '../../../docs/snippets/linear-adapter'; // your adapter module

const secret = 'lin_wh_test_secret';

// Sign a delivery by hand, exactly as the provider does: hex HMAC-SHA256 of the body.
function linearRequest(payload: object, deliveryId: string) {
  const body = JSON.stringify(payload);
  return {
    headers: {
      'content-type': 'application/json',
      'linear-delivery': deliveryId,
      'linear-event': 'Issue',
      'linear-signature': encodeSignature(hmacSha256(secret, body), 'hex'),
    },
    body,
  };
}

it('handles a retried Linear delivery once', async () => {
  const deliveryId = crypto.randomUUID();
  const payload = {
    action: 'update',
    type: 'Issue',
    createdAt: new Date().toISOString(),
    webhookTimestamp: Date.now(),
    data: { id: 'iss_1', title: 'Ship the adapter' },
  };
  const report = await assertProcessedOnce({
    adapter: linear({ secret }),
    request: () => linearRequest(payload, deliveryId), // one copy per call, same delivery
  });
  expect(report.runs).toBe(1);
  expect(report.event.dedupeKey).toBe(`linear:${deliveryId}`);
});
