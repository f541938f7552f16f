import {
  errorResponse,
  memoryStore,
  outcomeResponse,
  parseEvent,
  processOnce,
} from '@hooklatch/core';
import { isQualioEvent, type QualioEvent, qualio } from '@hooklatch/qualio';

const adapter = qualio({
  // Any secret in the list verifies: put the new one first while rotating.
  auth: { scheme: 'hmac', secrets: [process.env.QUALIO_SECRET ?? 'new-secret', 'old-secret'] },
});
const store = memoryStore(); // one process only; use a Redis or SQL store in production

// Stand-ins: Qualio's API (the current state of each record) and your own copy of it.
export const qualioApi = new Map<string, { status: string }>();
export const mirror = new Map<string, { status: string }>();

async function handle(event: QualioEvent) {
  // The event is a signal, not the data: read the record's current state, so an event that
  // collapsed with an identical one (or arrived out of order) can never leave a stale copy.
  if (isQualioEvent(event, 'nc')) {
    const current = qualioApi.get(event.payload.ncId); // e.g. GET /nonconformances/{id}
    if (current !== undefined) mirror.set(event.subject, current);
  }
  return { refreshed: event.subject };
}

export async function POST(request: Request): Promise<Response> {
  try {
    const event = await parseEvent(adapter, request);
    // Claims qualio:<X-Qualio-Delivery-Id> or qualio:fp1:<fingerprint>.
    return outcomeResponse(await processOnce(store, event, handle));
  } catch (error) {
    return errorResponse(error); // 401 bad signature, 400 not JSON, 422 missing ncId...
  }
}
