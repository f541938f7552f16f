/**
 * `event.digest`: what a delivery's body says, as one short string stored with the claim. A
 * later delivery under the same dedupe key with another digest of the same scheme carries a
 * different body (a forged or buggy re-use of an ID), which must not pass silently as a
 * duplicate.
 *
 * Two schemes, named by the text before the first `:`. `sha256:` (this module): JSON bodies
 * hashed as canonical JSON, so a sender re-serializing the same event (other key order, other
 * whitespace) keeps its digest; non-JSON bodies hashed as their bytes. `sha256-body:`
 * (body-digest.ts): the bytes a verifier authenticated, for adapters with
 * `digestOf: 'signed-body'`, whose bodies no one can re-serialize without breaking the
 * signature. Either way the fields the provider legitimately changes between attempts
 * (`adapter.digestExclude`) are left out, so a real retry keeps its digest. Digests of two
 * schemes cannot be compared ({@link digestsDiffer}).
 */
import { canonicalJsonWithin, canonicalJsonWithout } from './canonical-json';
import { sha256Hex } from './crypto/index';
import { exactNumbersOf } from './exact-numbers';
import { DEFAULT_MAX_DEPTH } from './json-depth';

/** What every digest of this module (the canonical scheme) starts with. */
export const DIGEST_PREFIX = 'sha256:';

/**
 * The digest of a parsed JSON body: `sha256:` + hex SHA-256 of its canonical JSON without the
 * `exclude` dot paths (`*` matches any key). Pass the body as parsed, before any schema
 * stripped or converted fields.
 */
export function payloadDigest(body: unknown, exclude: readonly string[] = []): string {
  return DIGEST_PREFIX + sha256Hex(canonicalJsonWithout(body, exclude));
}

/** The digest of a body that is not JSON: `sha256:` + hex SHA-256 of its exact bytes. */
export function rawBodyDigest(rawBody: Uint8Array): string {
  return DIGEST_PREFIX + sha256Hex(rawBody);
}

/**
 * The digest of a delivery whose adapter did not compute one: its body parsed as JSON when it
 * is JSON (within `maxDepth`), else its raw bytes.
 */
export function deliveryDigest(
  rawBody: Uint8Array,
  exclude: readonly string[] = [],
  maxDepth = DEFAULT_MAX_DEPTH,
): string {
  if (rawBody.length === 0) return rawBodyDigest(rawBody);
  let body: unknown;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(rawBody);
    body = JSON.parse(decoded);
  } catch {
    return rawBodyDigest(rawBody);
  }
  // Measured in the same walk that serializes it: a body nested deeper than `maxDepth`
  // (which some runtimes' parsers read, others refuse) is hashed as its bytes either way.
  // A number no double holds is hashed as written (exact-numbers.ts).
  const text = canonicalJsonWithin(exactNumbersOf(decoded) ?? body, exclude, maxDepth);
  return text === null ? rawBodyDigest(rawBody) : DIGEST_PREFIX + sha256Hex(text);
}

/** A digest's scheme: the text before its first `:` (`sha256`, `sha256-body`). */
function schemeOf(digest: string): string {
  const colon = digest.indexOf(':');
  return colon < 0 ? '' : digest.slice(0, colon);
}

/**
 * True when two digests prove two different bodies: both known, unequal, and of one scheme.
 * Digests of two schemes (a record an older version stored, an adapter whose digest changed
 * from canonical JSON to the signed body) say nothing about each other: the key alone decides,
 * so an upgrade never turns a retry into a mismatch.
 */
export function digestsDiffer(
  stored: string | undefined,
  digest: string | undefined,
): stored is string {
  return (
    stored !== undefined &&
    digest !== undefined &&
    stored !== digest &&
    schemeOf(stored) === schemeOf(digest)
  );
}

/** True when `value` can be stored as a claim's digest (printable ASCII, at most 128 chars). */
export function isStorableDigest(value: unknown): value is string {
  return typeof value === 'string' && /^[\x21-\x7e]{1,128}$/.test(value);
}
