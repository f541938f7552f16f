/**
 * Realistic webhook bodies at the three sizes the parse benchmarks use (2 KB, 16 KB, 256 KB).
 * Each starts from a provider's own example (Stripe's OpenAPI fixtures, @octokit/webhooks-examples,
 * Shopify's sample payloads in packages/shopify/test/fixtures) and grows the list a real
 * payload of that size would have: invoice lines, pushed commits, order line items.
 */
import { readFileSync } from 'node:fs';
import examples from '@octokit/webhooks-examples';

/** The sizes measured, in bytes of the JSON body (a payload is grown to at least this). */
export const PARSE_SIZES = { '2 KB': 2048, '16 KB': 16_384, '256 KB': 262_144 } as const;

/** One of {@link PARSE_SIZES}. */
export type ParseSize = keyof typeof PARSE_SIZES;

type Json = Record<string, unknown>;

const root = new URL('../', import.meta.url);
const readJson = (path: string): Json =>
  JSON.parse(readFileSync(new URL(path, root), 'utf8')) as Json;

const stripeFixtures = () =>
  readJson('packages/stripe/test/fixtures/stripe-openapi/fixtures3.json').resources as Record<
    string,
    Json
  >;

/**
 * `base` with items appended to the array `list(base)` until the body is at least `bytes`
 * long; `item(i)` makes the i-th item (distinct IDs, so nothing is a repeated string).
 */
function grown(
  base: Json,
  list: (body: Json) => unknown[],
  item: (i: number) => Json,
  bytes: number,
) {
  const items = list(base);
  let size = JSON.stringify(base).length;
  for (let i = items.length; size < bytes; i++) {
    const next = item(i);
    items.push(next);
    size += JSON.stringify(next).length + 1;
  }
  return base;
}

/** Pads a short body to the size with a realistic free-text field. */
function padded(body: Json, field: (body: Json) => Json, key: string, bytes: number): Json {
  const missing = bytes - JSON.stringify(body).length;
  if (missing > 0)
    field(body)[key] =
      'Details follow in the notes attached; see the linked record for its history. '
        .repeat(Math.ceil(missing / 48))
        .slice(0, missing);
  return body;
}

const created = 1_721_954_000;

/** `payment_intent.succeeded` at 2 KB; `invoice.paid` with invoice lines above. */
export function stripePayload(size: ParseSize): Json {
  const bytes = PARSE_SIZES[size];
  const fixtures = stripeFixtures();
  const envelope = (type: string, object: Json): Json => ({
    id: 'evt_3PgafyB7WZ01zgkW1bench01',
    object: 'event',
    api_version: '2024-06-20',
    created,
    data: { object },
    livemode: false,
    pending_webhooks: 1,
    request: { id: 'req_8YqkP3nZ1bench', idempotency_key: 'b7c3e0f2-5a1d-4e8b-9c2f-bench0000001' },
    type,
  });
  if (size === '2 KB') {
    const intent: Json = {
      ...(fixtures.payment_intent as Json),
      amount_received: 1099,
      status: 'succeeded',
      customer: 'cus_QXbench0001',
      latest_charge: 'ch_3PgafyB7WZ01zgkW1bench01',
      metadata: { order_id: '6735', channel: 'web' },
      created,
    };
    return padded(
      envelope('payment_intent.succeeded', intent),
      (b) => (b.data as Json).object as Json,
      'description',
      bytes,
    );
  }
  const line = fixtures.line_item as Json;
  const invoice: Json = {
    ...(fixtures.invoice as Json),
    status: 'paid',
    customer: 'cus_QXbench0001',
    number: 'BENCH-0001',
    metadata: {},
    created,
    lines: {
      object: 'list',
      data: [],
      has_more: false,
      total_count: 0,
      url: '/v1/invoices/in_1/lines',
    },
  };
  const body = envelope('invoice.paid', invoice);
  return grown(
    body,
    (b) => (((b.data as Json).object as Json).lines as Json).data as unknown[],
    (i) => ({ ...line, id: `il_1Pgc6sB7WZ01zgkW${String(i).padStart(8, '0')}`, amount: 1000 + i }),
    bytes,
  );
}

/** The smallest of the examples of `name` (and `action`), so a size is grown, never cut. */
function githubExample(name: string, action?: string, fits = (_: Json) => true): Json {
  const group = examples.find((e) => e.name === name);
  const found = (group?.examples ?? [])
    .filter((x) => (x as { action?: string }).action === action && fits(x as Json))
    .sort((a, b) => JSON.stringify(a).length - JSON.stringify(b).length)[0];
  if (found === undefined) throw new Error(`bench: no ${name}.${action} example`);
  return structuredClone(found) as Json;
}

/** `ping` at 2 KB, `issues.opened` at 16 KB, `push` with its commits at 256 KB. */
export function githubPayload(size: ParseSize): { event: string; payload: Json } {
  const bytes = PARSE_SIZES[size];
  if (size === '2 KB') {
    return {
      event: 'ping',
      payload: padded(githubExample('ping'), (b) => b.hook as Json, 'name', bytes),
    };
  }
  if (size === '16 KB') {
    const issues = githubExample('issues', 'opened');
    return { event: 'issues', payload: padded(issues, (b) => b.issue as Json, 'body', bytes) };
  }
  const push = githubExample('push', undefined, (x) => (x.commits as unknown[]).length > 0);
  const commit = (push.commits as Json[])[0] as Json;
  return {
    event: 'push',
    payload: grown(
      push,
      (b) => b.commits as unknown[],
      (i) => ({
        ...commit,
        id: (i.toString(16).padStart(8, '0') + String(commit.id)).slice(0, 40),
        message: `Fix the flaky retry test (#${1000 + i})\n\nThe lease renewal raced the sweep.`,
      }),
      bytes,
    ),
  };
}

/** `products/update` at 2 KB; `orders/create` with its line items above. */
export function shopifyPayload(size: ParseSize): { topic: string; payload: Json } {
  const bytes = PARSE_SIZES[size];
  const corpus = 'packages/shopify/test/fixtures/corpus/';
  if (size === '2 KB') {
    const product = readJson(`${corpus}products-update.2026-07.json`);
    return { topic: 'products/update', payload: padded(product, (b) => b, 'body_html', bytes) };
  }
  const order = readJson(`${corpus}orders-cancelled.2026-07.json`);
  const line = (order.line_items as Json[])[0] as Json;
  order.cancelled_at = null;
  order.cancel_reason = null;
  return {
    topic: 'orders/create',
    payload: grown(
      order,
      (b) => b.line_items as unknown[],
      (i) => ({ ...line, id: 866550311766439000 + i, title: `Line ${i}`, sku: `SKU-${i}` }),
      bytes,
    ),
  };
}

/** A Standard Webhooks `invoice.paid` body (`{ type, timestamp, data }`) with its lines. */
export function standardWebhooksPayload(size: ParseSize): Json {
  return grown(
    {
      type: 'invoice.paid',
      timestamp: '2025-07-26T00:33:20.000Z',
      data: { id: 'inv_2bench', customer: 'cus_2bench', currency: 'eur', amount: 4200, lines: [] },
    },
    (b) => (b.data as Json).lines as unknown[],
    (i) => ({
      id: `line_${String(i).padStart(6, '0')}`,
      description: 'Pro plan, monthly seat',
      amount: 4200,
      quantity: 1,
      period: { start: '2025-07-01T00:00:00Z', end: '2025-08-01T00:00:00Z' },
    }),
    PARSE_SIZES[size],
  );
}

/** A Qualio `nc.updated` body (no delivery ID: the fingerprint path) with its comment history. */
export function qualioPayload(size: ParseSize): Json {
  return grown(
    {
      eventType: 'nc.updated',
      timestamp: '2025-01-05T10:15:32Z',
      sentAt: '2025-01-05T10:15:40Z',
      attempt: 1,
      ncId: 'NC-2025-001',
      title: 'Out-of-spec torque on line 3',
      status: 'under_investigation',
      changedField: 'status',
      previousValue: 'open',
      changedBy: { id: 'u_204', name: 'Dana Whitfield', email: 'dana@example.com' },
      history: [],
    },
    (b) => b.history as unknown[],
    (i) => ({
      id: `c_${i}`,
      at: '2025-01-04T16:02:11Z',
      by: 'u_118',
      text: 'Measured 14 units from lot 2291; 3 outside tolerance. Quarantined the lot.',
    }),
    PARSE_SIZES[size],
  );
}
