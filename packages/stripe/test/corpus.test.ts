/**
 * The typed schemas against real Stripe payloads of several API versions (test/fixtures/corpus,
 * origins in its SOURCE.md): every real object of a typed kind must validate, so a schema never
 * requires a field some API version leaves out.
 */
import { readFileSync } from 'node:fs';
import { parseEvent } from '@hooklatch/core';
import { signedStripeRequest } from '@hooklatch/stripe/testing';
import { describe, expect, it } from 'vitest';
import { type StripeTypedEventType, stripe, stripeEventSchemas } from '../src/index';
import { RESOURCE_OF, resources } from './support/fixtures';

const secret = 'whsec_corpus';
const adapter = stripe({ secret, toleranceSeconds: 0 });
const typedTypes = Object.keys(stripeEventSchemas) as StripeTypedEventType[];

function corpusText(file: string): string {
  return readFileSync(new URL(`./fixtures/corpus/${file}`, import.meta.url), 'utf8');
}

const stripe2022 = (
  JSON.parse(corpusText('stripe-mock-fixtures3-2022.json')) as {
    resources: Record<string, Record<string, unknown>>;
  }
).resources;

/** Each API version's examples, keyed by resource name. */
const EXAMPLES_BY_VERSION = {
  '2022 (stripe-mock)': stripe2022,
  '2026 (stripe/openapi)': resources,
};

/** A snapshot event of `type` around `object`, on the `event` example of the same version. */
function eventWith(
  type: string,
  object: Record<string, unknown>,
  overrides: Record<string, unknown>,
  base: Record<string, unknown> = {},
): Record<string, unknown> {
  return { ...base, id: `evt_${type.replaceAll('.', '_')}`, type, data: { object }, ...overrides };
}

const cases = Object.entries(EXAMPLES_BY_VERSION).flatMap(([version, objects]) =>
  typedTypes.map((type) => [version, type, objects] as const),
);

describe('typed schemas across API versions', () => {
  it.each(cases)('%s: %s validates the real data.object', async (_version, type, objects) => {
    const object = objects[RESOURCE_OF[type]];
    if (object === undefined) throw new Error(`corpus lacks ${RESOURCE_OF[type]}`);
    const base = objects.event ?? {};
    const req = signedStripeRequest({ secret, payload: eventWith(type, object, {}, base) });
    const event = await parseEvent(adapter, req);
    expect(event.type).toBe(type);
    expect(event.validated).toBe(true);
    expect((event.payload as { data: { object: unknown } }).data.object).toEqual(object);
  });

  it('the 2022 deleted_customer validates as customer.deleted', async () => {
    const object = stripe2022.deleted_customer ?? {};
    const payload = eventWith('customer.deleted', object, {}, stripe2022.event ?? {});
    const event = await parseEvent(adapter, signedStripeRequest({ secret, payload }));
    expect(event.validated).toBe(true);
    expect(event.subject).toBe('cus_MRBbj3lpVwc4fH');
  });
});

describe('a checkout.session.completed delivered at API version 2019-05-16', () => {
  // The body exactly as Stripe sent it: no created, expires_at, status, payment_status,
  // amount_total or currency on the session.
  const body = corpusText('checkout-session-completed-2019-05-16.json');

  it('is a typed, validated event', async () => {
    const event = await parseEvent(adapter, signedStripeRequest({ secret, payload: body }));
    expect(event.id).toBe('evt_1GqFpHAlCFm536g8NYSLoccF');
    expect(event.meta.apiVersion).toBe('2019-05-16');
    expect(event.validated).toBe(true);
    if (event.type !== 'checkout.session.completed' || !event.validated) throw new Error('typed');
    const session = event.payload.data.object;
    expect(session.created).toBeUndefined();
    expect(session.payment_intent).toBe('pi_1GqFpCAlCFm536g8HsBSvSEt');
    expect(session.mode).toBe('payment');
  });

  it('lacks the fields later API versions added (the case the schema must allow)', () => {
    const session = (JSON.parse(body) as { data: { object: Record<string, unknown> } }).data.object;
    for (const field of ['created', 'expires_at', 'status', 'payment_status', 'amount_total']) {
      expect(Object.hasOwn(session, field), field).toBe(false);
    }
  });
});

describe('event envelopes of older API versions', () => {
  it('accepts `request` as the bare request ID (before API version 2017-05-25)', async () => {
    // Stripe changelog 2017-05-25: `request` became { id, idempotency_key }; before, the ID.
    const payload = eventWith(
      'charge.succeeded',
      resources.charge ?? {},
      { api_version: '2017-02-14', request: 'req_8xXXNjY3bTBHc9' },
      stripe2022.event ?? {},
    );
    const event = await parseEvent(adapter, signedStripeRequest({ secret, payload }));
    expect(event.validated).toBe(true);
  });

  it('accepts a null api_version (events created before 2014-10-31)', async () => {
    const payload = eventWith(
      'plan.created',
      { id: 'plan_1', object: 'plan' },
      {},
      resources.event,
    );
    expect((resources.event as { api_version: unknown }).api_version).toBeNull();
    expect((await parseEvent(adapter, signedStripeRequest({ secret, payload }))).type).toBe(
      'plan.created',
    );
  });
});
