/**
 * The adapter conformance suite over the Stripe adapter, every delivery signed by its own
 * `sign`: one secret, a rotation signed with the old secret, a per-delivery resolver (a Connect
 * endpoint beside the account endpoint) and a thin event.
 */
import { expectHooklatchError } from '@hooklatch/testing';
import { describeAdapter } from '@hooklatch/testing/vitest';
import { expect } from 'vitest';
import { stripe } from '../src/index';
import { eventWith, MINIMAL_PAYMENT_INTENT, THIN_EVENT } from './support/fixtures';

const SECRET = 'whsec_conformance_0123456789';
const OLD = 'whsec_conformance_old_secret';
const CONNECT = 'whsec_conformance_connect_secret';
const body = JSON.stringify(eventWith('payment_intent.succeeded', MINIMAL_PAYMENT_INTENT));
const AT = new Date('2026-01-01T00:00:00Z');

describeAdapter({
  name: 'stripe',
  adapter: () => stripe({ secret: SECRET }),
  body,
  secrets: [SECRET],
  // The default tolerance: signed just inside it passes, just past it fails, both ways.
  toleranceSeconds: 300,
  additionalTests: ({ deliver, parse }) => ({
    'meta.signedAt is the signed t= and keyIndex the secret': async () => {
      const event = await parse(deliver(body, { timestamp: AT }), { receivedAt: AT });
      expect(event.meta).toMatchObject({ keyIndex: 0, signedAt: AT });
    },
    'a delivery signed 301 s before it arrived is TIMESTAMP_OUT_OF_TOLERANCE': async () => {
      const late = new Date(AT.getTime() + 301_000);
      await expectHooklatchError(parse(deliver(body, { timestamp: AT }), { receivedAt: late }), {
        code: 'TIMESTAMP_OUT_OF_TOLERANCE',
        httpStatus: 401,
        secrets: [SECRET],
      });
    },
  }),
});

describeAdapter({
  name: 'stripe (rolling secret, signed with the old one)',
  adapter: () => stripe({ secrets: [SECRET, OLD] }),
  body,
  signOptions: { keyIndex: 1 },
  secrets: [SECRET, OLD],
});

// Two endpoints on one route (account and Connect), told apart by a header the route sets.
describeAdapter({
  name: 'stripe (secrets resolver, Connect endpoint)',
  adapter: () =>
    stripe({
      secrets: (delivery) =>
        delivery.headers['x-stripe-endpoint'] === 'connect' ? [CONNECT] : [SECRET],
    }),
  body: JSON.stringify(
    eventWith('payment_intent.succeeded', MINIMAL_PAYMENT_INTENT, { account: 'acct_1' }),
  ),
  headers: { 'x-stripe-endpoint': 'connect' },
  signOptions: { secret: CONNECT },
  secrets: [SECRET, CONNECT],
});

describeAdapter({
  name: 'stripe (thin event)',
  adapter: () => stripe({ secret: SECRET }),
  body: JSON.stringify(THIN_EVENT),
  secrets: [SECRET],
});
