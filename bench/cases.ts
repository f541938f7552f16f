/**
 * The benchmark cases: each pairs a hooklatch call with the peer call that does the same job.
 * Requests are signed once up front, so only verification and parsing are timed.
 */

import { memoryStore, parseEvent, processOnce, type WebhookEvent } from '@hooklatch/core';
import { github } from '@hooklatch/github';
import { standardWebhooks } from '@hooklatch/standard-webhooks';
import { redisStore } from '@hooklatch/store-redis';
import { stripe } from '@hooklatch/stripe';
import { signedGithubRequest } from '@hooklatch/github/testing';
import { signedStandardWebhooksRequest } from '@hooklatch/standard-webhooks/testing';
import { signedStripeRequest } from '@hooklatch/stripe/testing';
import examples from '@octokit/webhooks-examples';
import { verify as octokitVerify } from '@octokit/webhooks-methods';
import { Redis } from 'ioredis';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import { serverUrl } from '../packages/testing/test-support/require-server';

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

/** A verified event with a fresh key. */
export function eventWithKey(key: string): WebhookEvent {
  return {
    provider: 'bench',
    type: 'bench.event',
    id: key,
    idSource: 'event',
    dedupeKey: `bench:${key}`,
    occurredAt: new Date(),
    receivedAt: new Date(),
    meta: {},
    payload: null,
  };
}

/** Claim cases use a fresh key per call: a repeated key would measure the duplicate path. */
export async function claimCases(): Promise<BenchCase[]> {
  let n = 0;
  const handler = () => ({ ok: true });
  const store = memoryStore();
  const map = new Map<string, { state: string; until: number }>();
  const cases: BenchCase[] = [
    {
      name: 'claim (memory)',
      peerName: 'Map check-and-set',
      ours: () => processOnce(store, eventWithKey(`m${n++}`), handler),
      peer: () => {
        const key = `bench:p${n++}`;
        if (map.has(key)) return;
        map.set(key, { state: 'in_flight', until: Date.now() + 300_000 });
        handler();
        map.set(key, { state: 'completed', until: Date.now() + 259_200_000 });
      },
    },
  ];
  // The store suites' rule: skip with a warning locally, fail in CI.
  const url = serverUrl('redis');
  if (url === undefined) return cases;
  const client = new Redis(url);
  const prefix = `hooklatch-bench:${process.pid}:`;
  const redis = redisStore({ client, prefix });
  cases.push({
    name: 'claim (redis)',
    peerName: 'SET NX PX + SET XX',
    ours: () => processOnce(redis, eventWithKey(`r${n++}`), handler),
    peer: async () => {
      const key = `${prefix}raw:${n++}`;
      if ((await client.set(key, 'in_flight', 'PX', 300_000, 'NX')) !== 'OK') return;
      handler();
      await client.set(key, '{"state":"completed"}', 'PX', 259_200_000, 'XX');
    },
    close: async () => {
      // Leave nothing behind in a shared server.
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length > 0) await client.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      client.disconnect();
    },
  });
  return cases;
}
