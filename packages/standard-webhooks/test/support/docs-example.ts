import {
  errorResponse,
  memoryStore,
  outcomeResponse,
  parseEvent,
  processOnce,
} from '@hooklatch/core';
import { isEventType, standardWebhooks } from '@hooklatch/standard-webhooks';
import { z } from 'zod';

const adapter = standardWebhooks({
  secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], // add the new secret first when rotating
  name: 'acme', // dedupe keys become acme:<webhook-id>
  events: {
    'invoice.paid': z.object({ data: z.object({ id: z.string(), amount: z.number() }) }),
  },
});
const store = memoryStore(); // one process only; use a Redis or SQL store in production
export const paidInvoices: string[] = []; // stands in for your business logic

export async function POST(request: Request): Promise<Response> {
  try {
    const event = await parseEvent(adapter, request);
    const outcome = await processOnce(store, event, async (e) => {
      if (isEventType(e, 'invoice.paid')) paidInvoices.push(e.payload.data.id); // typed
      return { handled: e.type };
    });
    return outcomeResponse(outcome); // 200 processed or duplicate, 409 while in flight
  } catch (error) {
    return errorResponse(error); // 401 bad signature or stale timestamp, 422 invalid payload...
  }
}
