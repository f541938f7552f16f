/**
 * `webhookMiddleware`: an Express route handler that reads the raw body itself (no
 * `express.raw()` needed), verifies, claims, runs the handler once and answers. The same code
 * serves Express 4 and 5: it relies only on Node's request and response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  type FrameworkNodeRequest,
  type HandleWebhookOptions,
  handleNodeRequest,
  type WebhookAdapter,
  type WebhookEvent,
} from '@hooklatch/core';

/** Options of {@link webhookMiddleware}: exactly `handleWebhook`'s. */
export type WebhookMiddlewareOptions<
  A extends WebhookAdapter<WebhookEvent>,
  R,
> = HandleWebhookOptions<A, R>;

const hint = {
  integration: 'express',
  fix:
    'Mount the webhook route before app.use(express.json()) or any other body parser (the ' +
    'middleware reads the raw body itself), or keep the bytes: express.raw() on the route, a ' +
    'parser `verify` that sets req.rawBody, or NestFactory.create(AppModule, { rawBody: true }).',
};

/**
 * Make the route handler: `app.post('/webhooks', webhookMiddleware({ adapter, store, handler }))`.
 * It answers every delivery itself and never calls `next(error)`, so Express's error page never
 * answers a provider. A body already consumed by a parser is 500 CONFIG_INVALID (the provider
 * retries until the route is fixed), reported to `hooks` and `logger` like any refusal.
 */
export function webhookMiddleware<A extends WebhookAdapter<WebhookEvent>, R>(
  options: WebhookMiddlewareOptions<A, R>,
): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    await handleNodeRequest(req as IncomingMessage & FrameworkNodeRequest, res, options, hint);
  };
}
