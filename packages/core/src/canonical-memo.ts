/**
 * One canonical text per parsed body. An ID-less adapter hashes the same canonical JSON twice:
 * for `event.digest` and for its fingerprint's payload hash (both leave out the same volatile
 * fields). `createAdapter` serializes the body once, before `parse` runs, and keeps the text
 * here while `parse` runs synchronously, so a fingerprint of that very object with the same
 * exclusions reuses the text and its hash instead of walking the body again. Outside that
 * window (or for any other object or exclusion list) nothing is remembered: a payload changed
 * later is always serialized afresh.
 */
import { canonicalJsonWithout } from './canonical-json';
import { sha256Hex } from './crypto/index';

/** A body's canonical text without `exclude`, and its SHA-256 hex once someone needs it. */
export interface CanonicalBody {
  readonly value: unknown;
  readonly exclude: readonly string[];
  readonly text: string;
  /** The body with its exact numbers (exact-numbers.ts), when it has any. */
  readonly exact?: unknown;
  hash?: string;
}

/**
 * What `json()` parsed while `parse` runs: the canonical body (its text reused by a fingerprint
 * of the same object) or, for a signed-body adapter, the body and its digest.
 */
export interface ParseScope {
  body?: CanonicalBody;
  /** An adapter digesting its signed bytes (`digestOf: 'signed-body'`): the body and digest. */
  signed?: { readonly value: unknown; readonly digest: string };
}

let current: ParseScope | undefined;

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Run `use` with `scope` current (restored afterwards, so nested parses stay apart). */
export function withParseScope<T>(scope: ParseScope, use: () => T): T {
  const previous = current;
  current = scope;
  try {
    return use();
  } finally {
    current = previous;
  }
}

/** The remembered body when it is `value` without `exclude`, else `value` serialized now. */
export function canonicalBody(value: unknown, exclude: readonly string[]): CanonicalBody {
  const known = current?.body;
  if (known !== undefined && known.value === value) {
    if (sameList(known.exclude, exclude)) return known;
    // The same body without other fields: its exact numbers still count.
    const exact = known.exact;
    return { value, exclude, text: canonicalJsonWithout(exact ?? value, exclude), exact };
  }
  return { value, exclude, text: canonicalJsonWithout(value, exclude) };
}

/** The SHA-256 hex of a body's canonical text, computed once. */
export function canonicalHash(body: CanonicalBody): string {
  body.hash ??= sha256Hex(body.text);
  return body.hash;
}
