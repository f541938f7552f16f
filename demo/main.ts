/**
 * `npm run demo`: a storm of duplicate webhook deliveries against a real HTTP server that uses
 * parseEvent + processOnce on the embedded memory store. Prints what happened to every delivery
 * and checks the one number that matters: each order was paid exactly once.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { memoryStore, parseEvent, processOnce, statusOf } from '@hooklatch/core';
import { acme } from './acme-adapter';

const SECRET = 'demo-secret';
const adapter = acme({ secret: SECRET });
const store = memoryStore();
const payments = new Map<string, number>(); // orderId -> times charged
const slowOrders = new Set<string>(); // handlers that take long (a retry arrives meanwhile)
const crashOnce = new Set<string>(); // handlers that crash on their first attempt

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const server = createServer(async (req, res) => {
  try {
    const event = await parseEvent(adapter, req);
    const outcome = await processOnce(
      store,
      event,
      async (e) => {
        const { orderId } = e.payload.data;
        await sleep(slowOrders.has(orderId) ? 400 : 20);
        if (crashOnce.delete(orderId)) throw new Error('payment provider timed out');
        payments.set(orderId, (payments.get(orderId) ?? 0) + 1);
      },
      // The crashes below are part of the show and the table reports them, so the default
      // logger (one line per handler error, as production wants) is switched off here.
      { leaseMs: 10_000, logger: false },
    );
    res.writeHead(outcome.status, { 'content-type': 'application/json', ...outcome.headers });
    res.end(JSON.stringify({ outcome: outcome.outcome }));
  } catch (error) {
    const status = statusOf(error);
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ outcome: 'rejected' }));
  }
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/acme`;

/** The `x-acme-signature` for `body`, from the adapter's own `sign` (the verifier's pair). */
function sign(body: string, secret?: string): string {
  const signed = adapter.sign?.(body, secret === undefined ? {} : { secret });
  return signed?.headers['x-acme-signature'] ?? '';
}

let seq = 0;
function makeEvent(orderId: string) {
  const body = JSON.stringify({
    id: `evt_${(++seq).toString().padStart(4, '0')}`,
    type: 'order.paid',
    created: Math.floor(Date.now() / 1000),
    data: { orderId, amount: 1999 },
  });
  return { body, signature: sign(body) };
}

interface Row {
  scenario: string;
  deliveries: number;
  processed: number;
  duplicate: number;
  in_flight: number;
  failed: number;
  rejected: number;
}
const rows: Row[] = [];

async function send(row: Row, ev: { body: string; signature: string }) {
  row.deliveries++;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-acme-signature': ev.signature },
    body: ev.body,
  });
  const { outcome } = (await response.json()) as { outcome: string };
  const key = (outcome === 'store_unavailable' ? 'failed' : outcome) as Exclude<
    keyof Row,
    'scenario'
  >;
  row[key]++;
  return response.status;
}

function scenario(name: string): Row {
  const row = {
    scenario: name,
    deliveries: 0,
    processed: 0,
    duplicate: 0,
    in_flight: 0,
    failed: 0,
    rejected: 0,
  };
  rows.push(row);
  return row;
}

// 1. Exact repeats: every event delivered three times, one after another.
{
  const row = scenario('exact repeats (x3)');
  for (let i = 0; i < 10; i++) {
    const ev = makeEvent(`ord_repeat_${i}`);
    for (let n = 0; n < 3; n++) await send(row, ev);
  }
}
// 2. Concurrent copies: the provider fires 5 copies at once.
{
  const row = scenario('concurrent copies (x5)');
  for (let i = 0; i < 10; i++) {
    const ev = makeEvent(`ord_burst_${i}`);
    await Promise.all(Array.from({ length: 5 }, () => send(row, ev)));
  }
}
// 3. Retry while the first attempt is still running (sender timed out), then once more later.
{
  const row = scenario('retry during slow handler');
  for (let i = 0; i < 5; i++) {
    const orderId = `ord_slow_${i}`;
    slowOrders.add(orderId);
    const ev = makeEvent(orderId);
    const first = send(row, ev);
    await sleep(100);
    await send(row, ev); // answered 409 + Retry-After: never a 2xx while the first may still die
    await first;
    await send(row, ev);
  }
}
// 4. Crash mid-handler: the first attempt fails (500), the provider's retry succeeds.
{
  const row = scenario('crash, then retry');
  for (let i = 0; i < 5; i++) {
    const orderId = `ord_crash_${i}`;
    crashOnce.add(orderId);
    const ev = makeEvent(orderId);
    await send(row, ev);
    await send(row, ev);
  }
}
// 5. Forged deliveries: a wrong signature never reaches the handler.
{
  const row = scenario('forged signature');
  for (let i = 0; i < 5; i++) {
    const ev = makeEvent(`ord_forged_${i}`);
    await send(row, { body: ev.body, signature: sign(ev.body, 'wrong-secret') });
  }
}
server.close();

const total = rows.reduce(
  (t, r) => {
    for (const k of [
      'deliveries',
      'processed',
      'duplicate',
      'in_flight',
      'failed',
      'rejected',
    ] as const)
      t[k] += r[k];
    return t;
  },
  {
    scenario: 'total',
    deliveries: 0,
    processed: 0,
    duplicate: 0,
    in_flight: 0,
    failed: 0,
    rejected: 0,
  },
);
const cols = [
  'scenario',
  'deliveries',
  'processed',
  'duplicate',
  'in_flight',
  'failed',
  'rejected',
] as const;
const widths = cols.map((c) =>
  Math.max(c.length, ...[...rows, total].map((r) => String(r[c]).length)),
);
const line = (r: Record<string, unknown>) =>
  cols
    .map((c, i) => (i === 0 ? String(r[c]).padEnd(widths[i]!) : String(r[c]).padStart(widths[i]!)))
    .join('  ');
console.log('hooklatch demo: duplicate webhook storm on the embedded memory store\n');
console.log(line(Object.fromEntries(cols.map((c) => [c, c]))));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r as unknown as Record<string, unknown>));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
console.log(line(total as unknown as Record<string, unknown>));

const charged = [...payments.values()];
const twice = charged.filter((n) => n > 1).length;
const expectedOrders = 10 + 10 + 5 + 5;
console.log(
  `\norders charged: ${payments.size} of ${expectedOrders}; charged more than once: ${twice}`,
);
if (payments.size !== expectedOrders || twice > 0) {
  console.error('FAILED: an order was charged twice or not at all');
  process.exit(1);
}
console.log('every order was charged exactly once.');
