import { encodeSignature, hmacSha256 } from '@hooklatch/core/kit';
import { describeAdapter } from '@hooklatch/testing';
import { linear } from '../../../docs/snippets/linear-adapter'; // your adapter module

const secret = 'lin_wh_test_secret';
const sign = (key: string, body: string) => ({
  headers: {
    'content-type': 'application/json',
    'linear-delivery': '0b7e7c1e-2f5d-4a43-9d55-3c1f1d0e8a11', // a retry keeps it
    'linear-event': 'Issue',
    'linear-signature': encodeSignature(hmacSha256(key, body), 'hex'),
  },
});

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
  deliver: (body) => sign(secret, body),
  forge: (body) => sign('not-the-secret', body),
  authHeaders: ['Linear-Signature'],
  secrets: [secret],
});
