/**
 * The parse benchmark cases: `parseEvent` with each adapter against its floor (bench/parse-floors.ts),
 * and against the peer libraries users would call instead. A case is built right before it is
 * measured, so signed timestamps are fresh whatever the run's length.
 */
import { isDeepStrictEqual } from 'node:util';
import { parseEvent, type SignOptions, type WebhookAdapter } from '@hooklatch/core';
import { github, githubPayloadSchemas, githubSubject } from '@hooklatch/github';
import { qualio, qualioNcSchema } from '@hooklatch/qualio';
import { shopify, shopifyPayloadSchemas, shopifySubject } from '@hooklatch/shopify';
import { standardWebhooks } from '@hooklatch/standard-webhooks';
import { STRIPE_DIGEST_EXCLUDE, stripe, stripeEventSchemas } from '@hooklatch/stripe';
import { z } from 'zod';
import type { $ZodType } from 'zod/v4/core';

import {
  type FloorCrypto,
  type FloorDelivery,
  type FloorValidate,
  floorBodyDigest,
  floorCanonical,
  floorFresh,
  floorHmacMatches,
  floorSha256,
  floorValidate,
  nodeFloorCrypto,
  refuse,
} from './parse-floors';
import {
  githubPayload,
  type ParseSize,
  qualioPayload,
  shopifyPayload,
  standardWebhooksPayload,
  stripePayload,
} from './parse-payloads';

/** One measured pair: hooklatch and what it is compared with, on the same delivery. */
export interface ParseCase {
  name: string;
  size: ParseSize;
  /** What `other` is: `floor` or a peer library's name. */
  otherName: string;
  /** The target, as `<= 1.25` (ours / other) or `>= 20x faster` (other / ours). */
  target: { kind: 'ratio-at-most' | 'faster-at-least'; value: number };
  /**
   * The row times the floor (in `ours`) against a peer: how much of the peer target is within
   * reach at all in this run, on this machine. Printed, never judged.
   */
  ceiling?: boolean;
  ours: () => Promise<unknown>;
  other: () => unknown;
  /** Throws unless both sides return the same event (floors only). */
  check?: () => Promise<void>;
}

/** A zod schema of any flavour (the adapters use zod/mini, the user's schema zod). */
export type ParseSchema = $ZodType;

/** `adapter.sign(body, options)`; every adapter made by `createAdapter` has it. */
function sign(adapter: WebhookAdapter, body: string, options: SignOptions) {
  if (adapter.sign === undefined) throw new Error(`bench: ${adapter.name} cannot sign`);
  return adapter.sign(body, options);
}

/** Lower-case headers and a Buffer body: what a Node server holds after reading a request. */
export function received(signed: {
  headers: Readonly<Record<string, string>>;
  body: string | Uint8Array;
}) {
  return {
    method: 'POST',
    headers: { ...signed.headers },
    body: Buffer.from(signed.body as string),
  };
}

export type Floor = (delivery: FloorDelivery, receivedAt?: Date) => unknown;

/** How `ours` parses: `parseEvent` of this build, or of the portable bundle. */
export type ParseFn = (
  adapter: WebhookAdapter,
  delivery: ReturnType<typeof received>,
  options?: { receivedAt?: Date },
) => Promise<unknown>;

/** A floor case: `ours` parses `delivery`, `floor` must give the same event. */
export function floorCase(
  name: string,
  size: ParseSize,
  adapter: WebhookAdapter,
  delivery: ReturnType<typeof received>,
  floor: Floor,
  target: number,
  parse: ParseFn = parseEvent,
): ParseCase {
  return {
    name,
    size,
    otherName: 'floor',
    target: { kind: 'ratio-at-most', value: target },
    ours: () => parse(adapter, delivery),
    other: () => floor(delivery),
    check: async () => {
      const at = new Date();
      const ours = await parse(adapter, delivery, { receivedAt: at });
      expectSameEvent(name, ours, floor(delivery, at));
    },
  };
}

/** Deep equality, strict (same keys, `undefined` members included), or a thrown difference. */
export function expectSameEvent(name: string, ours: unknown, floor: unknown): void {
  if (isDeepStrictEqual(ours, floor)) return;
  const keys = new Set([...Object.keys(ours as object), ...Object.keys(floor as object)]);
  const differing = [...keys].filter(
    (k) =>
      !isDeepStrictEqual(
        (ours as Record<string, unknown>)[k],
        (floor as Record<string, unknown>)[k],
      ),
  );
  throw new Error(`${name}: the floor returns another event (differs in: ${differing.join(', ')})`);
}

/** The floor targets of issue 15. */
export const FLOOR_TARGETS: Readonly<Record<ParseSize, number>> = {
  '2 KB': 1.25,
  '16 KB': 1.1,
  '256 KB': 1.05,
};

const STRIPE_SECRET = 'whsec_bench_0123456789abcdef';
const GITHUB_SECRET = 'bench-github-secret';
const SHOPIFY_SECRET = 'shpss_bench_0123456789abcdef';
const SW_SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const QUALIO_SECRET = 'bench-qualio-secret';

/** Stripe: the signed delivery, and the floor of what `stripe()` returns for it. */
export function stripeDelivery(
  size: ParseSize,
  make: (options: { secret: string }) => WebhookAdapter = stripe,
) {
  const adapter = make({ secret: STRIPE_SECRET });
  const signed = sign(adapter, JSON.stringify(stripePayload(size)), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      'cache-control': 'no-cache',
      accept: '*/*; q=0.5, application/xml',
      host: 'hooks.example.com',
    },
  });
  return { adapter, delivery: received(signed), secret: STRIPE_SECRET };
}

/**
 * The floor of `stripe()`. The portable build's floor passes its own schemas (the bundle's zod)
 * and @noble/hashes.
 */
export function stripeFloor(
  secret: string,
  schemas: Record<string, ParseSchema> = stripeEventSchemas,
  crypto: FloorCrypto = nodeFloorCrypto,
  validate: FloorValidate = floorValidate,
): Floor {
  const key = Buffer.from(secret);
  const [cut] = STRIPE_DIGEST_EXCLUDE as [string];
  return (delivery, receivedAt = new Date()) => {
    const header = delivery.headers['stripe-signature'] ?? refuse('no signature');
    let t = '';
    let v1 = '';
    for (const part of header.split(',')) {
      if (part.startsWith('t=')) t = part.slice(2);
      else if (part.startsWith('v1=')) v1 = part.slice(3);
    }
    const seconds = Number(t);
    floorFresh(seconds, receivedAt);
    if (!crypto.hmacMatches(key, [`${t}.`, delivery.body], Buffer.from(v1, 'hex'))) refuse('hmac');
    const data = JSON.parse(delivery.body.toString('utf8'));
    const payload = validate<{
      id: string;
      type: string;
      created: number;
      livemode: boolean;
      api_version?: string | null;
      account?: string;
      data: { object: { id: string } };
    }>(schemas[data.type] ?? refuse('untyped'), data);
    return {
      provider: 'stripe',
      type: payload.type,
      id: payload.id,
      idSource: 'event',
      dedupeKey: `stripe:${payload.id}`,
      subject: payload.data.object.id,
      occurredAt: new Date(payload.created * 1000),
      receivedAt,
      retentionMs: adapterRetention.stripe,
      meta: {
        keyIndex: 0,
        signedAt: new Date(seconds * 1000),
        livemode: payload.livemode,
        apiVersion: payload.api_version ?? undefined,
        account: payload.account,
      },
      payload,
      validated: true,
      digest: floorBodyDigest(delivery.body, crypto, cut),
    };
  };
}

/** Each adapter's default retention, read once from an adapter (the floors return it too). */
const adapterRetention = {
  stripe: stripe({ verify: false }).retentionMs,
  github: github({ verify: false }).retentionMs,
  shopify: shopify({ verify: false }).retentionMs,
  standardWebhooks: standardWebhooks({ verify: false }).retentionMs,
  qualio: qualio({ verify: false }).retentionMs,
};

function stripeCase(size: ParseSize): ParseCase {
  const { adapter, delivery, secret } = stripeDelivery(size);
  return floorCase('stripe', size, adapter, delivery, stripeFloor(secret), FLOOR_TARGETS[size]);
}

function githubCase(size: ParseSize): ParseCase {
  const adapter = github({ secret: GITHUB_SECRET });
  const { event, payload } = githubPayload(size);
  const signed = sign(adapter, JSON.stringify(payload), {
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/7c0f4b2',
      accept: '*/*',
      'x-github-event': event,
      'x-github-delivery': '72d3162e-cc78-11e3-81ab-4c9367dc0958',
      'x-github-hook-id': '292430182',
      'x-github-hook-installation-target-type': 'repository',
      'x-github-hook-installation-target-id': '79929171',
    },
  });
  const key = Buffer.from(GITHUB_SECRET);
  const schemas = githubPayloadSchemas as Record<string, ParseSchema>;
  const floor: Floor = (d, receivedAt = new Date()) => {
    const signature = d.headers['x-hub-signature-256'] ?? refuse('no signature');
    const hex = signature.startsWith('sha256=') ? signature.slice(7) : refuse('prefix');
    if (!floorHmacMatches(key, [d.body], Buffer.from(hex, 'hex'))) refuse('hmac');
    const name = d.headers['x-github-event'] ?? refuse('no event');
    const id = d.headers['x-github-delivery'] ?? refuse('no delivery');
    const data = JSON.parse(d.body.toString('utf8'));
    const type = data.action === undefined ? name : `${name}.${data.action}`;
    const typed = floorValidate<Parameters<typeof githubSubject>[0]>(
      schemas[type] ?? refuse('untyped'),
      data,
    );
    return {
      provider: 'github',
      type,
      id,
      idSource: 'delivery',
      deliveryId: id,
      dedupeKey: `github:${id}`,
      subject: githubSubject(typed),
      occurredAt: receivedAt,
      receivedAt,
      retentionMs: adapterRetention.github,
      meta: {
        keyIndex: 0,
        event: name,
        hookId: d.headers['x-github-hook-id'],
        installationTargetType: d.headers['x-github-hook-installation-target-type'],
        installationTargetId: d.headers['x-github-hook-installation-target-id'],
        bodyFormat: 'json',
      },
      payload: typed,
      validated: true,
      digest: floorBodyDigest(d.body),
    };
  };
  return floorCase('github', size, adapter, received(signed), floor, FLOOR_TARGETS[size]);
}

/** Shopify: the signed delivery (with every header Shopify sends) and its floor. */
export function shopifyDelivery(size: ParseSize) {
  const adapter = shopify({ secret: SHOPIFY_SECRET });
  const { topic, payload } = shopifyPayload(size);
  const signed = sign(adapter, JSON.stringify(payload), {
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Shopify-Captain-Hook',
      accept: '*/*',
      'x-shopify-topic': topic,
      'x-shopify-shop-domain': 'bench-shop.myshopify.com',
      'x-shopify-api-version': '2026-07',
      'x-shopify-webhook-id': 'b54557e4-bdd9-4b37-8a5f-bf7d70bcd043',
      'x-shopify-event-id': '98880550-7158-44d4-b7cd-2c97c8a091b5',
      'x-shopify-triggered-at': '2025-07-26T00:33:20.877041743Z',
    },
  });
  return { adapter, delivery: received(signed), secret: SHOPIFY_SECRET };
}

/** The floor of `shopify()`. */
export function shopifyFloor(secret: string): Floor {
  const key = Buffer.from(secret);
  const schemas = shopifyPayloadSchemas as Record<string, ParseSchema>;
  return (d, receivedAt = new Date()) => {
    const hmac = d.headers['x-shopify-hmac-sha256'] ?? refuse('no signature');
    if (!floorHmacMatches(key, [d.body], Buffer.from(hmac, 'base64'))) refuse('hmac');
    const topic = d.headers['x-shopify-topic'] ?? refuse('no topic');
    const shopDomain = d.headers['x-shopify-shop-domain'] ?? refuse('no shop');
    const webhookId = d.headers['x-shopify-webhook-id'];
    const eventId = d.headers['x-shopify-event-id'] ?? refuse('no event id');
    const triggeredAt = new Date(d.headers['x-shopify-triggered-at'] ?? refuse('no time'));
    const data = JSON.parse(d.body.toString('utf8'));
    const payload = floorValidate<Record<string, unknown>>(
      schemas[topic] ?? refuse('untyped'),
      data,
    );
    return {
      provider: 'shopify',
      type: topic,
      id: eventId,
      idSource: 'event',
      deliveryId: webhookId,
      dedupeKey: `shopify:${eventId}`,
      subject: shopifySubject(shopDomain, topic, payload),
      occurredAt: triggeredAt,
      receivedAt,
      retentionMs: adapterRetention.shopify,
      meta: {
        keyIndex: 0,
        shopDomain,
        apiVersion: d.headers['x-shopify-api-version'],
        webhookId,
        eventId,
        triggeredAt,
      },
      payload,
      validated: true,
      digest: floorBodyDigest(d.body),
    };
  };
}

function shopifyCase(size: ParseSize): ParseCase {
  const { adapter, delivery, secret } = shopifyDelivery(size);
  return floorCase('shopify', size, adapter, delivery, shopifyFloor(secret), FLOOR_TARGETS[size]);
}

/** A user's schema for the Standard Webhooks `invoice.paid` type (classic zod, as users write). */
export const invoicePaidSchema = z.object({
  type: z.literal('invoice.paid'),
  timestamp: z.string(),
  data: z.looseObject({
    id: z.string(),
    customer: z.string(),
    amount: z.number().int(),
    lines: z.array(z.looseObject({ id: z.string(), amount: z.number().int() })),
  }),
});

/** Standard Webhooks: the signed delivery and its floor. */
export function standardWebhooksDelivery(size: ParseSize) {
  const adapter = standardWebhooks({
    secret: SW_SECRET,
    events: { 'invoice.paid': invoicePaidSchema },
  });
  const signed = sign(adapter, JSON.stringify(standardWebhooksPayload(size)), {
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Svix-Webhooks/1.61.0',
      accept: '*/*',
      'webhook-id': 'msg_2bench0000000000000000001',
    },
  });
  return { adapter, delivery: received(signed), secret: SW_SECRET };
}

/** The floor of `standardWebhooks()` with the user's `invoice.paid` schema. */
export function standardWebhooksFloor(secret: string): Floor {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return (d, receivedAt = new Date()) => {
    const id = d.headers['webhook-id'] ?? refuse('no id');
    const timestamp = d.headers['webhook-timestamp'] ?? refuse('no timestamp');
    const signature = d.headers['webhook-signature'] ?? refuse('no signature');
    const seconds = Number(timestamp);
    floorFresh(seconds, receivedAt);
    const v1 = signature.startsWith('v1,') ? signature.slice(3) : refuse('no v1');
    if (!floorHmacMatches(key, [`${id}.${timestamp}.`, d.body], Buffer.from(v1, 'base64'))) {
      refuse('hmac');
    }
    const data = JSON.parse(d.body.toString('utf8'));
    const payload = floorValidate<z.output<typeof invoicePaidSchema>>(invoicePaidSchema, data);
    return {
      provider: 'standard-webhooks',
      type: payload.type,
      id,
      idSource: 'event',
      dedupeKey: `standard-webhooks:${id}`,
      occurredAt: new Date(payload.timestamp),
      receivedAt,
      retentionMs: adapterRetention.standardWebhooks,
      meta: {
        keyIndex: 0,
        signedAt: new Date(seconds * 1000),
        headerFamily: 'webhook',
        signatureVersion: 'v1',
      },
      payload,
      validated: true,
      digest: floorBodyDigest(d.body),
    };
  };
}

function standardWebhooksCase(size: ParseSize): ParseCase {
  const { adapter, delivery, secret } = standardWebhooksDelivery(size);
  const floor = standardWebhooksFloor(secret);
  return floorCase('standard-webhooks', size, adapter, delivery, floor, FLOOR_TARGETS[size]);
}

/** The `fp1:` key over length-prefixed parts (docs/fingerprint.md), hashed as one string. */
function floorFingerprint(parts: readonly string[]): string {
  let text = '';
  for (const part of parts) text += `${Buffer.byteLength(part)}:${part}`;
  return `fp1:${floorSha256(text)}`;
}

function qualioCase(size: ParseSize): ParseCase {
  const adapter = qualio({ auth: { scheme: 'hmac', secret: QUALIO_SECRET } });
  const signed = sign(adapter, JSON.stringify(qualioPayload(size)), {
    headers: {
      'content-type': 'application/json',
      'user-agent': 'Qualio-Webhooks/2.3',
      accept: '*/*',
    },
  });
  const key = Buffer.from(QUALIO_SECRET);
  const volatile = new Set(['sentAt', 'attempt']);
  const floor: Floor = (d, receivedAt = new Date()) => {
    const signature = d.headers['x-qualio-signature'] ?? refuse('no signature');
    const hex = signature.startsWith('sha256=') ? signature.slice(7) : refuse('prefix');
    if (!floorHmacMatches(key, [d.body], Buffer.from(hex, 'hex'))) refuse('hmac');
    const data = JSON.parse(d.body.toString('utf8'));
    floorValidate(qualioNcSchema, data);
    const occurredAt = new Date(data.timestamp);
    // One canonical text serves both: the digest and the fingerprint's payload hash.
    const payloadHash = floorSha256(floorCanonical(data, volatile));
    const id = floorFingerprint([
      'fp1',
      'qualio',
      data.ncId,
      data.eventType,
      occurredAt.toISOString(),
      '1',
      data.changedField,
      payloadHash,
    ]);
    return {
      provider: 'qualio',
      type: data.eventType,
      id,
      idSource: 'fingerprint',
      dedupeKey: `qualio:${id}`,
      subject: data.ncId,
      occurredAt,
      receivedAt,
      attempt: data.attempt,
      retentionMs: adapterRetention.qualio,
      meta: { keyIndex: 0, family: 'nc', subjectField: 'ncId', changedField: data.changedField },
      payload: data,
      validated: true,
      digest: `sha256:${payloadHash}`,
    };
  };
  return floorCase(
    'qualio (fingerprint)',
    size,
    adapter,
    received(signed),
    floor,
    FLOOR_TARGETS[size],
  );
}

/** Every floor case, one factory per adapter and size (built when measured). */
export function floorCases(sizes: readonly ParseSize[]): Array<() => ParseCase> {
  const adapters = [stripeCase, githubCase, shopifyCase, standardWebhooksCase, qualioCase];
  return adapters.flatMap((make) => sizes.map((size) => () => make(size)));
}
