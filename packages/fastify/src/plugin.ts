/**
 * `webhookPlugin`: a Fastify plugin serving one webhook route. Its scope (not wrapped with
 * fastify-plugin, so it stays encapsulated) parses every content type as a raw Buffer, so the
 * rest of the app keeps Fastify's JSON parsing and the webhook route gets the signed bytes.
 */
import {
  bodyIncompleteError,
  bodyTooLargeError,
  DEFAULT_MAX_BODY_BYTES,
  handleWebhookInput,
  type PayloadError,
  type WebhookAdapter,
  type WebhookEvent,
} from '@hooklatch/core';
import type { FastifyError, FastifyPluginAsync } from 'fastify';
import { sendReply, type WebhookRouteOptions, webhookRoute } from './route';

/** Options of {@link webhookPlugin}: `handleWebhook`'s, plus where the route is. */
export interface WebhookPluginOptions<A extends WebhookAdapter<WebhookEvent>, R>
  extends WebhookRouteOptions<A, R> {
  /** The route's path, under the prefix the plugin is registered with. */
  path: string;
}

function bodyLimit(maxBodyBytes: unknown): number {
  // A bad value is left to handleWebhook, which answers it CONFIG_INVALID on every delivery.
  return Number.isSafeInteger(maxBodyBytes) && (maxBodyBytes as number) > 0
    ? (maxBodyBytes as number)
    : DEFAULT_MAX_BODY_BYTES;
}

/** Stream errors of a sender that hung up mid-body, as Fastify's body reader passes them on. */
const HUNG_UP = new Set([
  'ECONNRESET',
  'ERR_STREAM_PREMATURE_CLOSE',
  'FST_ERR_CTP_INVALID_CONTENT_LENGTH',
]);

/** Core's error for a body Fastify's parser refused, or undefined for any other error. */
function parserRefusal(error: FastifyError, limit: number): PayloadError | undefined {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return bodyTooLargeError(limit);
  // Only the body reader's: it marks its stream errors 400. A user hook's own ECONNRESET (a
  // Redis or database outage) is theirs, and must stay a 500 for the provider to retry.
  if (error.statusCode === 400 && (HUNG_UP.has(error.code) || error.message === 'aborted')) {
    return bodyIncompleteError();
  }
  return undefined;
}

/**
 * Make the plugin: `app.register(webhookPlugin({ path: '/webhooks', adapter, store, handler }))`.
 * The route accepts the adapter's methods (POST by default). A body over `parse.maxBodyBytes`
 * is refused by Fastify's parser while streaming and answered 413 BODY_TOO_LARGE like core does;
 * a sender that hangs up mid-body is BODY_INCOMPLETE (400), reported like any refusal.
 */
export function webhookPlugin<A extends WebhookAdapter<WebhookEvent>, R>(
  options: WebhookPluginOptions<A, R>,
): FastifyPluginAsync {
  const route = webhookRoute(options);
  const limit = bodyLimit(options.parse?.maxBodyBytes);
  return async (instance) => {
    instance.removeAllContentTypeParsers();
    instance.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: limit },
      (_request, body, done) => done(null, body),
    );
    instance.setErrorHandler(async (error: FastifyError, request, reply) => {
      const refused = parserRefusal(error, limit);
      if (refused === undefined) throw error;
      // Answered and reported (hooks, logger, metrics) as core answers a body it refused.
      const answer = await handleWebhookInput(
        () => {
          throw refused;
        },
        options,
        request.method,
      );
      return sendReply(reply, answer);
    });
    instance.route({
      method: [...(options.adapter?.methods ?? ['POST'])],
      url: options.path,
      handler: route,
    });
  };
}
