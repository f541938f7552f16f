import { describeAdapter } from '@hooklatch/testing/vitest';
import { shopify } from '../src/index';
import { ORDER } from './support/examples';

const SECRET = 'shopify-conformance-secret';

describeAdapter({
  name: 'shopify',
  adapter: () => shopify({ secret: SECRET }),
  body: JSON.stringify(ORDER),
  // The event ID is the dedupe ID and stays fixed across retries, as Shopify's does.
  headers: {
    'x-shopify-topic': 'orders/create',
    'x-shopify-shop-domain': 'hooklatch-test.myshopify.com',
    'x-shopify-event-id': '9f1b7c2e-0000-4000-8000-000000000001',
    'x-shopify-webhook-id': 'b54557e4-0000-4000-8000-000000000002',
  },
  secrets: [SECRET],
});

describeAdapter({
  name: 'shopify (rotation, Events header form)',
  adapter: () => shopify({ secrets: [SECRET, 'shopify-previous-secret'] }),
  body: JSON.stringify(ORDER),
  headers: {
    'shopify-topic': 'orders/paid',
    'shopify-shop-domain': 'hooklatch-test.myshopify.com',
    'shopify-webhook-id': 'b54557e4-0000-4000-8000-000000000003',
  },
  signOptions: { keyIndex: 1 },
  secrets: [SECRET, 'shopify-previous-secret'],
});
