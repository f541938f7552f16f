import {
  errorResponse,
  memoryStore,
  outcomeResponse,
  parseEvent,
  processOnce,
} from '@hooklatch/core';
import { type GithubEvent, github } from '@hooklatch/github';

const adapter = github({
  // During a rotation list both; event.meta.keyIndex tells which one signed.
  secrets: [process.env.GITHUB_WEBHOOK_SECRET ?? 'new-secret', 'old-secret'],
});
const store = memoryStore(); // one process only; use a Redis or SQL store in production

export const opened: string[] = [];

async function handle(event: GithubEvent) {
  if (event.type === 'pull_request.opened') {
    // Narrowed: payload is the generated pull_request.opened type.
    opened.push(`${event.subject}: ${event.payload.pull_request.title}`);
  }
}

export async function POST(request: Request): Promise<Response> {
  try {
    const event = await parseEvent(adapter, request);
    // Claims `github:<X-GitHub-Delivery>`; a redelivery of the same GUID is a duplicate.
    return outcomeResponse(await processOnce(store, event, handle));
  } catch (error) {
    return errorResponse(error); // 401 bad signature, 422 invalid payload...
  }
}
