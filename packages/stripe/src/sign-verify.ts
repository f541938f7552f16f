/**
 * `signStripe` / `verifyStripe`: the `Stripe-Signature` scheme as two plain functions (the shape
 * of `@octokit/webhooks-methods`), for code that signs or checks a header without an adapter: a
 * test, a relay, a queue consumer. They run the adapter's own scheme code.
 */
import { VerificationError } from '@hooklatch/core';
import {
  knownOptions,
  type OptionKeys,
  optionInvalid,
  rawPayloadBytes as payloadBytes,
  type Secret,
  secretList,
  toleranceOption,
} from '@hooklatch/core/kit';
import { STRIPE_DEFAULT_TOLERANCE_SECONDS } from './options';
import { matchStripeSignature, readStripeSignature, stripeSignatureHeader } from './signature';

/** Options of {@link signStripe}. */
export interface SignStripeOptions {
  /**
   * The signing time (`t=`): a Date, or Unix seconds as Stripe writes it.
   * @default the current time
   */
  timestamp?: Date | number | undefined;
}

/** Options of {@link verifyStripe}. */
export interface VerifyStripeOptions {
  /**
   * Allowed distance between `t=` and `receivedAt`, in seconds, either way; 0 disables the check.
   * @default 300
   */
  toleranceSeconds?: number | undefined;
  /**
   * When the delivery arrived, the time `t=` is judged against (pass the original time when
   * verifying from a queue), as `parseEvent` names it. @default new Date()
   */
  receivedAt?: Date | undefined;
}

// The option lists, checked so that a mistyped key (`{ now }`) is refused, not ignored.
const SIGN_OPTION_KEYS: OptionKeys<SignStripeOptions> = { timestamp: true };
const VERIFY_OPTION_KEYS: OptionKeys<VerifyStripeOptions> = {
  toleranceSeconds: true,
  receivedAt: true,
};

const MAX_T = 999_999_999_999;

function unixSeconds(timestamp: Date | number | undefined): number {
  if (timestamp === undefined) return Math.floor(Date.now() / 1000);
  const seconds =
    timestamp instanceof Date ? Math.floor(timestamp.getTime() / 1000) : Number(timestamp);
  // At most 12 digits, as the verifier reads `t=`: milliseconds passed by mistake are refused.
  if (!Number.isSafeInteger(seconds) || seconds < 0 || seconds > MAX_T) {
    throw optionInvalid('signStripe', 'timestamp', 'must be a valid Date or Unix seconds');
  }
  return seconds;
}

/**
 * The `Stripe-Signature` value Stripe would send for `payload`: `t=<unix>,v1=<hex>`, with one
 * `v1` per secret when given several (as while a secret is being rolled). CONFIG_INVALID for a
 * missing or mistyped secret.
 *
 * @example
 * const header = signStripe('whsec_...', body, { timestamp: 1700000000 });
 */
export function signStripe(
  secret: Secret | readonly Secret[],
  payload: string | Uint8Array,
  options: SignStripeOptions = {},
): string {
  knownOptions('signStripe', options, SIGN_OPTION_KEYS);
  const secrets = secretList('signStripe', secret);
  return stripeSignatureHeader(
    secrets,
    payloadBytes('signStripe', payload),
    unixSeconds(options.timestamp),
  );
}

/**
 * Whether `signature` (the `Stripe-Signature` value) signs `payload` under one of the secrets,
 * within the tolerance. A missing, malformed, wrong or stale signature is `false`, never a
 * throw; a missing or mistyped secret or option is CONFIG_INVALID.
 *
 * @example
 * if (!verifyStripe(process.env.STRIPE_WEBHOOK_SECRET, rawBody, header)) return reject();
 */
export function verifyStripe(
  secretOrSecrets: Secret | readonly Secret[],
  payload: string | Uint8Array,
  signature: string | null | undefined,
  options: VerifyStripeOptions = {},
): boolean {
  knownOptions('verifyStripe', options, VERIFY_OPTION_KEYS);
  const secrets = secretList('verifyStripe', secretOrSecrets);
  const body = payloadBytes('verifyStripe', payload);
  const tolerance = toleranceOption(
    'verifyStripe',
    'toleranceSeconds',
    options.toleranceSeconds,
    STRIPE_DEFAULT_TOLERANCE_SECONDS,
  );
  const now = options.receivedAt ?? new Date();
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw optionInvalid('verifyStripe', 'receivedAt', 'must be a valid Date');
  }
  if (typeof signature !== 'string') return false;
  try {
    return matchStripeSignature(readStripeSignature(signature, now, tolerance), body, secrets) >= 0;
  } catch (error) {
    if (error instanceof VerificationError) return false;
    throw error;
  }
}
