// A complete webhook route on the Web Request API (Hono, Next.js, Workers, Bun, Deno).
import {
  errorResponse,
  memoryStore,
  outcomeResponse,
  parseEvent,
  processOnce,
  type WebhookEvent,
} from '@hooklatch/core';
import { acme } from '../../demo/acme-adapter';

const adapter = acme({ secret: 'from-your-secret-manager' });
const store = memoryStore(); // one process only; use a Redis or SQL store in production

async function fulfil(event: WebhookEvent<'order.paid', { data: { orderId: string } }>) {
  return { fulfilled: event.payload.data.orderId };
}

export async function POST(request: Request): Promise<Response> {
  try {
    const event = await parseEvent(adapter, request);
    const outcome = await processOnce(store, event, fulfil, {
      leaseMs: 60_000, // longer than the slowest fulfil()
      onWarning: (w) => console.warn('hooklatch', w.kind, w.key),
    });
    return outcomeResponse(outcome);
  } catch (error) {
    return errorResponse(error); // 401 bad signature, 413 too large, 422 invalid payload...
  }
}
