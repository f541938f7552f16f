import { describeAdapter, signedStripeRequest } from '@hooklatch/testing';
import { stripe } from '../src/index';
import { eventWith, MINIMAL_PAYMENT_INTENT } from './support/fixtures';

const SECRET = 'whsec_conformance_0123456789';
const body = JSON.stringify(eventWith('payment_intent.succeeded', MINIMAL_PAYMENT_INTENT));

describeAdapter({
  name: 'stripe',
  adapter: () => stripe({ secret: SECRET }),
  body,
  deliver: (b) => signedStripeRequest({ secret: SECRET, payload: b }),
  forge: (b) => signedStripeRequest({ secret: 'whsec_someone_else', payload: b }),
  authHeaders: ['Stripe-Signature'],
  secrets: [SECRET],
});
