/**
 * `webhookRoute`: an app-router route handler (`export const POST = webhookRoute(...)`), a Web
 * `Request -> Response` function, so the same export runs on the Node.js and the edge runtime.
 * It imports nothing from Node; on the edge, use a store that speaks HTTP (or fetch-based
 * drivers) rather than a TCP one.
 */
import {
  type HandleWebhookOptions,
  handleWebhookInput,
  replyResponse,
  type WebhookAdapter,
  type WebhookEvent,
  webRequestInput,
} from '@hooklatch/core';

/** Options of {@link webhookRoute}: exactly `handleWebhook`'s. */
export type WebhookRouteOptions<A extends WebhookAdapter<WebhookEvent>, R> = HandleWebhookOptions<
  A,
  R
>;

const hint = {
  integration: 'next',
  fix:
    'Export the handler itself (export const POST = webhookRoute(...)), or pass it the request ' +
    'untouched: do not call request.json() or request.text() first (read a request.clone()).',
};

/**
 * Make the app-router handler. Pass `process: { waitUntil: after }` (from `next/server`) to keep
 * a slow completion mark alive after the answer on serverless platforms.
 *
 * @example
 * // app/api/webhooks/stripe/route.ts
 * export const POST = webhookRoute({ adapter, store, handler });
 */
export function webhookRoute<A extends WebhookAdapter<WebhookEvent>, R>(
  options: WebhookRouteOptions<A, R>,
): (request: Request) => Promise<Response> {
  return async (request) =>
    replyResponse(
      await handleWebhookInput(() => webRequestInput(request, hint), options, request.method),
    );
}
