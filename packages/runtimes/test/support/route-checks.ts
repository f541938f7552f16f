/**
 * What every runtime's route must do, checked from Node over loopback: a signed delivery is
 * processed, its retry is a duplicate, concurrent copies run the handler once (the others told
 * 409 + Retry-After), a tampered body is 401, and each side effect ran exactly once.
 */
import { signedStandardWebhooksRequest } from '@hooklatch/standard-webhooks/testing';
import { signedStripeRequest } from '@hooklatch/stripe/testing';
import { ADAPTER_TESTS } from '@hooklatch/testing';
import { expect } from 'vitest';
import { STANDARD_WEBHOOKS_SECRET, STRIPE_SECRET } from '../../harness/app';

/** A provider route of the test app. */
export type Provider = 'stripe' | 'standard-webhooks';

interface Signed {
  headers: Record<string, string>;
  body: string;
}

function stripeEvent(id: string): string {
  return JSON.stringify({
    id,
    object: 'event',
    type: 'payment_intent.succeeded',
    created: 1_721_954_100,
    livemode: false,
    data: {
      object: {
        id: `pi_${id}`,
        object: 'payment_intent',
        amount: 2000,
        amount_received: 2000,
        currency: 'eur',
        status: 'succeeded',
        customer: null,
        metadata: { note: 'Café ☕' },
        created: 1_721_954_000,
        livemode: false,
      },
    },
  });
}

/** A delivery of event `id`, signed as the provider signs it. */
export function signedDelivery(provider: Provider, id: string): Signed {
  if (provider === 'stripe') {
    const signed = signedStripeRequest({ secret: STRIPE_SECRET, payload: stripeEvent(id) });
    return { headers: signed.headers, body: signed.body };
  }
  const body = JSON.stringify({
    type: 'invoice.paid',
    timestamp: '2025-01-05T10:15:32Z',
    data: { id },
  });
  const signed = signedStandardWebhooksRequest({ secret: STANDARD_WEBHOOKS_SECRET, body, id });
  return { headers: signed.headers, body };
}

async function post(url: string, path: Provider | '', delivery: Signed) {
  const response = await fetch(`${url}/${path}`, {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.body,
  });
  const body = (await response.json()) as { outcome?: string; error?: { code: string } };
  return {
    status: response.status,
    outcome: body.outcome ?? body.error?.code,
    retryAfter: response.headers.get('retry-after'),
  };
}

/** Run the whole scenario against the route of `provider` served at `url`. */
export async function expectExactlyOnce(url: string, provider: Provider): Promise<void> {
  const once = signedDelivery(provider, 'evt_once');
  expect(await post(url, provider, once)).toMatchObject({ status: 200, outcome: 'processed' });
  expect(await post(url, provider, once)).toMatchObject({ status: 200, outcome: 'duplicate' });

  const copies = signedDelivery(provider, 'evt_copies');
  const answers = await Promise.all(Array.from({ length: 5 }, () => post(url, provider, copies)));
  const processed = answers.filter((a) => a.status === 200 && a.outcome === 'processed');
  const inFlight = answers.filter((a) => a.status === 409 && a.outcome === 'in_flight');
  expect(processed).toHaveLength(1);
  expect(inFlight).toHaveLength(4);
  for (const answer of inFlight) expect(Number(answer.retryAfter)).toBeGreaterThan(0);
  expect(await post(url, provider, copies)).toMatchObject({ status: 200, outcome: 'duplicate' });

  const signed = signedDelivery(provider, 'evt_tampered');
  const tampered = { ...signed, body: signed.body.replace('}', ',"extra":1}') };
  expect(await post(url, provider, tampered)).toMatchObject({
    status: 401,
    outcome: 'SIGNATURE_INVALID',
  });

  const effects = (await (await fetch(`${url}/effects`)).json()) as Record<string, number>;
  const mine = Object.fromEntries(
    Object.entries(effects).filter(([key]) => key.startsWith(`${provider}:`)),
  );
  expect(mine).toEqual({ [`${provider}:evt_once`]: 1, [`${provider}:evt_copies`]: 1 });
}

/** The crypto build the server loaded. */
export async function backendOf(url: string): Promise<string> {
  return ((await (await fetch(`${url}/backend`)).json()) as { backend: string }).backend;
}

/** Run the adapter conformance checks inside the server; every one must pass. */
export async function expectConformance(url: string): Promise<void> {
  const response = await fetch(`${url}/conformance`);
  expect(response.status).toBe(200);
  const results = (await response.json()) as Array<{ suite: string; name: string; error?: string }>;
  // Every check for each adapter ran (none is skipped), and none failed.
  for (const suite of ['stripe', 'standard-webhooks']) {
    expect(results.filter((r) => r.suite === suite).map((r) => r.name)).toEqual([...ADAPTER_TESTS]);
  }
  expect(results.filter((r) => r.error !== undefined)).toEqual([]);
}

/**
 * The docs examples' scenario: a signed Stripe delivery to `url` is processed, its retry is a
 * duplicate, a tampered copy is 401, and the example's side effect (a `paid <id>` log line)
 * shows up exactly once in what the server printed.
 */
export async function expectExampleOnce(url: string, output: () => string): Promise<void> {
  const delivery = signedDelivery('stripe', 'evt_example');
  expect(await post(url, '', delivery)).toMatchObject({ status: 200, outcome: 'processed' });
  expect(await post(url, '', delivery)).toMatchObject({ status: 200, outcome: 'duplicate' });
  const tampered = { ...delivery, body: delivery.body.replace('2000', '2') };
  expect(await post(url, '', tampered)).toMatchObject({ status: 401 });
  // Log lines reach the pipe asynchronously.
  await expect
    .poll(() => output().match(/paid pi_evt_example/g)?.length ?? 0, { timeout: 2_000 })
    .toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 100));
  expect(output().match(/paid pi_evt_example/g)).toHaveLength(1);
}
