/**
 * `lambdaHandler`: a whole webhook route as a Lambda handler. Read the event (decoding base64
 * bodies to the signed bytes), run `handleWebhook`, and answer in the event's own result shape.
 */
import {
  errorReply,
  type HandleWebhookOptions,
  handleWebhook,
  type PlainDeliveryInput,
  type WebhookAdapter,
  type WebhookEvent,
} from '@hooklatch/core';
import { lambdaDelivery } from './delivery';
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
 * not an HTTP request answers 500 `CONFIG_INVALID`.
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
    let delivery: PlainDeliveryInput;
    try {
      delivery = lambdaDelivery(event);
    } catch (error) {
      return lambdaResult(format, errorReply(error));
    }
    return lambdaResult(format, await handleWebhook<A, R>(delivery, options));
  };
}
