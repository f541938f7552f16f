/**
 * The typed event router, and the pieces framework integrations share: finding the raw body
 * in what a framework left, and handling a delivery whose body could not be found.
 *
 * @module
 */

export { handleWebhookInput } from './handle-webhook-input';
export type { NodeResponseLike } from './node-reply';
export { handleNodeRequest } from './node-reply';
export type { BodyConsumedHint, FrameworkNodeRequest } from './request-input';
export { bodyConsumedError, nodeRequestInput, webRequestInput } from './request-input';
export type { RouterOptions } from './router';
export { router } from './router';
export type {
  EventTypeOf,
  FallbackHandler,
  RoutedEvent,
  RouterEvents,
  Unrouted,
  UnroutedEvent,
  WebhookRouter,
} from './router-types';
