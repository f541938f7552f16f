/**
 * Stripe's own example objects (stripe/openapi fixtures3.json), shared outside the repo at
 * `<repo>/../shared/fixtures/stripe/fixtures3.json`. Missing fixtures skip locally but fail in CI,
 * so a CI run can never pass without exercising the schemas against real objects.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StripeTypedEventType } from '../../src/index';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** Where the fixtures are expected. */
export const FIXTURES_PATH = resolve(repoRoot, '../shared/fixtures/stripe/fixtures3.json');

type Resources = Record<string, Record<string, unknown>>;

function load(): Resources | undefined {
  if (!existsSync(FIXTURES_PATH)) {
    if (process.env.CI)
      throw new Error(`Stripe fixtures missing at ${FIXTURES_PATH} (required in CI).`);
    return undefined;
  }
  return (JSON.parse(readFileSync(FIXTURES_PATH, 'utf8')) as { resources: Resources }).resources;
}

/** Every fixture resource by name (`payment_intent`, `checkout.session`...), or undefined. */
export const resources = load();

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

/** The fixture resource `name`; throws when fixtures are loaded but the name is unknown. */
export function resource(name: string): Record<string, unknown> {
  const found = resources?.[name];
  if (found === undefined) throw new Error(`No fixture resource ${name}`);
  return found;
}

/**
 * A snapshot event around `object`, built from the fixture `event` envelope. Works without the
 * fixtures too (a minimal envelope), for tests that do not need Stripe's objects.
 */
export function eventWith(
  type: string,
  object: Record<string, unknown>,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const base = resources?.event ?? {
    object: 'event',
    api_version: '2024-06-20',
    created: 1_721_954_000,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
  };
  return { ...base, id: `evt_${type.replaceAll('.', '_')}`, type, data: { object }, ...overrides };
}

/** A small, self-contained `payment_intent` (for tests that must run without fixtures). */
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
