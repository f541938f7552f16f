import { describeAdapter, signedShopifyRequest } from '@hooklatch/testing';
import { shopify } from '../src/index';
import { ORDER } from './support/examples';

const SECRET = 'shopify-conformance-secret';
const ids = {
  eventId: '9f1b7c2e-0000-4000-8000-000000000001',
  webhookId: 'b54557e4-0000-4000-8000-000000000002',
};
const body = JSON.stringify(ORDER);

describeAdapter({
  name: 'shopify',
  adapter: () => shopify({ secret: SECRET }),
  body,
  deliver: (b) =>
    signedShopifyRequest({ secret: SECRET, topic: 'orders/create', payload: b, ...ids }),
  forge: (b) =>
    signedShopifyRequest({ secret: 'other', topic: 'orders/create', payload: b, ...ids }),
  authHeaders: ['X-Shopify-Hmac-Sha256'],
  secrets: [SECRET],
});
