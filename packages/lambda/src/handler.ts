/**
 * `lambdaHandler`: a whole webhook route as a Lambda handler. Read the event (decoding base64
 * bodies to the signed bytes), run `handleWebhook`, and answer in the event's own result shape.
 * An event refused while it is read (not an HTTP request, a base64 flag over a body that is not
 * base64) goes through `handleWebhook` all the same, so `hooks` and the logger report it.
 */
import {
  type HandleWebhookOptions,
  handleWebhookInput,
  type WebhookAdapter,
  type WebhookEvent,
} from '@hooklatch/core';
import { lambdaDelivery, methodOf } from './delivery';
import { detectLambdaEventFormat, type LambdaHttpEvent } from './event-format';
import { type LambdaHttpResult, lambdaResult } from './result';

/**
 * Options of {@link lambdaHandler}: those of `handleWebhook` (adapter, store, handler, parse and
 * process options, hooks, logger).
 */
export type LambdaHandlerOptions<A extends WebhookAdapter<WebhookEvent>, R> = HandleWebhookOptions<
  A,
  R
>;

/** A Lambda handler for HTTP events; the runtime's context argument is not needed. */
export type LambdaWebhookHandler = (event: LambdaHttpEvent) => Promise<LambdaHttpResult>;

/**
 * Make a Lambda handler for one webhook route: `export const handler = lambdaHandler({ ... })`.
 * The same handler serves API Gateway REST and HTTP APIs (payload 1.0 and 2.0), function URLs
 * and ALB target groups, with or without multi-value headers. Never throws: an event that is
 * not an HTTP request answers 500 `CONFIG_INVALID`, a base64 flag over a body that is not base64
 * 400 `PAYLOAD_MALFORMED`, each reported to `hooks.onOutcome` (`rejected`) and the logger.
 *
 * @example
 * export const handler = lambdaHandler({ adapter: stripe({ secret }), store, handler: fulfil });
 */
export function lambdaHandler<A extends WebhookAdapter<WebhookEvent>, R = unknown>(
  options: LambdaHandlerOptions<A, R>,
): LambdaWebhookHandler {
  return async (event) => {
    // An unknown event is answered in the v1 shape, which API Gateway and function URLs read.
    const format = detectLambdaEventFormat(event) ?? 'v1';
    const reply = await handleWebhookInput(() => lambdaDelivery(event), options, methodOf(event));
    return lambdaResult(format, reply);
  };
}
