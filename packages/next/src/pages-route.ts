/**
 * `webhookPagesRoute`: a pages-router API route (`pages/api/...`). Next parses API bodies by
 * default, which destroys the signed bytes: the route file must also export
 * `config = { api: { bodyParser: false } }`; without it, every delivery is 500 CONFIG_INVALID
 * saying so (the provider retries until it is fixed).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type FrameworkNodeRequest,
  handleNodeRequest,
  type WebhookAdapter,
  type WebhookEvent,
} from '@hooklatch/core';
import type { WebhookRouteOptions } from './app-route';

const hint = {
  integration: 'next',
  fix: 'Add `export const config = { api: { bodyParser: false } };` to the API route file.',
};

/**
 * Make the pages-router handler.
 *
 * @example
 * // pages/api/webhooks/stripe.ts
 * export const config = { api: { bodyParser: false } };
 * export default webhookPagesRoute({ adapter, store, handler });
 */
export function webhookPagesRoute<A extends WebhookAdapter<WebhookEvent>, R>(
  options: WebhookRouteOptions<A, R>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    await handleNodeRequest(req as IncomingMessage & FrameworkNodeRequest, res, options, hint);
  };
}
