/**
 * Argument checks shared by the stores: a NaN, zero or negative `leaseMs` would make every
 * concurrent copy look like a takeover of an ended lease, so durations are refused with
 * CONFIG_INVALID naming the option before they reach a backend.
 */
import { ConfigurationError } from '../errors';
import type { ClaimOptions } from './types';

/** Throw CONFIG_INVALID unless `value` is a finite number of milliseconds above zero. */
export function checkDuration(store: string, name: string, value: unknown): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `${store}: ${name} must be a finite number of milliseconds above 0.`,
      { details: { option: name, received: describe(value) } },
    );
  }
}

/** Check the options of a `claim` call (`leaseMs`, `ttlMs`, `digest`). */
export function checkClaimOptions(store: string, options: ClaimOptions): void {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError('CONFIG_INVALID', `${store}: claim needs { leaseMs, ttlMs }.`, {
      details: { option: 'options', received: describe(options) },
    });
  }
  checkDuration(store, 'leaseMs', options.leaseMs);
  checkDuration(store, 'ttlMs', options.ttlMs);
  const { digest } = options;
  if (
    digest !== undefined &&
    (typeof digest !== 'string' || !/^[\x20-\x7e]{1,128}$/.test(digest))
  ) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `${store}: digest must be 1 to 128 printable ASCII characters.`,
      { details: { option: 'digest', received: describe(digest) } },
    );
  }
}

/** A safe description of a bad value: its type, or the number itself (never a string's text). */
export function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (typeof value === 'string') return `string of length ${value.length}`;
  return typeof value;
}
