/**
 * Option checks shared by the three SQL stores, run at construction (or, for per-call values, at
 * the call) so a mistake is a `CONFIG_INVALID` naming the option, never a database error later.
 */
import { ConfigurationError } from '@hooklatch/core';

/** Default of every SQL store's `timeoutMs`. */
export const DEFAULT_TIMEOUT_MS = 5000;

// setTimeout fires at once for delays past 2^31 - 1 ms.
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
const PREFIX = /^[\x21-\x7e]{0,55}$/;
const DIGEST = /^[\x20-\x7e]{1,128}$/;

function invalid(option: string, message: string): ConfigurationError {
  return new ConfigurationError('CONFIG_INVALID', message, { details: { option } });
}

/** The store's key prefix: printable ASCII without spaces, at most 55 characters. */
export function validatePrefix(prefix: unknown = ''): string {
  if (typeof prefix !== 'string' || !PREFIX.test(prefix)) {
    throw invalid(
      'prefix',
      'The store `prefix` must be at most 55 printable ASCII characters without spaces.',
    );
  }
  return prefix;
}

/** `timeoutMs`: a positive number of milliseconds, at most 2^31 - 1. */
export function validateTimeoutMs(timeoutMs: unknown = DEFAULT_TIMEOUT_MS): number {
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || timeoutMs > MAX_TIMEOUT_MS) {
    throw invalid('timeoutMs', 'The store `timeoutMs` must be a number of ms above 0.');
  }
  return Math.ceil(timeoutMs);
}

/** The error for a `complete({ tx })` handle the store cannot run statements on. */
export function invalidTx(expected: string): ConfigurationError {
  return invalid('tx', `complete({ tx }) needs ${expected}.`);
}

/** Reject an option this package renamed, pointing at the new name. */
export function rejectRenamed(options: object, from: string, to: string): void {
  if (from in options) {
    throw invalid(from, `The store option \`${from}\` was renamed \`${to}\`.`);
  }
}

/** A per-call duration (`leaseMs`, `ttlMs`): a positive finite number, rounded up to whole ms. */
export function durationMs(option: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw invalid(option, `\`${option}\` must be a finite number of ms above 0.`);
  }
  return Math.ceil(value);
}

/** A claim's digest: 1 to 128 printable ASCII characters, or absent. */
export function validateDigest(digest: unknown): string | null {
  if (digest === undefined) return null;
  if (typeof digest !== 'string' || !DIGEST.test(digest)) {
    throw invalid('digest', 'A claim `digest` must be 1 to 128 printable ASCII characters.');
  }
  return digest;
}
