/**
 * Zod schemas of the Stripe objects that typed events carry in `data.object`. Only the fields
 * listed are validated; every object is loose, so fields Stripe adds never reject a payload. A
 * field is required only when every API version an endpoint can be pinned to sends it: the
 * corpus in test/fixtures (Stripe's own examples of 2022 and 2026, a 2019 delivery) proves
 * each schema against real objects.
 */
import * as z from 'zod/mini';

/** An expandable reference: an ID string, or the expanded object (which always has `id`). */
const expandable = z.union([z.string(), z.looseObject({ id: z.string() })]);

/** Stripe metadata: string keys and values. */
const metadata = z.record(z.string(), z.string());

/** `payment_intent` objects. */
export const stripePaymentIntentSchema = z.looseObject({
  id: z.string(),
  object: z.literal('payment_intent'),
  amount: z.number().check(z.int()),
  amount_received: z.number().check(z.int()),
  currency: z.string(),
  status: z.string(),
  customer: z.nullable(expandable),
  // Added in API version 2022-11-15; absent when the endpoint pins an older version.
  latest_charge: z.optional(z.nullable(expandable)),
  metadata,
  created: z.number().check(z.int()),
  livemode: z.boolean(),
});

/** `charge` objects. */
export const stripeChargeSchema = z.looseObject({
  id: z.string(),
  object: z.literal('charge'),
  amount: z.number().check(z.int()),
  amount_refunded: z.number().check(z.int()),
  currency: z.string(),
  status: z.string(),
  paid: z.boolean(),
  refunded: z.boolean(),
  captured: z.boolean(),
  customer: z.nullable(expandable),
  payment_intent: z.nullable(expandable),
  failure_code: z.nullable(z.string()),
  failure_message: z.nullable(z.string()),
  metadata,
  created: z.number().check(z.int()),
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
  status: z.optional(z.nullable(z.string())),
  payment_status: z.optional(z.string()),
  amount_total: z.optional(z.nullable(z.number().check(z.int()))),
  currency: z.optional(z.nullable(z.string())),
  customer: z.nullable(expandable),
  client_reference_id: z.nullable(z.string()),
  payment_intent: z.nullable(expandable),
  subscription: z.nullable(expandable),
  metadata: z.nullable(metadata),
  created: z.optional(z.number().check(z.int())),
  expires_at: z.optional(z.number().check(z.int())),
  livemode: z.boolean(),
});

/** `invoice` objects. */
export const stripeInvoiceSchema = z.looseObject({
  id: z.string(),
  object: z.literal('invoice'),
  customer: z.nullable(expandable),
  status: z.nullable(z.string()),
  amount_due: z.number().check(z.int()),
  amount_paid: z.number().check(z.int()),
  amount_remaining: z.number().check(z.int()),
  total: z.number().check(z.int()),
  currency: z.string(),
  number: z.nullable(z.string()),
  metadata: z.nullable(metadata),
  created: z.number().check(z.int()),
  livemode: z.boolean(),
});

/** `customer` objects. */
export const stripeCustomerSchema = z.looseObject({
  id: z.string(),
  object: z.literal('customer'),
  email: z.nullable(z.string()),
  name: z.optional(z.nullable(z.string())),
  metadata,
  created: z.number().check(z.int()),
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
        quantity: z.optional(z.number().check(z.int())),
      }),
    ),
  }),
  metadata,
  created: z.number().check(z.int()),
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
