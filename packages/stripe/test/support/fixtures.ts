/**
 * Stripe's own example objects (stripe/openapi `openapi/fixtures3.json`), kept in this repository
 * at test/fixtures/stripe-openapi/ with their origin in SOURCE.md, so every clone runs the
 * schema tests against them.
 */
import { readFileSync } from 'node:fs';
import type { StripeTypedEventType } from '../../src/index';

type Resources = Record<string, Record<string, unknown>>;

/** Where the fixtures live. */
export const FIXTURES_URL = new URL('../fixtures/stripe-openapi/fixtures3.json', import.meta.url);

/** Every fixture resource by name (`payment_intent`, `checkout.session`...). */
export const resources: Resources = (
  JSON.parse(readFileSync(FIXTURES_URL, 'utf8')) as { resources: Resources }
).resources;

/** The fixture resource whose object each typed event type carries. */
export const RESOURCE_OF: Record<StripeTypedEventType, string> = {
  'payment_intent.succeeded': 'payment_intent',
  'payment_intent.payment_failed': 'payment_intent',
  'payment_intent.created': 'payment_intent',
  'payment_intent.canceled': 'payment_intent',
  'charge.succeeded': 'charge',
  'charge.failed': 'charge',
  'charge.refunded': 'charge',
  'checkout.session.completed': 'checkout.session',
  'checkout.session.expired': 'checkout.session',
  'invoice.paid': 'invoice',
  'invoice.payment_failed': 'invoice',
  'invoice.finalized': 'invoice',
  'customer.created': 'customer',
  'customer.updated': 'customer',
  'customer.deleted': 'customer',
  'customer.subscription.created': 'subscription',
  'customer.subscription.updated': 'subscription',
  'customer.subscription.deleted': 'subscription',
};

/** The fixture resource `name`; throws when the name is unknown. */
export function resource(name: string): Record<string, unknown> {
  const found = resources[name];
  if (found === undefined) throw new Error(`No fixture resource ${name}`);
  return found;
}

/** A snapshot event around `object`, built from the fixture `event` envelope. */
export function eventWith(
  type: string,
  object: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const base = resource('event');
  return { ...base, id: `evt_${type.replaceAll('.', '_')}`, type, data: { object }, ...overrides };
}

/** A small, self-contained `payment_intent`, for tests that build objects by hand. */
export const MINIMAL_PAYMENT_INTENT = {
  id: 'pi_123',
  object: 'payment_intent',
  amount: 2000,
  amount_received: 2000,
  currency: 'usd',
  status: 'succeeded',
  customer: 'cus_123',
  latest_charge: 'ch_123',
  metadata: { order: '42' },
  created: 1_721_954_000,
  livemode: false,
};

/** A thin event notification, as Stripe posts it to an event destination. */
export const THIN_EVENT = {
  id: 'evt_test_65R9Ijk8d1MyKpV6vDw16R9IjkAiSQsJSiGzUQgvPpZ',
  object: 'v2.core.event',
  type: 'v1.billing.meter.error_report_triggered',
  created: '2024-09-17T06:20:52.246Z',
  livemode: false,
  context: null,
  related_object: {
    id: 'mtr_test_61R9IjkVnU8wBnUX041IF3rmPJd9Eo5E',
    type: 'billing.meter',
    url: '/v1/billing/meters/mtr_test_61R9IjkVnU8wBnUX041IF3rmPJd9Eo5E',
  },
  reason: null,
};
