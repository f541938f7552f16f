/**
 * Argument checks for store calls: a NaN, zero or negative `leaseMs` would make every
 * concurrent copy look like a takeover of an ended lease, so durations are refused with
 * CONFIG_INVALID naming the argument before they reach a backend. Messages never quote the
 * value (the option checks of `kit/options` follow the same rule).
 */
import { checkOptionsObject, durationOption, optionInvalid } from '../kit/options';
import type { ClaimOptions } from './types';

const DIGEST = /^[\x20-\x7e]{1,128}$/;

/** Throw CONFIG_INVALID unless `value` is a finite number of milliseconds above zero. */
export function checkDuration(store: string, name: string, value: unknown): void {
  // `undefined` is not a default here: a missing duration is as wrong as NaN.
  durationOption(store, name, value ?? Number.NaN, 0);
}

/** Check the options of a `claim` call (`leaseMs`, `ttlMs`, `digest`). */
export function checkClaimOptions(store: string, options: ClaimOptions): void {
  checkOptionsObject(store, options);
  checkDuration(store, 'leaseMs', options.leaseMs);
  checkDuration(store, 'ttlMs', options.ttlMs);
  const { digest } = options;
  if (digest !== undefined && (typeof digest !== 'string' || !DIGEST.test(digest))) {
    throw optionInvalid(store, 'digest', 'must be 1 to 128 printable ASCII characters');
  }
}
