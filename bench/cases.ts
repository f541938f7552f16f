/**
 * The benchmark cases: each pairs a hooklatch call with the peer call that does the same job.
 * Requests are signed once up front, so only verification and parsing are timed.
 */

import { parseEvent } from '@hooklatch/core';
import { github } from '@hooklatch/github';
import { signedGithubRequest } from '@hooklatch/github/testing';
import { standardWebhooks } from '@hooklatch/standard-webhooks';
import { signedStandardWebhooksRequest } from '@hooklatch/standard-webhooks/testing';
import { stripe } from '@hooklatch/stripe';
import { signedStripeRequest } from '@hooklatch/stripe/testing';
import examples from '@octokit/webhooks-examples';
import { verify as octokitVerify } from '@octokit/webhooks-methods';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';

/** One comparison: both functions do the same job; `close` frees what the case opened. */
export interface BenchCase {
  name: string;
  peerName: string;
  ours: () => unknown;
  peer: () => unknown;
  close?: () => Promise<void>;
}

const STRIPE_SECRET = 'whsec_bench_0123456789abcdef';
const GITHUB_SECRET = 'bench-github-secret';
const SW_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/**
 * Both sides start from what a Node server holds after reading a request: the body as a Buffer.
 * hooklatch verifies those bytes; a peer that wants text pays for the decoding, as it would in
 * a real handler.
 */
function received(req: { headers: Record<string, string>; body: string }) {
  return { method: 'POST', headers: req.headers, body: Buffer.from(req.body, 'utf8') };
}

function stripeCase(): BenchCase {
  const payload = {
    id: 'evt_bench',
    object: 'event',
    api_version: '2024-06-20',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'payment_intent.succeeded',
    data: {
      object: {
        id: 'pi_bench',
        object: 'payment_intent',
        amount: 2000,
        amount_received: 2000,
        currency: 'usd',
        status: 'succeeded',
        customer: 'cus_bench',
        latest_charge: 'ch_bench',
        metadata: { order: '42' },
        created: 1_721_954_000,
        livemode: false,
      },
    },
  };
  const req = signedStripeRequest({ secret: STRIPE_SECRET, payload });
  const adapter = stripe({ secret: STRIPE_SECRET });
  const client = new Stripe('sk_test_bench');
  const header = req.headers['stripe-signature'] as string;
  const delivery = received(req);
  return {
    name: 'stripe',
    peerName: 'stripe constructEvent',
    ours: () => parseEvent(adapter, delivery),
    // constructEvent takes the Buffer as it is.
    peer: () => client.webhooks.constructEvent(delivery.body, header, STRIPE_SECRET),
  };
}

function githubCase(): BenchCase {
  const issues = examples.find((e) => e.name === 'issues');
  const payload = issues?.examples.find((x) => (x as { action?: string }).action === 'opened');
  if (payload === undefined)
    throw new Error('no issues.opened example in @octokit/webhooks-examples');
  const req = signedGithubRequest({ secret: GITHUB_SECRET, event: 'issues', payload });
  const adapter = github({ secret: GITHUB_SECRET });
  const signature = req.headers['x-hub-signature-256'] as string;
  const delivery = received(req);
  return {
    name: 'github',
    peerName: '@octokit/webhooks-methods verify + JSON.parse',
    ours: () => parseEvent(adapter, delivery),
    peer: async () => {
      const text = delivery.body.toString('utf8');
      if (!(await octokitVerify(GITHUB_SECRET, text, signature))) throw new Error('bad');
      return JSON.parse(text);
    },
  };
}

function standardWebhooksCase(): BenchCase {
  const signed = signedStandardWebhooksRequest({
    secret: SW_SECRET,
    payload: { type: 'invoice.paid', timestamp: new Date().toISOString(), data: { id: 'inv_1' } },
  });
  const adapter = standardWebhooks({ secret: SW_SECRET });
  const webhook = new Webhook(SW_SECRET);
  const delivery = received({ headers: signed.headers, body: signed.body as string });
  return {
    name: 'standard-webhooks',
    peerName: 'standardwebhooks verify',
    ours: () => parseEvent(adapter, delivery),
    // verify takes the Buffer as it is.
    peer: () => webhook.verify(delivery.body, signed.headers),
  };
}

export function parseCases(): BenchCase[] {
  return [stripeCase(), githubCase(), standardWebhooksCase()];
}
