/**
 * @hooklatch/next: receive webhooks in Next.js route handlers.
 *
 * ```ts
 * // app/api/webhooks/stripe/route.ts (Node.js or edge runtime)
 * export const POST = webhookRoute({ adapter, store, handler });
 *
 * // pages/api/webhooks/stripe.ts
 * export const config = { api: { bodyParser: false } };
 * export default webhookPagesRoute({ adapter, store, handler });
 * ```
 *
 * @module
 */

export type { WebhookRouteOptions } from './app-route';
export { webhookRoute } from './app-route';
export { webhookPagesRoute } from './pages-route';
