/**
 * `webhookRoute`: a Fastify route handler that takes the `FastifyRequest` as is. It expects the
 * raw-body parser `webhookPlugin` registers for its scope; a body some other parser turned into
 * an object is CONFIG_INVALID (500), answered and reported like any refusal.
 */
import {
  bodyConsumedError,
  type DeliveryInput,
  type HandleWebhookOptions,
  handleWebhookInput,
  nodeRequestInput,
  type WebhookAdapter,
  type WebhookEvent,
  type WebhookReply,
} from '@hooklatch/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Options of {@link webhookRoute}: exactly `handleWebhook`'s. */
export type WebhookRouteOptions<A extends WebhookAdapter<WebhookEvent>, R> = HandleWebhookOptions<
  A,
  R
>;

const hint = {
  integration: 'fastify',
  fix:
    'Register the route with app.register(webhookPlugin({ path, ... })), whose scope parses ' +
    'every content type as a raw Buffer, instead of next to the JSON parser of the app.',
};

/** The delivery in a Fastify request: the raw Buffer the plugin's parser kept, or the stream. */
export function fastifyRequestInput(request: FastifyRequest): DeliveryInput {
  const { body, headers, method } = request;
  if (body instanceof Uint8Array || typeof body === 'string') return { method, headers, body };
  // No body was parsed (no content type and no length): the stream is untouched.
  if (body === undefined || body === null) return nodeRequestInput(request.raw, hint);
  throw bodyConsumedError(hint);
}

/** Write a hooklatch reply with Fastify. */
export function sendReply(reply: FastifyReply, answer: WebhookReply): FastifyReply {
  return reply.code(answer.status).headers(answer.headers).send(answer.body);
}

/**
 * Make the route handler: `instance.post('/webhooks', webhookRoute({ adapter, store, handler }))`
 * inside a scope with a raw-body parser (`webhookPlugin` does both).
 */
export function webhookRoute<A extends WebhookAdapter<WebhookEvent>, R>(
  options: WebhookRouteOptions<A, R>,
): (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply> {
  return async (request, reply) =>
    sendReply(
      reply,
      await handleWebhookInput(() => fastifyRequestInput(request), options, request.method),
    );
}
