/**
 * The auth schemes a Creatio sender can use. Creatio's web-service element sends basic auth or a
 * bearer token; an HMAC of the body needs a script task or a gateway in front, but it is the only
 * scheme that also proves the body was not changed. Verification itself is core's kit.
 */
import { type AuthConfig, type DeliveryVerifier, resolveVerifier, verifierFromAuth } from '@hooklatch/core/kit';
import { DEFAULT_SIGNATURE_HEADER } from './options';

/** `Authorization: Basic base64(username:password)`. List one entry per valid pair to rotate. */
export type CreatioBasicAuth = Extract<AuthConfig, { scheme: 'basic' }>;

/** `Authorization: Bearer <token>`; `tokens` lists every valid token during a rotation. */
export type CreatioBearerAuth = Extract<AuthConfig, { scheme: 'bearer' }>;

/**
 * HMAC-SHA256 of the raw body in a header (hex unless `encoding`, after an optional `prefix`);
 * `secrets` lists every valid secret during a rotation.
 */
export type CreatioHmacAuth = Omit<Extract<AuthConfig, { scheme: 'hmac' }>, 'header'> & {
  /** The signature header. @default 'X-Creatio-Signature' */
  header?: string;
};

/** One accepted way for a Creatio sender to authenticate. */
export type CreatioAuth = CreatioBasicAuth | CreatioBearerAuth | CreatioHmacAuth;

function toAuthConfig(auth: CreatioAuth): AuthConfig {
  if (auth.scheme === 'hmac') return { ...auth, header: auth.header ?? DEFAULT_SIGNATURE_HEADER };
  return auth;
}

/**
 * One verifier for the adapter's `auth` / `verify` options. Throws CONFIG_INVALID (never naming a
 * secret) when neither is given, when both are, or when an entry lacks its credentials.
 */
export function creatioVerifier(
  name: string,
  auth: CreatioAuth | readonly CreatioAuth[] | undefined,
  verify: false | undefined,
): DeliveryVerifier {
  const list: readonly CreatioAuth[] =
    auth === undefined ? [] : Array.isArray(auth) ? auth : [auth as CreatioAuth];
  const verifiers = list.map((entry) => verifierFromAuth(name, toAuthConfig(entry)));
  return resolveVerifier(name, { verifier: verifiers, verify });
}
