import { describeAdapter } from '@hooklatch/testing/vitest';
import { linear } from '../../../docs/snippets/linear-adapter'; // your adapter module

const secret = 'lin_wh_test_secret';

describeAdapter({
  name: 'linear',
  adapter: () => linear({ secret }),
  body: JSON.stringify({
    action: 'update',
    type: 'Issue',
    createdAt: new Date().toISOString(),
    webhookTimestamp: Date.now(),
    data: { id: 'iss_1', title: 'Ship the adapter' },
  }),
  // Everything but the signature, which adapter.sign adds; a retry keeps the delivery ID.
  headers: {
    'content-type': 'application/json',
    'linear-delivery': '0b7e7c1e-2f5d-4a43-9d55-3c1f1d0e8a11',
    'linear-event': 'Issue',
  },
  secrets: [secret],
});
