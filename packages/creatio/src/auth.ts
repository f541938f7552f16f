/**
 * The auth schemes a Creatio sender can use. Creatio's web-service element sends basic auth or a
 * bearer token; an HMAC of the body needs a script task or a gateway in front, but it is the only
 * scheme that also proves the body was not changed. The entry shape is the kit's `AdapterAuth`,
 * shared with every adapter that offers several schemes (Qualio's too) and their test builders.
 */
import {
  type AdapterAuth,
  type AdapterAuthSpec,
  authVerifier,
  type ResolvedVerifier,
} from '@hooklatch/core/kit';
import { CREATIO_SIGNATURE_HEADER } from './options';

/** `Authorization: Basic base64(username:password)`. List one entry per valid pair to rotate. */
export type CreatioBasicAuth = AdapterAuth<'basic'>;

/** `Authorization: Bearer <token>`; `tokens` lists every valid token during a rotation. */
export type CreatioBearerAuth = AdapterAuth<'bearer'>;

/**
 * HMAC-SHA256 of the raw body in a header (hex unless `encoding`, after an optional `prefix`);
 * `secrets` lists every valid secret during a rotation. The header defaults to
 * `X-Creatio-Signature`.
 */
export type CreatioHmacAuth = AdapterAuth<'hmac'>;

/** One accepted way for a Creatio sender to authenticate. */
export type CreatioAuth = AdapterAuth<'basic' | 'bearer' | 'hmac'>;

/** The schemes a Creatio sender can use and the default header names. */
export const CREATIO_AUTH: AdapterAuthSpec = {
  schemes: ['basic', 'bearer', 'hmac'],
  defaults: { hmac: { header: CREATIO_SIGNATURE_HEADER } },
};

/**
 * One verifier for the adapter's `auth` / `verify` options. Throws CONFIG_INVALID (never naming a
 * secret) when neither is given, when both are, or when an entry lacks its credentials.
 */
export function creatioVerifier(
  name: string,
  options: { auth?: CreatioAuth | readonly CreatioAuth[] | undefined; verify?: false | undefined },
): ResolvedVerifier {
  return authVerifier(name, options, CREATIO_AUTH);
}
