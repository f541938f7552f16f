/**
 * @hooklatch/express: receive webhooks in Express 4 or 5 with one route handler.
 *
 * ```ts
 * app.post('/webhooks/stripe', webhookMiddleware({ adapter, store, handler }));
 * ```
 *
 * @module
 */

export type { WebhookMiddlewareOptions } from './middleware';
export { webhookMiddleware } from './middleware';
