/**
 * The six providers the demo receives from, each with the adapter a user would configure, and
 * how a delivery is signed: always by the adapter's own `sign`, the other half of the verifier
 * that checks it, so the demo's sender can never drift from what the receiver accepts.
 */
import type { WebhookAdapter } from '@hooklatch/core';
import { creatio } from '@hooklatch/creatio';
import { github } from '@hooklatch/github';
import { qualio } from '@hooklatch/qualio';
import { shopify } from '@hooklatch/shopify';
import { standardWebhooks } from '@hooklatch/standard-webhooks';
import { stripe } from '@hooklatch/stripe';

/** The providers, in the order the demo runs and reports them. */
export const PROVIDERS = [
  'stripe',
  'github',
  'shopify',
  'standard-webhooks',
  'qualio',
  'creatio',
] as const;

export type ProviderName = (typeof PROVIDERS)[number];

/** Demo-only credentials (never reuse them anywhere). */
const SECRETS = {
  stripe: 'whsec_demo_7f1c2b9e4d5a6f80',
  github: 'github-demo-secret-3e9a',
  shopify: 'shopify-demo-client-secret-51c0',
  standardWebhooks: `whsec_${btoa('hooklatch-demo-standard-webhooks-key')}`,
  qualio: 'qualio-demo-hmac-secret-0b7d',
  creatio: 'creatio-demo-gateway-secret-c41e',
};

/** One unsigned delivery: the body and the headers that are not authentication. */
export interface Unsigned {
  body: string;
  headers: Record<string, string>;
}

/** A delivery as it goes over the wire. */
export interface Wire {
  body: string;
  headers: Record<string, string>;
}

/**
 * The adapters. Creatio's web-service element sends basic or bearer auth, which do not cover the
 * body; the demo's Creatio-like sender signs through a gateway (HMAC), so a tampered body is
 * caught there as everywhere else.
 */
export const ADAPTERS: Record<ProviderName, WebhookAdapter> = {
  stripe: stripe({ secret: SECRETS.stripe }),
  github: github({ secret: SECRETS.github }),
  shopify: shopify({ secret: SECRETS.shopify }),
  'standard-webhooks': standardWebhooks({ secret: SECRETS.standardWebhooks }),
  qualio: qualio({ auth: { scheme: 'hmac', secret: SECRETS.qualio } }),
  creatio: creatio({ auth: { scheme: 'hmac', secret: SECRETS.creatio } }),
};

/** Providers whose scheme signs a timestamp: only they can tell a stale replay. */
export const SIGNS_TIMESTAMP: ReadonlySet<ProviderName> = new Set(['stripe', 'standard-webhooks']);

/**
 * Sign one attempt as the provider does: a timestamped scheme signs each attempt afresh (the
 * body and its ID stay the same), the others send the same bytes and headers every time.
 */
export function signAttempt(
  provider: ProviderName,
  delivery: Unsigned,
  timestamp: Date = new Date(),
): Wire {
  const adapter = ADAPTERS[provider];
  if (typeof adapter.sign !== 'function') {
    throw new Error(`demo: the ${provider} adapter has no sign() yet`);
  }
  const signed = adapter.sign(delivery.body, { headers: delivery.headers, timestamp });
  return { body: delivery.body, headers: { ...signed.headers } };
}

/** One byte of the body changed after signing (an amount, an ID): the signature no longer fits. */
export function tamper(wire: Wire): Wire {
  const at = wire.body.search(/[0-9](?=[^0-9]*$)/);
  const digit = Number(wire.body[at]);
  const body = `${wire.body.slice(0, at)}${(digit + 1) % 10}${wire.body.slice(at + 1)}`;
  return { body, headers: wire.headers };
}
