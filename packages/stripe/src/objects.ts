/**
 * Zod schemas of the Stripe objects that typed events carry in `data.object`. Only the fields
 * listed are validated; every object is loose, so fields Stripe adds (or an older API version
 * lacks, when marked optional) never reject a real payload.
 */
import { z } from 'zod';

/** An expandable reference: an ID string, or the expanded object (which always has `id`). */
const expandable = z.union([z.string(), z.looseObject({ id: z.string() })]);

/** Stripe metadata: string keys and values. */
const metadata = z.record(z.string(), z.string());

/** `payment_intent` objects. */
export const paymentIntentSchema = z.looseObject({
  id: z.string(),
  object: z.literal('payment_intent'),
  amount: z.number().int(),
  amount_received: z.number().int(),
  currency: z.string(),
  status: z.string(),
  customer: expandable.nullable(),
  // Added in API version 2022-11-15; absent when the endpoint pins an older version.
  latest_charge: expandable.nullable().optional(),
  metadata,
  created: z.number().int(),
  livemode: z.boolean(),
});

/** `charge` objects. */
export const chargeSchema = z.looseObject({
  id: z.string(),
  object: z.literal('charge'),
  amount: z.number().int(),
  amount_refunded: z.number().int(),
  currency: z.string(),
  status: z.string(),
  paid: z.boolean(),
  refunded: z.boolean(),
  captured: z.boolean(),
  customer: expandable.nullable(),
  payment_intent: expandable.nullable(),
  failure_code: z.string().nullable(),
  failure_message: z.string().nullable(),
  metadata,
  created: z.number().int(),
  livemode: z.boolean(),
});

/** `checkout.session` objects. */
export const checkoutSessionSchema = z.looseObject({
  id: z.string(),
  object: z.literal('checkout.session'),
  mode: z.string(),
  status: z.string().nullable(),
  payment_status: z.string(),
  amount_total: z.number().int().nullable(),
  currency: z.string().nullable(),
  customer: expandable.nullable(),
  client_reference_id: z.string().nullable(),
  payment_intent: expandable.nullable(),
  subscription: expandable.nullable(),
  metadata: metadata.nullable(),
  created: z.number().int(),
  expires_at: z.number().int(),
  livemode: z.boolean(),
});

/** `invoice` objects. */
export const invoiceSchema = z.looseObject({
  id: z.string(),
  object: z.literal('invoice'),
  customer: expandable.nullable(),
  status: z.string().nullable(),
  amount_due: z.number().int(),
  amount_paid: z.number().int(),
  amount_remaining: z.number().int(),
  total: z.number().int(),
  currency: z.string(),
  number: z.string().nullable(),
  metadata: metadata.nullable(),
  created: z.number().int(),
  livemode: z.boolean(),
});

/** `customer` objects. */
export const customerSchema = z.looseObject({
  id: z.string(),
  object: z.literal('customer'),
  email: z.string().nullable(),
  name: z.string().nullable().optional(),
  metadata,
  created: z.number().int(),
  livemode: z.boolean(),
});

/** What the API returns for a deleted customer (`deleted: true`, no other fields). */
export const deletedCustomerSchema = z.looseObject({
  id: z.string(),
  object: z.literal('customer'),
  deleted: z.literal(true),
});

/** `subscription` objects. */
export const subscriptionSchema = z.looseObject({
  id: z.string(),
  object: z.literal('subscription'),
  customer: expandable,
  status: z.string(),
  cancel_at_period_end: z.boolean(),
  items: z.looseObject({
    object: z.literal('list'),
    data: z.array(
      z.looseObject({
        id: z.string(),
        object: z.literal('subscription_item'),
        price: z.looseObject({ id: z.string() }),
        quantity: z.number().int().optional(),
      }),
    ),
  }),
  metadata,
  created: z.number().int(),
  livemode: z.boolean(),
});

/** A Stripe `payment_intent`, as validated. */
export type StripePaymentIntent = z.infer<typeof paymentIntentSchema>;
/** A Stripe `charge`, as validated. */
export type StripeCharge = z.infer<typeof chargeSchema>;
/** A Stripe `checkout.session`, as validated. */
export type StripeCheckoutSession = z.infer<typeof checkoutSessionSchema>;
/** A Stripe `invoice`, as validated. */
export type StripeInvoice = z.infer<typeof invoiceSchema>;
/** A Stripe `customer`, as validated. */
export type StripeCustomer = z.infer<typeof customerSchema>;
/** A deleted Stripe `customer`. */
export type StripeDeletedCustomer = z.infer<typeof deletedCustomerSchema>;
/** A Stripe `subscription`, as validated. */
export type StripeSubscription = z.infer<typeof subscriptionSchema>;
