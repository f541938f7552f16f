/**
 * Shared-credential schemes: HTTP basic auth, bearer tokens and API-key headers. Weaker than a
 * body signature (the credential travels with every request and does not cover the body), but
 * it is what many business systems can send. Comparisons hash both sides first, so they take
 * the same time whatever the lengths and wherever the first difference is.
 */
import { fromBase64, fromUtf8, sha256, timingSafeEqual, toBase64, utf8 } from '../crypto/index';
import { ConfigurationError, VerificationError } from '../errors';
import type { RawDelivery } from '../event';
import { requireHeader } from '../verify';
import { optionInvalid, stringOption } from './options';
import { configuredInOrder } from './secrets';
import { type ResolvedVerifier, type SignRequest, signedVerifier } from './verifier';

/** Constant-time equality of two secrets of any length. */
export function secretEquals(received: string, expected: string): boolean {
  return timingSafeEqual(sha256(received), sha256(expected));
}

/** Index of the entry of `accepted` equal to `received`, or -1; every entry is compared. */
function matchIndex(received: string, accepted: readonly string[]): number {
  let match = -1;
  accepted.forEach((candidate, index) => {
    if (secretEquals(received, candidate) && match === -1) match = index;
  });
  return match;
}

/** The credential `sign` sends: the override, else the configured one at `keyIndex`. */
function credentialAt(provider: string, list: readonly string[], request: SignRequest): string {
  if (request.secret !== undefined) {
    return typeof request.secret === 'string' ? request.secret : fromUtf8(request.secret);
  }
  const value = list[request.keyIndex];
  if (value === undefined) {
    throw optionInvalid(provider, 'keyIndex', `there is no credential number ${request.keyIndex}`);
  }
  return value;
}

function credentialList(
  provider: string,
  what: string,
  names: readonly [string, string],
  one: string | undefined,
  many: readonly string[] | undefined,
): string[] {
  // Checked by name, never by value; a lone string in the list option would spread into chars.
  if (one !== undefined && typeof one !== 'string') {
    throw optionInvalid(provider, names[0], 'must be a string');
  }
  if (many !== undefined && !(Array.isArray(many) && many.every((v) => typeof v === 'string'))) {
    throw optionInvalid(provider, names[1], 'must be an array of strings');
  }
  const list = configuredInOrder(provider, names, one, many);
  if (list.length === 0) {
    throw new ConfigurationError('CONFIG_INVALID', `${provider}: no ${what} configured.`, {
      details: { option: names[0] },
    });
  }
  return list;
}

function rejected(provider: string, header: string, what: string): VerificationError {
  return new VerificationError(
    'SIGNATURE_INVALID',
    `${provider}: the ${what} in the ${header} header is not one of the configured ones.`,
    { details: { header } },
  );
}

/** Read `Authorization: <scheme> <value>`; a missing header or another scheme is rejected. */
function authorizationValue(headers: Readonly<Record<string, string>>, scheme: string): string {
  const value = requireHeader(headers, 'Authorization', 'SIGNATURE_MISSING').trim();
  const space = value.indexOf(' ');
  if (space <= 0 || value.slice(0, space).toLowerCase() !== scheme.toLowerCase()) {
    throw new VerificationError(
      'SIGNATURE_MALFORMED',
      `The Authorization header does not use the ${scheme} scheme.`,
      { details: { header: 'Authorization' } },
    );
  }
  return value.slice(space + 1).trim();
}

/** Options of {@link basicAuthVerifier}. */
export interface BasicAuthOptions {
  /** Provider name used in error messages. */
  provider: string;
  /** The expected user name. */
  username: string;
  /** The expected password. */
  password: string;
}

/** Verify `Authorization: Basic base64(username:password)`. */
export function basicAuthVerifier(options: BasicAuthOptions): ResolvedVerifier {
  // The option named is the first one missing, so the fix is obvious from `details` alone.
  const blank = (value: unknown) => typeof value !== 'string' || value === '';
  const missing = blank(options.username) ? 'username' : blank(options.password) ? 'password' : '';
  if (missing !== '') {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `${options.provider}: basic auth needs a non-empty username and password.`,
      { details: { option: missing } },
    );
  }
  const verify = (delivery: RawDelivery) => {
    const decoded = fromBase64(authorizationValue(delivery.headers, 'Basic'));
    const text = decoded === null ? '' : fromUtf8(decoded);
    const colon = text.indexOf(':');
    if (colon < 0) {
      throw new VerificationError(
        'SIGNATURE_MALFORMED',
        'The Basic credentials are not base64 of "user:password".',
        { details: { header: 'Authorization' } },
      );
    }
    // Both halves are always compared, so a right user name is not distinguishable by timing.
    const userOk = secretEquals(text.slice(0, colon), options.username);
    const passwordOk = secretEquals(text.slice(colon + 1), options.password);
    if (!(userOk && passwordOk)) throw rejected(options.provider, 'Authorization', 'credential');
    return { keyIndex: 0, scheme: 'basic' };
  };
  // `secret` in a sign request stands for the password (a forged or rotated credential).
  return signedVerifier(verify, (request) => ({
    authorization: `Basic ${toBase64(utf8(`${options.username}:${credentialAt(options.provider, [options.password], request)}`))}`,
  }));
}

/** Options of {@link bearerTokenVerifier}. */
export interface BearerTokenOptions {
  /** Provider name used in error messages. */
  provider: string;
  /** The expected token. Use `tokens` during a rotation. */
  token?: string;
  /** Every currently valid token; any of them is accepted. @default [] */
  tokens?: readonly string[];
}

/** Verify `Authorization: Bearer <token>` against one or more tokens. */
export function bearerTokenVerifier(options: BearerTokenOptions): ResolvedVerifier {
  const tokens = credentialList(
    options.provider,
    'bearer token',
    ['token', 'tokens'],
    options.token,
    options.tokens,
  );
  return signedVerifier(
    (delivery) => {
      const keyIndex = matchIndex(authorizationValue(delivery.headers, 'Bearer'), tokens);
      if (keyIndex === -1) throw rejected(options.provider, 'Authorization', 'token');
      return { keyIndex, scheme: 'bearer' };
    },
    (request) => ({
      authorization: `Bearer ${credentialAt(options.provider, tokens, request)}`,
    }),
  );
}

/** Options of {@link apiKeyVerifier}. */
export interface ApiKeyOptions {
  /** Provider name used in error messages. */
  provider: string;
  /** The header carrying the key. @default 'X-Api-Key' */
  header?: string;
  /** The expected key. Use `keys` during a rotation. */
  key?: string;
  /** Every currently valid key; any of them is accepted. @default [] */
  keys?: readonly string[];
}

/** Verify a static API key sent in a header. */
export function apiKeyVerifier(options: ApiKeyOptions): ResolvedVerifier {
  const keys = credentialList(
    options.provider,
    'API key',
    ['key', 'keys'],
    options.key,
    options.keys,
  );
  const header = stringOption(options.provider, 'header', options.header, 'X-Api-Key');
  return signedVerifier(
    (delivery) => {
      const value = requireHeader(delivery.headers, header, 'SIGNATURE_MISSING').trim();
      const keyIndex = matchIndex(value, keys);
      if (keyIndex === -1) throw rejected(options.provider, header, 'key');
      return { keyIndex, scheme: 'api-key' };
    },
    (request) => ({ [header.toLowerCase()]: credentialAt(options.provider, keys, request) }),
  );
}
