/**
 * The three ways a Qualio-like sender can authenticate, with Qualio's header names as defaults.
 * The entry shape is the kit's `AdapterAuth`, shared with every adapter that offers several
 * schemes (Creatio's too) and with their test builders. Only these three are offered: they are
 * what the sender's webhook settings let a user configure, and a narrower option catches typos
 * at startup.
 */
import {
  type AdapterAuth,
  type AdapterAuthSpec,
  authVerifier,
  type ResolvedVerifier,
} from '@hooklatch/core/kit';

/** The header of the body signature, `sha256=<hex HMAC-SHA256 of the raw body>`. */
export const QUALIO_SIGNATURE_HEADER = 'X-Qualio-Signature';

/** The text before the hex digest in {@link QUALIO_SIGNATURE_HEADER}. */
export const QUALIO_SIGNATURE_PREFIX = 'sha256=';

/** The default header of the API-key scheme (the common convention; configurable). */
export const QUALIO_API_KEY_HEADER = 'X-Api-Key';

/** HMAC-SHA256 of the raw body, hex, behind `sha256=`. Rotate with `secrets: [new, old]`. */
export type QualioHmacAuth = AdapterAuth<'hmac'>;

/** A static key in a header. Rotate with `keys: [new, old]`. */
export type QualioApiKeyAuth = AdapterAuth<'api-key'>;

/** HTTP basic auth. Rotate by listing two `basic` entries in `auth`. */
export type QualioBasicAuth = AdapterAuth<'basic'>;

/** One authentication scheme of a Qualio webhook. */
export type QualioAuth = AdapterAuth<'hmac' | 'api-key' | 'basic'>;

/** The schemes Qualio offers and its header names. */
export const QUALIO_AUTH: AdapterAuthSpec = {
  schemes: ['hmac', 'api-key', 'basic'],
  defaults: {
    hmac: { header: QUALIO_SIGNATURE_HEADER, prefix: QUALIO_SIGNATURE_PREFIX, encoding: 'hex' },
    'api-key': { header: QUALIO_API_KEY_HEADER },
  },
};

/**
 * The verifier of the adapter's `auth` / `verify` options (any configured scheme passing).
 * Missing secrets, keys or credentials, or neither option, throw CONFIG_INVALID at startup.
 */
export function qualioVerifier(
  provider: string,
  options: { auth?: QualioAuth | readonly QualioAuth[] | undefined; verify?: false | undefined },
): ResolvedVerifier {
  return authVerifier(provider, options, QUALIO_AUTH);
}
