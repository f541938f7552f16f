/**
 * @hooklatch/stripe: verify Stripe webhook deliveries (`Stripe-Signature`) and turn them into
 * typed events keyed by the Stripe event ID. `signStripe` / `verifyStripe` are the signature
 * scheme on its own; test builders are in `@hooklatch/stripe/testing`.
 *
 * ```ts
 * const event = await parseEvent(stripe({ secret }), request);
 * if (event.type === 'payment_intent.succeeded') event.payload.data.object.amount;
 * ```
 *
 * @module
 */

export { stripe } from './adapter';
export type { StripeEventEnvelope, StripeThinEventPayload } from './envelope';
export { stripeEventEnvelopeSchema, stripeThinEventSchema } from './envelope';
export type {
  StripeEvent,
  StripeThinEvent,
  StripeThinEventType,
  StripeUntypedEventType,
  TypedStripeEvent,
  UntypedStripeEvent,
} from './event';
export type { StripePayloads, StripeTypedEventType } from './event-schemas';
export { stripeEventSchemas } from './event-schemas';
export { STRIPE_EVENT_TYPES, STRIPE_THIN_EVENT_TYPES } from './generated/event-types';
export type {
  StripeCharge,
  StripeCheckoutSession,
  StripeCustomer,
  StripeDeletedCustomer,
  StripeInvoice,
  StripePaymentIntent,
  StripeSubscription,
} from './objects';
export {
  stripeChargeSchema,
  stripeCheckoutSessionSchema,
  stripeCustomerSchema,
  stripeDeletedCustomerSchema,
  stripeInvoiceSchema,
  stripePaymentIntentSchema,
  stripeSubscriptionSchema,
} from './objects';
export type { StripeOptions } from './options';
export {
  STRIPE_DEFAULT_TOLERANCE_SECONDS,
  STRIPE_DIGEST_EXCLUDE,
  STRIPE_RETENTION_MS,
} from './options';
export type { SignStripeOptions, VerifyStripeOptions } from './sign-verify';
export { signStripe, verifyStripe } from './sign-verify';
export { STRIPE_SIGNATURE_HEADER } from './signature';
