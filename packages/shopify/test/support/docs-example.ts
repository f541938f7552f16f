import {
  errorResponse,
  memoryStore,
  outcomeResponse,
  parseEvent,
  processOnce,
} from '@hooklatch/core';
import { type ShopifyEvent, ShopifyStaleGuard, shopify } from '@hooklatch/shopify';

const adapter = shopify({
  // During a rotation list both; event.meta.keyIndex tells which one signed.
  secrets: [process.env.SHOPIFY_CLIENT_SECRET ?? 'new-secret', 'old-secret'],
});
const store = memoryStore(); // one process only; use a Redis or SQL store in production
const guard = new ShopifyStaleGuard(); // one process only; see "Stale retries"

export const totals = new Map<string, string>();

async function handle(event: ShopifyEvent) {
  if (event.type === 'orders/updated' && event.subject !== undefined) {
    // A retry can carry an older snapshot than one already applied: skip it.
    if (!guard.accept(event)) return;
    totals.set(event.subject, event.payload.total_price);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    const event = await parseEvent(adapter, request);
    // Claims `shopify:<X-Shopify-Event-Id>`; retries of the same event are duplicates.
    return outcomeResponse(await processOnce(store, event, handle));
  } catch (error) {
    return errorResponse(error); // 401 bad signature, 422 invalid payload...
  }
}
