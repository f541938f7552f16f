/**
 * Realistic deliveries per provider: published sample payloads where they exist (Stripe's,
 * Shopify's, GitHub's), and the shapes the Qualio-like and Creatio-like senders post. Every ID
 * carries the run's nonce, so a second run against a persistent store meets no old keys.
 */
import { githubExample, shopifyBody, stripeResource } from './fixtures';
import type { ProviderName, Unsigned } from './providers';

const RUN = crypto.randomUUID().replaceAll('-', '').slice(0, 10);
let seq = 0;
const next = () => `${RUN}${(++seq).toString().padStart(3, '0')}`;
const json = { 'content-type': 'application/json' };
const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

const STRIPE_KINDS = [
  ['payment_intent.succeeded', 'payment_intent'],
  ['checkout.session.completed', 'checkout.session'],
  ['charge.refunded', 'charge'],
  ['customer.created', 'customer'],
] as const;

/** A Stripe snapshot event around the example object of `resource`. */
export function stripeEvent(type: string, resource: string): Unsigned {
  const body = JSON.stringify({
    ...stripeResource('event'),
    id: `evt_3Q${next()}`,
    api_version: '2024-06-20',
    created: Math.floor(Date.now() / 1000),
    type,
    data: { object: stripeResource(resource) },
  });
  return {
    body,
    headers: { ...json, 'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)' },
  };
}

const GITHUB_KINDS = [
  ['push', undefined],
  ['pull_request', 'opened'],
  ['issues', 'opened'],
  ['issue_comment', 'created'],
  ['release', 'published'],
] as const;

function githubEvent(i: number): Unsigned {
  const [event, action] = pick(GITHUB_KINDS, i);
  return {
    body: JSON.stringify(githubExample(event, action, Math.floor(i / GITHUB_KINDS.length))),
    headers: {
      ...json,
      'user-agent': 'GitHub-Hookshot/7c8ea4d',
      'x-github-event': event,
      'x-github-delivery': crypto.randomUUID(),
      'x-github-hook-id': '482901733',
    },
  };
}

const SHOPIFY_KINDS = [
  ['orders/create', 'orders-cancelled.2026-07.json'],
  ['products/update', 'products-update.2026-07.json'],
  ['customers/create', 'customers-create.2026-07.json'],
  ['refunds/create', 'refunds-create.2026-07.json'],
  ['inventory_levels/update', 'inventory-levels-update.2026-07.json'],
] as const;

function shopifyEvent(i: number): Unsigned {
  const [topic, file] = pick(SHOPIFY_KINDS, i);
  return {
    body: shopifyBody(file),
    headers: {
      ...json,
      'x-shopify-topic': topic,
      'x-shopify-shop-domain': 'hooklatch-demo.myshopify.com',
      'x-shopify-api-version': '2026-07',
      'x-shopify-webhook-id': crypto.randomUUID(),
      'x-shopify-event-id': crypto.randomUUID(),
      // Retries keep the first attempt's trigger time: fixed here, once per event.
      'x-shopify-triggered-at': new Date().toISOString(),
    },
  };
}

const PLANS = ['starter', 'team', 'business'] as const;

function standardWebhooksEvent(i: number): Unsigned {
  const id = next();
  const body = JSON.stringify({
    type: pick(['subscription.renewed', 'invoice.paid', 'user.created'], i),
    timestamp: new Date().toISOString(),
    data: { id: `sub_${id}`, customer: `cust_${id}`, plan: pick(PLANS, i), amount: 4900 + i * 100 },
  });
  return { body, headers: { ...json, 'webhook-id': `msg_${id}` } };
}

/** A Qualio-like record change; `timestamp` has whole seconds, as Qualio sends it. */
export function qualioChange(fields: Record<string, unknown>): Unsigned {
  return { body: JSON.stringify(fields), headers: { ...json } };
}

/** Now, to the second, as Qualio writes its timestamps. */
const thisSecond = () =>
  new Date(Math.floor(Date.now() / 1000) * 1000).toISOString().replace('.000', '');

function qualioEvent(i: number): Unsigned {
  const id = next();
  const second = thisSecond();
  return qualioChange(
    pick(
      [
        { eventType: 'nc.created', ncId: `NC-${id}`, timestamp: second, severity: 'major' },
        { eventType: 'capa.updated', capaId: `CAPA-${id}`, timestamp: second, status: 'open' },
        {
          eventType: 'document.approved',
          documentId: `DOC-${id}`,
          timestamp: second,
          version: '3.0',
        },
      ],
      i,
    ),
  );
}

/**
 * Three edits of one nonconformance within one second: Qualio stamps each with the same
 * second-level `timestamp` and sends no event ID. They are three real changes (different
 * bodies), so they must stay three events.
 */
export function qualioRapidEdits(): { timestamp: string; edits: Unsigned[] } {
  const timestamp = thisSecond();
  const base = {
    eventType: 'nc.updated',
    ncId: `NC-${next()}`,
    timestamp,
    changedBy: 'jane.doe@example.com',
  };
  const edits = [
    { changedField: 'status', previousValue: 'open', newValue: 'under_investigation' },
    {
      changedField: 'owner',
      previousValue: 'jane.doe@example.com',
      newValue: 'sam.lee@example.com',
    },
    { changedField: 'comment', comment: 'Root cause: supplier lot 2291 out of spec.' },
  ];
  return { timestamp, edits: edits.map((edit) => qualioChange({ ...base, ...edit })) };
}

/** A Creatio-like flat Contact upsert (quick to handle). */
function creatioContact(i: number): Unsigned {
  const body = JSON.stringify({
    EntityName: 'Contact',
    Id: crypto.randomUUID(),
    Name: pick(['Ada Lovelace', 'Grace Hopper', 'Katherine Johnson', 'Edsger Dijkstra'], i),
    Email: `contact.${next()}@example.com`,
    OwnerId: '410006e1-ca4e-4502-a9ec-e54d922d2c00',
    ModifiedOn: new Date().toISOString().slice(0, 19),
  });
  return { body, headers: { ...json } };
}

/** A Creatio-like Order status call: the handler pushes it to the ERP, which is slow. */
export function creatioOrder(): Unsigned {
  const body = JSON.stringify({
    EntitySchemaName: 'Order',
    Operation: 'update',
    Id: crypto.randomUUID(),
    OrderID: next(),
    EventType: 'status_update',
    Status: 'shipped',
    ModifiedOn: new Date().toISOString().slice(0, 19),
  });
  return { body, headers: { ...json } };
}

const made = new Map<ProviderName, number>();

/** A new ordinary event of a provider (the kinds and sample payloads rotate). */
export function ordinaryEvent(provider: ProviderName): Unsigned {
  const i = made.get(provider) ?? 0;
  made.set(provider, i + 1);
  switch (provider) {
    case 'stripe': {
      const [type, resource] = pick(STRIPE_KINDS, i);
      return stripeEvent(type, resource);
    }
    case 'github':
      return githubEvent(i);
    case 'shopify':
      return shopifyEvent(i);
    case 'standard-webhooks':
      return standardWebhooksEvent(i);
    case 'qualio':
      return qualioEvent(i);
    case 'creatio':
      return creatioContact(i);
  }
}

/** The run's nonce, for naming what the demo creates in a shared store. */
export const RUN_ID = RUN;
