/**
 * @hooklatch/fastify: receive webhooks in Fastify 5 with one plugin.
 *
 * ```ts
 * await app.register(webhookPlugin({ path: '/webhooks/stripe', adapter, store, handler }));
 * ```
 *
 * @module
 */

export type { WebhookPluginOptions } from './plugin';
export { webhookPlugin } from './plugin';
export type { WebhookRouteOptions } from './route';
export { fastifyRequestInput, webhookRoute } from './route';
