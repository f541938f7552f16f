import {
  describeAdapter,
  signedStandardWebhooksRequest,
  standardWebhooksSecret,
} from '@hooklatch/testing';
import { standardWebhooks } from '../src/index';

const SECRET = standardWebhooksSecret();
const OTHER = standardWebhooksSecret();
const body = JSON.stringify({
  type: 'invoice.paid',
  timestamp: '2025-01-05T10:15:32Z',
  data: { id: 'inv_1' },
});

describeAdapter({
  name: 'standard-webhooks',
  adapter: () => standardWebhooks({ secret: SECRET }),
  body,
  // A retry keeps webhook-id (the dedupe ID) and signs a new timestamp.
  deliver: (b) => signedStandardWebhooksRequest({ secret: SECRET, body: b, id: 'msg_conformance' }),
  forge: (b) => signedStandardWebhooksRequest({ secret: OTHER, body: b, id: 'msg_conformance' }),
  authHeaders: ['webhook-signature'],
  secrets: [SECRET, SECRET.slice('whsec_'.length)],
});
