// A complete webhook route on the Web Request API (Hono, Next.js, Workers, Bun, Deno).
import {
  errorResponse,
  type HandlerContext,
  memoryStore,
  outcomeResponse,
  parseEvent,
  processOnce,
  type WebhookEvent,
} from '@hooklatch/core';
import { acme } from '../../demo/acme-adapter';

const adapter = acme({ secret: 'from-your-secret-manager' });
const store = memoryStore(); // one process only; use a Redis or SQL store in production

type OrderPaid = WebhookEvent<'order.paid', { data: { orderId: string } }>;

async function fulfil(event: OrderPaid, context: HandlerContext) {
  // The signal aborts the moment the lease is lost: another delivery may run the event from
  // then on, so stop the side effect instead of finishing it twice.
  await fetch('https://warehouse.example/ship', {
    method: 'POST',
    body: JSON.stringify({ orderId: event.payload.data.orderId, idempotencyKey: event.dedupeKey }),
    signal: context.signal,
  });
  return { fulfilled: event.payload.data.orderId }; // stored (at most 64 KiB of JSON) for duplicates
}

/** `runtime` is the platform's context where it has one (Workers' `ctx`, Vercel's `waitUntil`). */
export async function POST(
  request: Request,
  runtime?: { waitUntil(promise: Promise<unknown>): void },
): Promise<Response> {
  try {
    const event = await parseEvent(adapter, request);
    const outcome = await processOnce(store, event, fulfil, {
      leaseMs: 60_000, // renewed every 20 s while fulfil() runs; a dead process frees it in 60 s
      completeWaitMs: 2_000, // the answer waits at most this long for the completion mark
      ...(runtime ? { waitUntil: (p: Promise<unknown>) => runtime.waitUntil(p) } : {}),
      onWarning: (w) => console.warn('hooklatch', w.kind, w.key),
    });
    if (outcome.outcome === 'failed') console.error('hooklatch handler failed', outcome.error);
    return outcomeResponse(outcome); // 200, 409 + Retry-After, 422 mismatch, 500, 503
  } catch (error) {
    return errorResponse(error); // 401 bad signature, 413 too large, 422 invalid payload...
  }
}
