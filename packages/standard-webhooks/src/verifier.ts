/**
 * The adapter's verifier pair. Verification reads the signed parts first (no key needed), then
 * checks them against the configured keys: fixed ones decoded once, a resolver's per delivery.
 * `sign` writes `webhook-id`, `webhook-timestamp` and `webhook-signature` as a sender does.
 */
import { ConfigurationError } from '@hooklatch/core';
import {
  type ResolvedVerifier,
  resolveSecrets,
  type SecretSource,
  type SignRequest,
  secretSource,
  sha256Hex,
  signedVerifier,
  withSecrets,
} from '@hooklatch/core/kit';
import { configuresSecrets, publicKeyList } from './check-options';
import type { Ed25519Scheme } from './ed25519-scheme';
import { headerFamily } from './headers';
import { decodePublicKeys, decodeSecrets, keyOption } from './keys';
import type { StandardWebhooksOptions } from './options';
import { type SigningKey, signatureEntry, signingKeyOf, timestampSeconds } from './sign';
import {
  readSignedParts,
  signedContent,
  type VerificationKeys,
  verifySignedParts,
} from './verify-signature';

/** The key `sign` uses: the override, else the `keyIndex`-th secret. */
function keyForSigning(
  request: SignRequest,
  source: SecretSource | undefined,
  name: string,
): SigningKey {
  // With HMAC secrets, an override is one too (unless `whsk_`); with public keys only, it can
  // only be the sender's ed25519 signing key.
  if (request.secret !== undefined)
    return signingKeyOf(request.secret, source ? 'v1' : 'v1a', name);
  if (source === undefined) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `${name}: the adapter holds public keys only; pass \`secret\` (the sender's whsk_ signing ` +
        'key) to sign.',
      { details: { option: 'secret' } },
    );
  }
  const secret = source.forSigning(request.keyIndex);
  return { version: 'v1', key: decodeSecrets([secret], name)[0] as Uint8Array };
}

/**
 * The verifier of `options`' secrets and public keys (CONFIG_INVALID when there are none, or
 * one does not decode). `keyIndex` is the position of the matching key in its own list.
 */
export function standardWebhooksVerifier(
  options: StandardWebhooksOptions,
  name: string,
  toleranceSeconds: number,
  ed: Ed25519Scheme | undefined,
): ResolvedVerifier {
  const publicKeys = decodePublicKeys(
    publicKeyList(options, name),
    name,
    ed,
    keyOption('publicKey', 'publicKeys', options.publicKey !== undefined),
  );
  const source = configuresSecrets(options) ? secretSource(options, name) : undefined;
  if (source === undefined && publicKeys.length === 0) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `${name}: no key configured (pass \`secret\`/\`secrets\` for v1 or \`publicKey\`/\`publicKeys\` for v1a).`,
      { details: { option: 'secret' } },
    );
  }
  const fixed: VerificationKeys | undefined =
    typeof options.secrets === 'function'
      ? undefined
      : {
          secrets: source
            ? decodeSecrets(
                resolveSecrets(options, name),
                name,
                keyOption('secret', 'secrets', options.secret !== undefined),
              )
            : [],
          publicKeys,
          ed25519: ed,
        };

  return signedVerifier(
    (delivery) => {
      const parts = readSignedParts(delivery.headers, delivery.receivedAt, toleranceSeconds);
      if (fixed !== undefined) return verifySignedParts(parts, delivery.rawBody, fixed, name);
      return withSecrets(
        source as SecretSource,
        delivery,
        (list) =>
          verifySignedParts(
            parts,
            delivery.rawBody,
            { secrets: decodeSecrets(list, name), publicKeys, ed25519: ed },
            name,
          ),
        // A fixed public key (v1a) proves no tenant: only the tenant's own secret names it.
        (found) => found.scheme === 'v1',
      );
    },
    (request) => {
      const family = headerFamily(request.headers);
      // Without an ID header, the body names the message: signing it again is a retry.
      const id = request.headers[`${family}-id`] ?? `msg_${sha256Hex(request.body).slice(0, 24)}`;
      const timestamp = timestampSeconds(request.timestamp, name);
      const entry = signatureEntry(
        keyForSigning(request, source, name),
        signedContent(id, timestamp, request.body),
        ed,
        name,
      );
      return {
        [`${family}-id`]: id,
        [`${family}-timestamp`]: timestamp,
        [`${family}-signature`]: entry,
      };
    },
  );
}
