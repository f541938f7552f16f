/**
 * `metrics()` subscribed, then the heap collected before the first delivery (a server that
 * idled a moment): the deliveries after it must still be counted. Run inside Bun, whose
 * channels live only while referenced; prints the count as JSON.
 */
import { handleWebhook, memoryStore, metrics } from '@hooklatch/core';
import { stripe } from '@hooklatch/stripe';

declare const Bun: { gc(force: boolean): void };

const secret = 'whsec_runtime_metrics_gc';
const recorder = metrics();
const adapter = stripe({ secret });
const store = memoryStore();

Bun.gc(true);
await new Promise((resolve) => setTimeout(resolve, 20));
Bun.gc(true);
for (const id of ['evt_gc_1', 'evt_gc_2']) {
  const body = JSON.stringify({
    id,
    object: 'event',
    type: 'customer.deleted',
    api_version: '2024-06-20',
    created: 1_700_000_000,
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    data: { object: { id: 'cus_gc', object: 'customer', deleted: true } },
  });
  const signed = adapter.sign?.(body);
  if (signed === undefined) throw new Error('no sign');
  const reply = await handleWebhook(signed, { adapter, store, handler: () => {}, logger: false });
  if (reply.status !== 200) throw new Error(`answered ${reply.status}: ${reply.body}`);
}
const counted = recorder.snapshot().deliveries.reduce((sum, d) => sum + d.count, 0);
console.log(JSON.stringify({ counted }));
