// pages/api/webhooks/stripe.ts
import { webhookPagesRoute } from '@hooklatch/next';
import { adapter, handler, store } from './setup';

// Required: Next's API body parser would turn the signed bytes into an object.
export const config = { api: { bodyParser: false } };

export default webhookPagesRoute({ adapter, store, handler });
