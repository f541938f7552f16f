// app/api/webhooks/stripe/route.ts
import { webhookRoute } from '@hooklatch/next';
import { adapter, handler, store } from './setup';

// A Web Request -> Response function: the same export runs on the Node.js and edge runtimes.
export const POST = webhookRoute({ adapter, store, handler });
