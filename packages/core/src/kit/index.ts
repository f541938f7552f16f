/**
 * The custom-adapter kit: verifiers for the common webhook auth schemes, JSON field readers with
 * typed errors, ID selection with the fingerprint fallback, and `createAdapter` to tie them up.
 *
 * @module
 */
export type { AuthConfig, AuthScheme } from './auth-config';
export { verifierFromAuth } from './auth-config';
export type { CreateAdapterOptions } from './create-adapter';
export { createAdapter } from './create-adapter';
export type { ApiKeyOptions, BasicAuthOptions, BearerTokenOptions } from './credential-auth';
export {
  apiKeyVerifier,
  basicAuthVerifier,
  bearerTokenVerifier,
  secretEquals,
} from './credential-auth';
export type { ResolvedEventId, ResolveEventIdOptions } from './event-id';
export { idFromHeader, idFromPath, resolveEventId } from './event-id';
export type { HmacHeaderOptions, SignatureEncoding } from './hmac-header';
export { decodeSignature, encodeSignature, hmacHeaderVerifier } from './hmac-header';
export type { IsoTimestampOptions, JsonObject } from './json-fields';
export {
  optionalString,
  parseIsoTimestamp,
  readJsonObject,
  requireString,
  valueAtPath,
} from './json-fields';
export type { TimestampedHmacOptions } from './timestamped-hmac';
export { timestampedContent, timestampedHmacVerifier } from './timestamped-hmac';
export type { DeliveryVerifier, VerificationChoice } from './verifier';
export { anyVerifier, resolveVerifier } from './verifier';
