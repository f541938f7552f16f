/**
 * The adapter's verifier pair for `Stripe-Signature`. The header is read and its timestamp
 * judged before the secrets are looked up, so a malformed or stale delivery never reaches a
 * `secrets` resolver (which may query a database).
 */
import {
  type DeliveryVerifier,
  requireHeader,
  resolveVerifier,
  type SecretOptions,
  secretSource,
  signatureInvalid,
  signedVerifier,
  toleranceOption,
  type Verification,
  withSecrets,
} from '@hooklatch/core/kit';
import { STRIPE_DEFAULT_TOLERANCE_SECONDS } from './options';
import {
  matchStripeSignature,
  readStripeSignature,
  STRIPE_SIGNATURE_HEADER,
  stripeSignatureHeader,
} from './signature';

/** What the verifier needs from the adapter's options. */
export interface StripeVerifierOptions extends SecretOptions {
  toleranceSeconds?: number | undefined;
  verify?: false | undefined;
}

const HEADER = STRIPE_SIGNATURE_HEADER.toLowerCase();

function stripeVerifier(options: StripeVerifierOptions): DeliveryVerifier {
  const source = secretSource(options, 'stripe');
  const tolerance = toleranceOption(
    'stripe',
    'toleranceSeconds',
    options.toleranceSeconds,
    STRIPE_DEFAULT_TOLERANCE_SECONDS,
  );
  return signedVerifier(
    (delivery) => {
      const value = requireHeader(delivery.headers, STRIPE_SIGNATURE_HEADER, 'SIGNATURE_MISSING');
      const signature = readStripeSignature(value, delivery.receivedAt, tolerance);
      return withSecrets(source, delivery, (secrets): Verification => {
        const keyIndex = matchStripeSignature(signature, delivery.rawBody, secrets);
        if (keyIndex < 0) throw signatureInvalid('stripe', STRIPE_SIGNATURE_HEADER);
        return { keyIndex, signedAt: new Date(signature.seconds * 1000) };
      });
    },
    (request) => ({
      [HEADER]: stripeSignatureHeader(
        [source.forSigning(request.keyIndex, request.secret)],
        request.body,
        Math.floor(request.timestamp.getTime() / 1000),
      ),
    }),
  );
}

/**
 * The adapter's `verify`: the `Stripe-Signature` pair, or `false` when the options say
 * `verify: false` and give no secret (a secret next to `verify: false` is a contradiction the
 * kit refuses, as it refuses any other `verify` value).
 */
export function stripeVerification(options: StripeVerifierOptions): DeliveryVerifier | false {
  if (options.verify === undefined) return stripeVerifier(options);
  const configured = options.secret !== undefined || options.secrets !== undefined;
  resolveVerifier('stripe', {
    verify: options.verify,
    verifier: configured ? stripeVerifier(options) : undefined,
  });
  return false;
}
