/**
 * The floors of the parse benchmarks: for each adapter, the least code that returns the very
 * event `parseEvent` returns (the bench checks the two are deep-equal), written the direct way
 * with node:crypto: HMAC and a timing-safe compare, `JSON.parse`, the adapter's own zod schema
 * once (through zod's compiled parser, as hooklatch's Node build runs it), the normalized object
 * and its digest: `sha256-body:` + SHA-256 of the signed bytes (Stripe's minus its
 * `pending_webhooks` value) where the adapter digests its signed body, else `sha256:` + SHA-256
 * of the canonical JSON (Qualio). What a floor leaves out (option checks, the nesting limit, header normalization, typed errors) is what
 * hooklatch must fit into the ratio target.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { type $ZodType, compile, parse } from 'zod/v4/core';

/** A received delivery as a Node server holds it: lower-case headers, the body as a Buffer. */
export interface FloorDelivery {
  headers: Record<string, string>;
  body: Buffer;
}

const compiled = new WeakMap<$ZodType, $ZodType>();

/**
 * `schema.parse(data)` with zod's compiled parser of the schema (made once): the fastest way
 * zod offers to run a schema, which the Node build of hooklatch uses too.
 */
export function floorValidate<T = unknown>(schema: $ZodType, data: unknown): T {
  let run = compiled.get(schema);
  if (run === undefined) {
    run = compile(schema);
    compiled.set(schema, run);
  }
  return parse(run, data) as T;
}

/** How a floor validates: {@link floorValidate}, or the schema's own `parse` (portable floor). */
export type FloorValidate = <T = unknown>(schema: $ZodType, data: unknown) => T;

/** The canonical JSON of a parsed body (sorted keys, no whitespace), top-level `skip` left out. */
export function floorCanonical(value: unknown, skip?: ReadonlySet<string>): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += floorCanonical(value[i]);
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    if (skip?.has(key)) continue;
    if (!first) out += ',';
    first = false;
    out += `${JSON.stringify(key)}:${floorCanonical(record[key])}`;
  }
  return `${out}}`;
}

/** The hashing a floor uses: node:crypto, or @noble/hashes for the portable build's floor. */
export interface FloorCrypto {
  /** SHA-256 hex of a string (UTF-8). */
  sha256Hex(text: string): string;
  /** SHA-256 hex of byte strings one after the other. */
  sha256HexParts(parts: readonly Uint8Array[]): string;
  /** HMAC-SHA256 of the parts under `key`, compared in constant time with `received`. */
  hmacMatches(
    key: Uint8Array,
    parts: readonly (string | Uint8Array)[],
    received: Uint8Array,
  ): boolean;
}

/** node:crypto, as a Node handler would write it. */
export const nodeFloorCrypto: FloorCrypto = {
  sha256Hex: (text) => createHash('sha256').update(text).digest('hex'),
  sha256HexParts(parts) {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part);
    return hash.digest('hex');
  },
  hmacMatches(key, parts, received) {
    const hmac = createHmac('sha256', key);
    for (const part of parts) hmac.update(part);
    const expected = hmac.digest();
    return received.length === expected.length && timingSafeEqual(expected, received);
  },
};

/** SHA-256 hex of a string with node:crypto. */
export const floorSha256 = nodeFloorCrypto.sha256Hex;

/**
 * The signed-body digest: `sha256-body:` + SHA-256 of the body, with the value of the top-level
 * number member `cut` left out, found the direct way (its last `"cut":`, then its digits).
 */
export function floorBodyDigest(
  body: Buffer,
  crypto: FloorCrypto = nodeFloorCrypto,
  cut?: string,
): string {
  if (cut === undefined) return `sha256-body:${crypto.sha256HexParts([body])}`;
  const needle = `"${cut}":`;
  const start = body.lastIndexOf(needle) + needle.length;
  let end = start;
  while (end < body.length && (body[end] as number) >= 0x30 && (body[end] as number) <= 0x39) end++;
  return `sha256-body:${crypto.sha256HexParts([body.subarray(0, start), body.subarray(end)])}`;
}

/** HMAC-SHA256 of the parts with node:crypto, compared in constant time. */
export const floorHmacMatches = nodeFloorCrypto.hmacMatches;

/** Throws like a handler would on a refused delivery (the bench never sends one). */
export function refuse(why: string): never {
  throw new Error(`floor: ${why}`);
}

/** A signed timestamp within 300 s of `receivedAt`, or a refusal. */
export function floorFresh(seconds: number, receivedAt: Date): void {
  if (!(Math.abs(receivedAt.getTime() / 1000 - seconds) <= 300)) refuse('stale timestamp');
}
