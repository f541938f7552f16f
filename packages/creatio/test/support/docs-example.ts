import {
  errorResponse,
  memoryStore,
  outcomeResponse,
  parseEvent,
  processOnce,
} from '@hooklatch/core';
import { type CreatioEvent, creatio } from '@hooklatch/creatio';

const adapter = creatio({
  // Creatio's web-service element sends basic auth. While rotating, list the old pair as well.
  auth: {
    scheme: 'basic',
    username: 'creatio',
    password: process.env.CREATIO_WEBHOOK_PASSWORD ?? 'dev-only-password',
  },
  subjectKey: { Order: 'OrderID' }, // subject Order:12345; other entities use their Id
});
const store = memoryStore(); // one process only; use a Redis or SQL store in production

export const synced: string[] = []; // stands in for your business logic

async function handle(event: CreatioEvent) {
  // A signal, not a snapshot: re-read the record's current state before acting on it.
  synced.push(`${event.subject} ${event.type}`);
}

export async function POST(request: Request): Promise<Response> {
  try {
    const event = await parseEvent(adapter, request); // dedupeKey: creatio:fp1:...
    // Renewed while the handler runs: a retry meanwhile gets 409 + Retry-After.
    return outcomeResponse(await processOnce(store, event, handle, { leaseMs: 120_000 }));
  } catch (error) {
    return errorResponse(error); // 401 bad credentials, 422 no Id or a bad ModifiedOn...
  }
}
