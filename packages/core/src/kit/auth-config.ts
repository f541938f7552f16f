/**
 * One tagged union for "how does this provider authenticate", so adapters can offer several
 * schemes behind a single `auth` option and build the verifier with one call.
 */
import { ConfigurationError } from '../errors';
import {
  type ApiKeyOptions,
  apiKeyVerifier,
  type BasicAuthOptions,
  type BearerTokenOptions,
  basicAuthVerifier,
  bearerTokenVerifier,
} from './credential-auth';
import { type HmacHeaderOptions, hmacHeaderVerifier } from './hmac-header';
import { type TimestampedHmacOptions, timestampedHmacVerifier } from './timestamped-hmac';
import type { ResolvedVerifier } from './verifier';

/** An auth scheme and its settings (the provider name is supplied by the adapter). */
export type AuthConfig =
  | ({ scheme: 'hmac' } & Omit<HmacHeaderOptions, 'provider'>)
  | ({ scheme: 'timestamped-hmac' } & Omit<TimestampedHmacOptions, 'provider'>)
  | ({ scheme: 'basic' } & Omit<BasicAuthOptions, 'provider'>)
  | ({ scheme: 'bearer' } & Omit<BearerTokenOptions, 'provider'>)
  | ({ scheme: 'api-key' } & Omit<ApiKeyOptions, 'provider'>);

/** The `scheme` names of {@link AuthConfig}. */
export type AuthScheme = AuthConfig['scheme'];

/** Build the verifier for one auth config; an unknown scheme is CONFIG_INVALID. */
export function verifierFromAuth(provider: string, auth: AuthConfig): ResolvedVerifier {
  if (auth === null || typeof auth !== 'object') {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `${provider}: each \`auth\` entry must be an object with a \`scheme\`.`,
      { details: { option: 'auth' } },
    );
  }
  switch (auth.scheme) {
    case 'hmac':
      return hmacHeaderVerifier({ ...auth, provider });
    case 'timestamped-hmac':
      return timestampedHmacVerifier({ ...auth, provider });
    case 'basic':
      return basicAuthVerifier({ ...auth, provider });
    case 'bearer':
      return bearerTokenVerifier({ ...auth, provider });
    case 'api-key':
      return apiKeyVerifier({ ...auth, provider });
    default:
      throw new ConfigurationError(
        'CONFIG_INVALID',
        `${provider}: unknown auth scheme "${String((auth as { scheme?: unknown }).scheme)}".`,
        { details: { option: 'auth' } },
      );
  }
}
