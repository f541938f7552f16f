/**
 * The three ways a Qualio-like sender can authenticate, with Qualio's header names as defaults,
 * turned into core kit verifiers. Only these three are offered: they are what the sender's
 * webhook settings let a user configure, and a narrower option catches typos at startup.
 */
import { type ApiKeyOptions, type AuthConfig, type BasicAuthOptions, type DeliveryVerifier, type SecretOptions, verifierFromAuth } from '@hooklatch/core/kit';
import { ConfigurationError } from '@hooklatch/core';

/** The header of the body signature, `sha256=<hex HMAC-SHA256 of the raw body>`. */
export const QUALIO_SIGNATURE_HEADER = 'X-Qualio-Signature';

/** The text before the hex digest in {@link QUALIO_SIGNATURE_HEADER}. */
export const QUALIO_SIGNATURE_PREFIX = 'sha256=';

/** The default header of the API-key scheme (the common convention; configurable). */
export const QUALIO_API_KEY_HEADER = 'X-Api-Key';

/** HMAC-SHA256 of the raw body, hex, behind `sha256=`. Rotate with `secrets: [new, old]`. */
export type QualioHmacAuth = { scheme: 'hmac' } & SecretOptions & {
    /** The signature header. @default 'X-Qualio-Signature' */
    header?: string;
  };

/** A static key in a header. Rotate with `keys: [new, old]`. */
export type QualioApiKeyAuth = { scheme: 'api-key' } & Omit<ApiKeyOptions, 'provider'>;

/** HTTP basic auth. Rotate by listing two `basic` entries in `auth`. */
export type QualioBasicAuth = { scheme: 'basic' } & Omit<BasicAuthOptions, 'provider'>;

/** One authentication scheme of a Qualio webhook. */
export type QualioAuth = QualioHmacAuth | QualioApiKeyAuth | QualioBasicAuth;

function toAuthConfig(provider: string, auth: QualioAuth): AuthConfig {
  switch (auth.scheme) {
    case 'hmac':
      return {
        ...auth,
        header: auth.header ?? QUALIO_SIGNATURE_HEADER,
        prefix: QUALIO_SIGNATURE_PREFIX,
        encoding: 'hex',
      };
    case 'api-key':
      return { ...auth, header: auth.header ?? QUALIO_API_KEY_HEADER };
    case 'basic':
      return auth;
    default:
      throw new ConfigurationError(
        'CONFIG_INVALID',
        `${provider}: unsupported auth scheme "${String((auth as { scheme?: unknown }).scheme)}" ` +
          '(use "hmac", "api-key" or "basic").',
      );
  }
}

/**
 * Build one verifier per configured scheme. Missing secrets, keys or credentials throw
 * CONFIG_INVALID here, at startup; an empty result is left to `createAdapter` to refuse.
 */
export function qualioVerifiers(
  provider: string,
  auth: QualioAuth | readonly QualioAuth[] | undefined,
): DeliveryVerifier[] {
  if (auth === undefined) return [];
  const list: readonly QualioAuth[] = Array.isArray(auth) ? auth : [auth as QualioAuth];
  return list.map((one) => verifierFromAuth(provider, toAuthConfig(provider, one)));
}
