/**
 * @hooklatch/hono: receive webhooks in Hono, on any runtime Hono runs on.
 *
 * ```ts
 * app.post('/webhooks/stripe', webhookMiddleware({ adapter, store }), (c) => {
 *   const { event } = c.var.webhook; // verified, and this runs once per event
 *   return c.json({ ok: true });
 * });
 * ```
 *
 * @module
 */

export type {
  WebhookEnv,
  WebhookMiddlewareOptions,
  WebhookRouteOptions,
  WebhookVariable,
} from './middleware';
export { webhookMiddleware, webhookRoute } from './middleware';
export { honoRequestInput } from './request-input';
