/**
 * `parseEvent` against the libraries users would call instead, on the same signed deliveries as
 * the floor cases. The peers do less (none validates a schema or computes a digest), which is
 * what the targets price in.
 */
import '@shopify/shopify-api/adapters/node';
import { parseEvent } from '@hooklatch/core';
import { ApiVersion, LogSeverity, shopifyApi } from '@shopify/shopify-api';
import { Webhook } from 'standardwebhooks';
import Stripe from 'stripe';
import {
  type Floor,
  type ParseCase,
  shopifyDelivery,
  shopifyFloor,
  standardWebhooksDelivery,
  standardWebhooksFloor,
  stripeDelivery,
} from './parse-cases';
import type { FloorDelivery } from './parse-floors';
import type { ParseSize } from './parse-payloads';

/** Stripe `parseEvent` / `stripe.webhooks.constructEvent` (which validates nothing). */
function stripePeer(size: ParseSize, target: number): ParseCase {
  const { adapter, delivery, secret } = stripeDelivery(size);
  const client = new Stripe('sk_test_bench');
  const header = delivery.headers['stripe-signature'] as string;
  return {
    name: 'stripe',
    size,
    otherName: 'stripe constructEvent',
    target: { kind: 'ratio-at-most', value: target },
    ours: () => parseEvent(adapter, delivery),
    // constructEvent takes the Buffer as it is.
    other: () => client.webhooks.constructEvent(delivery.body, header, secret),
  };
}

/**
 * The same peer case with the floor in hooklatch's place: the speed-up the floor itself reaches
 * in this run, the ceiling of the target (a peer that waits on other threads slows less than
 * JavaScript does on a busy machine).
 */
function ceiling(peer: ParseCase, floor: Floor, delivery: FloorDelivery): ParseCase {
  return { ...peer, ceiling: true, ours: async () => floor(delivery) };
}

/** Shopify `parseEvent` / `@shopify/shopify-api` `webhooks.validate` (HMAC and headers only). */
function shopifyPeer(size: ParseSize): ParseCase {
  const { adapter, delivery, secret } = shopifyDelivery(size);
  const api = shopifyApi({
    apiKey: 'bench-api-key',
    apiSecretKey: secret,
    hostName: 'hooks.example.com',
    apiVersion: ApiVersion.July25,
    isEmbeddedApp: false,
    logger: { level: LogSeverity.Error },
  });
  const rawRequest = { method: 'POST', url: '/webhooks', headers: delivery.headers };
  return {
    name: 'shopify',
    size,
    otherName: '@shopify/shopify-api webhooks.validate',
    target: { kind: 'faster-at-least', value: 20 },
    ours: () => parseEvent(adapter, delivery),
    other: async () => {
      // validate wants the body as text, as its own docs read it.
      const result = await api.webhooks.validate({
        rawBody: delivery.body.toString('utf8'),
        rawRequest,
        rawResponse: {},
      });
      if (!result.valid) throw new Error(`shopify-api: ${result.reason}`);
      return result;
    },
  };
}

/** Standard Webhooks `parseEvent` / `standardwebhooks` `Webhook.verify` (verifies, parses JSON). */
function standardWebhooksPeer(size: ParseSize): ParseCase {
  const { adapter, delivery, secret } = standardWebhooksDelivery(size);
  const webhook = new Webhook(secret);
  return {
    name: 'standard-webhooks',
    size,
    otherName: 'standardwebhooks Webhook.verify',
    target: { kind: 'faster-at-least', value: 2 },
    ours: () => parseEvent(adapter, delivery),
    other: () => webhook.verify(delivery.body, delivery.headers),
  };
}

/** Every peer case of issue 15, built when measured; the ceilings where the targets are tight. */
export function peerCases(sizes: readonly ParseSize[]): Array<() => ParseCase> {
  const has = (size: ParseSize) => sizes.includes(size);
  const shopifyCeiling = () => {
    const { delivery, secret } = shopifyDelivery('2 KB');
    return ceiling(shopifyPeer('2 KB'), shopifyFloor(secret), delivery);
  };
  const standardWebhooksCeiling = () => {
    const { delivery, secret } = standardWebhooksDelivery('2 KB');
    return ceiling(standardWebhooksPeer('2 KB'), standardWebhooksFloor(secret), delivery);
  };
  return [
    ...(has('2 KB') ? [() => stripePeer('2 KB', 1.5)] : []),
    ...(has('256 KB') ? [() => stripePeer('256 KB', 1.0)] : []),
    ...(has('2 KB') ? [() => shopifyPeer('2 KB'), shopifyCeiling] : []),
    ...sizes.map((size) => () => standardWebhooksPeer(size)),
    ...(has('2 KB') ? [standardWebhooksCeiling] : []),
  ];
}
