import { assertProcessedOnce } from '@hooklatch/testing';
import { expect, it } from 'vitest';
import { linear } from '../../../docs/snippets/linear-adapter'; // your adapter module

const secret = 'lin_wh_test_secret';

it('handles a retried Linear delivery once', async () => {
  const deliveryId = crypto.randomUUID();
  const report = await assertProcessedOnce({
    adapter: linear({ secret }),
    // adapter.sign signs each copy exactly as Linear does: hex HMAC-SHA256 of the body.
    body: JSON.stringify({
      action: 'update',
      type: 'Issue',
      createdAt: new Date().toISOString(),
      webhookTimestamp: Date.now(),
      data: { id: 'iss_1', title: 'Ship the adapter' },
    }),
    headers: { 'linear-delivery': deliveryId, 'linear-event': 'Issue' }, // the same on every copy
  });
  expect(report.runs).toBe(1);
  expect(report.event.dedupeKey).toBe(`linear:${deliveryId}`);
});
