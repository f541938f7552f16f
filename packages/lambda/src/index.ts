/**
 * @hooklatch/lambda: webhook routes on AWS Lambda. One handler serves API Gateway REST and HTTP
 * APIs (payload 1.0 and 2.0), function URLs and Application Load Balancers (single and
 * multi-value headers); base64 bodies are decoded to the exact bytes the sender signed, and the
 * answer comes back in the result shape the event's source expects.
 *
 * ```ts
 * export const handler = lambdaHandler({ adapter: stripe({ secret }), store, handler: fulfil });
 * ```
 *
 * @module
 */

export { lambdaDelivery, methodOf } from './delivery';
export type { LambdaEventFormat, LambdaHttpEvent } from './event-format';
export { detectLambdaEventFormat, lambdaEventFormat } from './event-format';
export type { LambdaHandlerOptions, LambdaWebhookHandler } from './handler';
export { lambdaHandler } from './handler';
export type { LambdaHttpResult } from './result';
export { lambdaResult } from './result';
