/**
 * Zod schemas of the Stripe objects that typed events carry in `data.object`. Only the fields
 * listed are validated; every object is loose, so fields Stripe adds never reject a payload. A
 * field is required only when every API version an endpoint can be pinned to sends it: the
 * corpus in test/fixtures (Stripe's own examples of 2022 and 2026, a 2019 delivery) proves
 * each schema against real objects.
 */
import { z } from 'zod';

/** An expandable reference: an ID string, or the expanded object (which always has `id`). */
const expandable = z.union([z.string(), z.looseObject({ id: z.string() })]);

/** Stripe metadata: string keys and values. */
const metadata = z.record(z.string(), z.string());

/** `payment_intent` objects. */
export const stripePaymentIntentSchema = z.looseObject({
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
export const stripeChargeSchema = z.looseObject({
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

/**
 * `checkout.session` objects. Sessions rendered for an endpoint pinned to an older API version
 * lack several fields (a real 2019-05-16 delivery has no `created`, `expires_at`, `status`,
 * `payment_status`, `amount_total` or `currency`: see test/fixtures/corpus), so those are optional.
 */
export const stripeCheckoutSessionSchema = z.looseObject({
  id: z.string(),
  object: z.literal('checkout.session'),
  mode: z.string(),
  status: z.string().nullable().optional(),
  payment_status: z.string().optional(),
  amount_total: z.number().int().nullable().optional(),
  currency: z.string().nullable().optional(),
  customer: expandable.nullable(),
  client_reference_id: z.string().nullable(),
  payment_intent: expandable.nullable(),
  subscription: expandable.nullable(),
  metadata: metadata.nullable(),
  created: z.number().int().optional(),
  expires_at: z.number().int().optional(),
  livemode: z.boolean(),
});

/** `invoice` objects. */
export const stripeInvoiceSchema = z.looseObject({
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
export const stripeCustomerSchema = z.looseObject({
  id: z.string(),
  object: z.literal('customer'),
  email: z.string().nullable(),
  name: z.string().nullable().optional(),
  metadata,
  created: z.number().int(),
  livemode: z.boolean(),
});

/** What the API returns for a deleted customer (`deleted: true`, no other fields). */
export const stripeDeletedCustomerSchema = z.looseObject({
  id: z.string(),
  object: z.literal('customer'),
  deleted: z.literal(true),
});

/** `subscription` objects. */
export const stripeSubscriptionSchema = z.looseObject({
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
export type StripePaymentIntent = z.infer<typeof stripePaymentIntentSchema>;
/** A Stripe `charge`, as validated. */
export type StripeCharge = z.infer<typeof stripeChargeSchema>;
/** A Stripe `checkout.session`, as validated. */
export type StripeCheckoutSession = z.infer<typeof stripeCheckoutSessionSchema>;
/** A Stripe `invoice`, as validated. */
export type StripeInvoice = z.infer<typeof stripeInvoiceSchema>;
/** A Stripe `customer`, as validated. */
export type StripeCustomer = z.infer<typeof stripeCustomerSchema>;
/** A deleted Stripe `customer`. */
export type StripeDeletedCustomer = z.infer<typeof stripeDeletedCustomerSchema>;
/** A Stripe `subscription`, as validated. */
export type StripeSubscription = z.infer<typeof stripeSubscriptionSchema>;
