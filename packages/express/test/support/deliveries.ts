/**
 * Stripe and GitHub deliveries for the integration tests, with the shapes the providers send,
 * signed as each provider signs them: by the adapter's own `sign`, or by the provider's SDK.
 */
import { createRequire } from 'node:module';
import type { WebhookAdapter, WebhookEvent } from '@hooklatch/core';
import { github } from '@hooklatch/github';
import { stripe } from '@hooklatch/stripe';
import { sign as octokitSign } from '@octokit/webhooks-methods';
import Stripe from 'stripe';

const require = createRequire(import.meta.url);

/** One delivery as sent over HTTP. */
export interface ProofDelivery {
  method: string;
  headers: Record<string, string>;
  body: string;
}

export const STRIPE_SECRET = 'whsec_integration_proof';
export const GITHUB_SECRET = 'github-integration-proof';

const STRIPE_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

function viaSign(
  adapter: WebhookAdapter<WebhookEvent>,
  body: string,
  headers: Record<string, string>,
  secret?: string,
): ProofDelivery | undefined {
  const signed = adapter.sign?.(body, secret === undefined ? { headers } : { headers, secret });
  return signed && { method: signed.method, headers: { ...signed.headers }, body };
}

/** Every delivery of one event carries the same `created`, as Stripe's retries do. */
const CREATED = Math.floor(Date.now() / 1000);

/** A `payment_intent.succeeded` event as Stripe sends it (API version 2024-06-20). */
export function stripePaymentIntent(
  id: string,
  metadata: Record<string, string> = {},
  type = 'payment_intent.succeeded',
) {
  return {
    id,
    object: 'event',
    api_version: '2024-06-20',
    created: CREATED,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: {
      object: {
        id: 'pi_proof',
        object: 'payment_intent',
        amount: 2000,
        amount_received: 2000,
        currency: 'usd',
        status: 'succeeded',
        customer: 'cus_proof',
        latest_charge: 'ch_proof',
        metadata,
        created: 1_721_954_000,
        livemode: false,
      },
    },
  };
}

export const stripeAdapter = () => stripe({ secret: STRIPE_SECRET });

/** Options of {@link stripeSigned}. */
export interface StripeSignedOptions {
  /** The payment intent's metadata (to pad a body, say). */
  metadata?: Record<string, string>;
  /** @default 'payment_intent.succeeded' */
  type?: string;
  /** Sign with this secret instead of the adapter's own. */
  secret?: string;
}

/** A Stripe delivery of event `id`, signed as Stripe signs it. */
export function stripeSigned(
  adapter: WebhookAdapter<WebhookEvent>,
  id: string,
  options: StripeSignedOptions = {},
): ProofDelivery {
  const body = JSON.stringify(stripePaymentIntent(id, options.metadata, options.type));
  const signed = viaSign(adapter, body, STRIPE_HEADERS, options.secret);
  if (signed === undefined) throw new Error('stripe() has no sign()');
  return signed;
}

/** The same event signed by the `stripe` SDK (pretty-printed, as Stripe's own examples are). */
export function stripeSdkSigned(id: string): ProofDelivery {
  const body = JSON.stringify(stripePaymentIntent(id), null, 2);
  const header = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: STRIPE_SECRET });
  return { method: 'POST', headers: { ...STRIPE_HEADERS, 'stripe-signature': header }, body };
}

interface ExampleGroup {
  name: string;
  examples: Record<string, unknown>[];
}

/** GitHub's `ping` delivery body, as captured in @octokit/webhooks-examples. */
const pingBody = (() => {
  const groups = require('@octokit/webhooks-examples') as ExampleGroup[];
  const ping = groups.find((group) => group.name === 'ping')?.examples[0];
  if (ping === undefined) throw new Error('@octokit/webhooks-examples has no ping example');
  return JSON.stringify(ping);
})();

const githubHeaders = (deliveryId: string) => ({
  'content-type': 'application/json',
  'x-github-event': 'ping',
  'x-github-delivery': deliveryId,
  'x-github-hook-id': '1',
});

export const githubAdapter = () => github({ secret: GITHUB_SECRET });

/** A GitHub `ping` delivery with its `X-GitHub-Delivery` GUID, signed as GitHub signs it. */
export function githubSigned(
  adapter: WebhookAdapter<WebhookEvent>,
  deliveryId: string,
): ProofDelivery {
  const signed = viaSign(adapter, pingBody, githubHeaders(deliveryId));
  if (signed === undefined) throw new Error('github() has no sign()');
  return signed;
}

/** The same delivery signed by @octokit/webhooks-methods. */
export async function githubSdkSigned(deliveryId: string): Promise<ProofDelivery> {
  const signature = await octokitSign(GITHUB_SECRET, pingBody);
  return {
    method: 'POST',
    headers: { ...githubHeaders(deliveryId), 'x-hub-signature-256': signature },
    body: pingBody,
  };
}
