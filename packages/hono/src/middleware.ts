/**
 * `webhookMiddleware`: verifies and claims the delivery, puts the event on the context
 * (`c.var.webhook`) and runs the rest of the chain as the handler, at most once per event. A
 * duplicate, an in-flight copy or a refused delivery never reaches the route: hooklatch answers
 * it. `webhookRoute` is the one-call variant, with the handler in the options.
 */
import {
  type EventOf,
  type HandlerContext,
  type HandleWebhookOptions,
  handleWebhookInput,
  replyResponse,
  type WebhookAdapter,
  type WebhookEvent,
} from '@hooklatch/core';
import type { Context, MiddlewareHandler } from 'hono';
import { honoRequestInput } from './request-input';

/** What `webhookMiddleware` puts on the context as `c.var.webhook`. */
export interface WebhookVariable<E extends WebhookEvent> {
  /** The verified event. */
  event: E;
  /** The claim's context: `signal` aborts when the lease is lost; `complete({ tx })`. */
  context: HandlerContext;
}

/** The Hono env `webhookMiddleware` adds: `c.var.webhook`. */
export interface WebhookEnv<E extends WebhookEvent> {
  Variables: { webhook: WebhookVariable<E> };
}

/** Options of {@link webhookMiddleware}: `handleWebhook`'s, without `handler` (the route is). */
export type WebhookMiddlewareOptions<A extends WebhookAdapter<WebhookEvent>> = Omit<
  HandleWebhookOptions<A, void>,
  'handler'
>;

/** Options of {@link webhookRoute}: exactly `handleWebhook`'s. */
export type WebhookRouteOptions<A extends WebhookAdapter<WebhookEvent>, R> = HandleWebhookOptions<
  A,
  R
>;

/** The route answered other than 2xx: the event is not handled, the claim is released. */
class RouteRefused extends Error {
  constructor(status: number) {
    super(`the webhook route answered ${status}`);
    this.name = 'RouteRefused';
  }
}

/**
 * The route returned no Response (a `c.json(...)` without `return`): nothing was answered, so
 * nothing is known to be handled. The claim is released and hooklatch answers 500; reading
 * `c.res` here instead would see Hono's empty placeholder 200 and complete the claim.
 */
class RouteUnanswered extends Error {
  constructor() {
    super('the webhook route returned no Response (did it forget to `return c.json(...)`?)');
    this.name = 'RouteUnanswered';
  }
}

/**
 * Make the middleware: `app.post('/webhooks', webhookMiddleware({ adapter, store }), (c) => ...)`.
 * The route's 2xx answer is sent as is and completes the claim. A route that throws, returns no
 * Response, or answers 3xx-5xx, releases it so the provider's retry runs the route again (the
 * first two are answered 500 by hooklatch, a non-2xx answer is sent as the route made it).
 */
export function webhookMiddleware<A extends WebhookAdapter<WebhookEvent>>(
  options: WebhookMiddlewareOptions<A>,
): MiddlewareHandler<WebhookEnv<EventOf<A>>> {
  return async (c, next) => {
    const handler = async (event: EventOf<A>, context: HandlerContext): Promise<void> => {
      c.set('webhook', { event, context });
      await next();
      if (c.error !== undefined) throw c.error;
      if (!c.finalized) throw new RouteUnanswered();
      if (c.res.status < 200 || c.res.status >= 300) throw new RouteRefused(c.res.status);
    };
    const reply = await handleWebhookInput(
      () => honoRequestInput(c.req, true),
      { ...options, handler },
      c.req.method,
    );
    const outcome = reply.outcome;
    const routeAnswered =
      outcome?.outcome === 'processed' ||
      (outcome?.outcome === 'failed' && outcome.error instanceof RouteRefused);
    if (!routeAnswered) c.res = replyResponse(reply);
  };
}

/**
 * Make a route handler: `app.post('/webhooks', webhookRoute({ adapter, store, handler }))`.
 * Pass a `router()` as `handler` to serve every event type of the provider from one route.
 */
export function webhookRoute<A extends WebhookAdapter<WebhookEvent>, R>(
  options: WebhookRouteOptions<A, R>,
): (c: Context) => Promise<Response> {
  return async (c) =>
    replyResponse(await handleWebhookInput(() => honoRequestInput(c.req), options, c.req.method));
}
