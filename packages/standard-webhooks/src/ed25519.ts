/**
 * @hooklatch/standard-webhooks/ed25519: the package's adapter and sign/verify pair with `v1a`
 * (ed25519) signatures as well as `v1` (HMAC). Import from here when a sender signs with
 * ed25519: the root entry leaves ed25519 out (it is most of the package's bundle weight) and
 * refuses `publicKey`/`whsk_` keys with CONFIG_INVALID pointing here. Everything else (types,
 * constants, `isEventType`) comes from the root entry.
 *
 * ```ts
 * import { standardWebhooks } from '@hooklatch/standard-webhooks/ed25519';
 * const adapter = standardWebhooks({ publicKey: 'whpk_...' });
 * ```
 *
 * @module
 */
import type { WebhookAdapter } from '@hooklatch/core';
import type { SchemaPolicy, Secret } from '@hooklatch/core/kit';
import { buildStandardWebhooks } from './adapter';
import { nobleEd25519 } from './ed25519-noble';
import type { StandardWebhookEvent, StandardWebhooksSchemaMap } from './envelope';
import type { StandardWebhooksOptions } from './options';
import {
  type StandardWebhookMessage,
  signMessage,
  type VerifyStandardWebhookOptions,
  verifyMessage,
} from './sign';

/**
 * The `standardWebhooks` adapter with `v1a` support: `publicKey`/`publicKeys` (`whpk_`) verify
 * ed25519 signatures, and `sign` with a `whsk_` signing key writes them. Otherwise the same as
 * the root entry's (see its documentation).
 *
 * @example
 * const adapter = standardWebhooks({ publicKey: process.env.WEBHOOK_PUBLIC_KEY });
 */
export function standardWebhooks<
  M extends StandardWebhooksSchemaMap = {},
  P extends SchemaPolicy = 'reject',
>(options: StandardWebhooksOptions<M, P>): WebhookAdapter<StandardWebhookEvent<M, P>> {
  return buildStandardWebhooks(options, nobleEd25519);
}

/**
 * The root entry's `signStandardWebhook`, with `whsk_` signing keys (`v1a` entries) as well.
 *
 * @example
 * headers['webhook-signature'] = signStandardWebhook('whsk_...', { id, timestamp, payload });
 */
export function signStandardWebhook(secret: Secret, message: StandardWebhookMessage): string {
  return signMessage(secret, message, nobleEd25519);
}

/**
 * The root entry's `verifyStandardWebhook`, with `whpk_` public keys (`v1a`) as well.
 *
 * @example
 * verifyStandardWebhook('whpk_...', { id, timestamp, payload: rawBody }, signature);
 */
export function verifyStandardWebhook(
  secretOrSecrets: Secret | readonly Secret[],
  message: StandardWebhookMessage,
  signature: string,
  options: VerifyStandardWebhookOptions = {},
): boolean {
  return verifyMessage(secretOrSecrets, message, signature, options, nobleEd25519);
}
