/** The typed snapshot event schemas, one per event type, keyed by `type`. */
import * as z from 'zod/mini';
import { snapshotData, snapshotEnvelopeShape } from './envelope';
import {
  stripeChargeSchema,
  stripeCheckoutSessionSchema,
  stripeCustomerSchema,
  stripeDeletedCustomerSchema,
  stripeInvoiceSchema,
  stripePaymentIntentSchema,
  stripeSubscriptionSchema,
} from './objects';

function eventOf<T extends string, O extends z.ZodMiniType>(type: T, object: O) {
  return z.looseObject({
    ...snapshotEnvelopeShape,
    type: z.literal(type),
    data: snapshotData(object),
  });
}

/** Zod schema of each typed Stripe event type (the whole event, `data.object` typed). */
export const stripeEventSchemas = {
  'payment_intent.succeeded': eventOf('payment_intent.succeeded', stripePaymentIntentSchema),
  'payment_intent.payment_failed': eventOf(
    'payment_intent.payment_failed',
    stripePaymentIntentSchema,
  ),
  'payment_intent.created': eventOf('payment_intent.created', stripePaymentIntentSchema),
  'payment_intent.canceled': eventOf('payment_intent.canceled', stripePaymentIntentSchema),
  'charge.succeeded': eventOf('charge.succeeded', stripeChargeSchema),
  'charge.failed': eventOf('charge.failed', stripeChargeSchema),
  'charge.refunded': eventOf('charge.refunded', stripeChargeSchema),
  'checkout.session.completed': eventOf('checkout.session.completed', stripeCheckoutSessionSchema),
  'checkout.session.expired': eventOf('checkout.session.expired', stripeCheckoutSessionSchema),
  'invoice.paid': eventOf('invoice.paid', stripeInvoiceSchema),
  'invoice.payment_failed': eventOf('invoice.payment_failed', stripeInvoiceSchema),
  'invoice.finalized': eventOf('invoice.finalized', stripeInvoiceSchema),
  'customer.created': eventOf('customer.created', stripeCustomerSchema),
  'customer.updated': eventOf('customer.updated', stripeCustomerSchema),
  // Stripe sends the last state of the customer; accept the bare deleted form as well.
  'customer.deleted': eventOf(
    'customer.deleted',
    z.union([stripeCustomerSchema, stripeDeletedCustomerSchema]),
  ),
  'customer.subscription.created': eventOf(
    'customer.subscription.created',
    stripeSubscriptionSchema,
  ),
  'customer.subscription.updated': eventOf(
    'customer.subscription.updated',
    stripeSubscriptionSchema,
  ),
  'customer.subscription.deleted': eventOf(
    'customer.subscription.deleted',
    stripeSubscriptionSchema,
  ),
} as const;

/** The snapshot event types with a typed schema. */
export type StripeTypedEventType = keyof typeof stripeEventSchemas;

/** The validated payload of each typed event type. */
export type StripePayloads = {
  [K in StripeTypedEventType]: z.infer<(typeof stripeEventSchemas)[K]>;
};

/** The typed schema for `type`, or undefined when the type has none. */
export function typedStripeSchema(type: string): z.ZodMiniType | undefined {
  return Object.hasOwn(stripeEventSchemas, type)
    ? stripeEventSchemas[type as StripeTypedEventType]
    : undefined;
}
