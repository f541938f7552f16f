/** The typed snapshot event schemas, one per event type, keyed by `type`. */
import { z } from 'zod';
import { snapshotData, snapshotEnvelopeShape } from './envelope';
import {
  chargeSchema,
  checkoutSessionSchema,
  customerSchema,
  deletedCustomerSchema,
  invoiceSchema,
  paymentIntentSchema,
  subscriptionSchema,
} from './objects';

function eventOf<T extends string, O extends z.ZodType>(type: T, object: O) {
  return z.looseObject({
    ...snapshotEnvelopeShape,
    type: z.literal(type),
    data: snapshotData(object),
  });
}

/** Zod schema of each typed Stripe event type (the whole event, `data.object` typed). */
export const stripeEventSchemas = {
  'payment_intent.succeeded': eventOf('payment_intent.succeeded', paymentIntentSchema),
  'payment_intent.payment_failed': eventOf('payment_intent.payment_failed', paymentIntentSchema),
  'payment_intent.created': eventOf('payment_intent.created', paymentIntentSchema),
  'payment_intent.canceled': eventOf('payment_intent.canceled', paymentIntentSchema),
  'charge.succeeded': eventOf('charge.succeeded', chargeSchema),
  'charge.failed': eventOf('charge.failed', chargeSchema),
  'charge.refunded': eventOf('charge.refunded', chargeSchema),
  'checkout.session.completed': eventOf('checkout.session.completed', checkoutSessionSchema),
  'checkout.session.expired': eventOf('checkout.session.expired', checkoutSessionSchema),
  'invoice.paid': eventOf('invoice.paid', invoiceSchema),
  'invoice.payment_failed': eventOf('invoice.payment_failed', invoiceSchema),
  'invoice.finalized': eventOf('invoice.finalized', invoiceSchema),
  'customer.created': eventOf('customer.created', customerSchema),
  'customer.updated': eventOf('customer.updated', customerSchema),
  // Stripe sends the last state of the customer; accept the bare deleted form as well.
  'customer.deleted': eventOf('customer.deleted', z.union([customerSchema, deletedCustomerSchema])),
  'customer.subscription.created': eventOf('customer.subscription.created', subscriptionSchema),
  'customer.subscription.updated': eventOf('customer.subscription.updated', subscriptionSchema),
  'customer.subscription.deleted': eventOf('customer.subscription.deleted', subscriptionSchema),
} as const;

/** The snapshot event types with a typed schema. */
export type StripeTypedEventType = keyof typeof stripeEventSchemas;

/** The validated payload of each typed event type. */
export type StripePayloads = {
  [K in StripeTypedEventType]: z.infer<(typeof stripeEventSchemas)[K]>;
};

/** The typed schema for `type`, or undefined when the type has none. */
export function typedStripeSchema(type: string): z.ZodType | undefined {
  return Object.hasOwn(stripeEventSchemas, type)
    ? stripeEventSchemas[type as StripeTypedEventType]
    : undefined;
}
