/**
 * Option checks shared by every adapter, so that a wrong option fails the same way everywhere:
 * CONFIG_INVALID at construction, naming the option (never its value, which may be a secret),
 * instead of a silent misbehavior on the first delivery (a NaN tolerance that disables the
 * timestamp check, a string where a list was meant...).
 */
import { ConfigurationError } from '../errors';
import { DEFAULT_MAX_DEPTH } from '../json-depth';

/** CONFIG_INVALID for one option: `<provider>: \`<option>\` <expectation>.` */
export function optionInvalid(provider: string, option: string, expectation: string) {
  return new ConfigurationError('CONFIG_INVALID', `${provider}: \`${option}\` ${expectation}.`, {
    details: { option },
  });
}

/** Throw CONFIG_INVALID unless the adapter was given an options object. */
export function checkOptionsObject(provider: string, options: unknown): void {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `${provider}: expected an options object, got ${options === null ? 'null' : typeof options}.`,
      { details: { option: 'options' } },
    );
  }
}

/** A number passing `valid`, or `fallback` when `undefined`; CONFIG_INVALID otherwise. */
function numberOption(
  check: { valid: (n: number) => boolean; expectation: string },
  provider: string,
  option: string,
  value: unknown,
  fallback: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !check.valid(value)) {
    throw optionInvalid(provider, option, check.expectation);
  }
  return value;
}

const POSITIVE_INTEGER = {
  valid: (n: number) => Number.isSafeInteger(n) && n > 0,
  expectation: 'must be a positive integer',
};
const DURATION = {
  valid: (n: number) => Number.isFinite(n) && n > 0,
  expectation: 'must be a positive, finite number of milliseconds',
};
// 0 and Infinity both mean "no check", as `checkTimestamp` reads them; NaN means nothing.
const TOLERANCE = {
  valid: (n: number) => n >= 0,
  expectation: 'must be a number of seconds, 0 or more',
};

/** A positive safe integer, or `fallback` when `undefined`. */
export const positiveIntegerOption = numberOption.bind(null, POSITIVE_INTEGER);

/** A duration in ms: a finite number above 0, or `fallback` when `undefined`. */
export const durationOption = numberOption.bind(null, DURATION);

/** A timestamp tolerance in seconds: 0 or more (0 and Infinity disable the check). */
export const toleranceOption = numberOption.bind(null, TOLERANCE);

/** A boolean, or `fallback` when `undefined`. */
export function booleanOption(
  provider: string,
  option: string,
  value: unknown,
  fallback: boolean,
): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw optionInvalid(provider, option, 'must be true or false');
  return value;
}

/** One of `choices` (quoted in the error), or `fallback` when `undefined`. */
export function oneOfOption<T extends string>(
  provider: string,
  option: string,
  value: unknown,
  choices: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if (!choices.includes(value as T)) {
    throw optionInvalid(provider, option, `must be ${choices.map((c) => `'${c}'`).join(' or ')}`);
  }
  return value as T;
}

/** A string with a non-space character, or `fallback` when `undefined`. */
export function stringOption<T extends string | undefined>(
  provider: string,
  option: string,
  value: unknown,
  fallback: T,
): string | T {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || value.trim() === '') {
    throw optionInvalid(provider, option, 'must be a non-empty string');
  }
  return value;
}

/**
 * A list of dot paths (`meta.sentAt`, `items.*.etag`): an array of strings whose segments are
 * all non-empty. A lone string is refused rather than read as a list of its characters.
 */
export function pathListOption(
  provider: string,
  option: string,
  value: unknown,
  fallback: readonly string[],
): readonly string[] {
  if (value === undefined) return fallback;
  const valid =
    Array.isArray(value) &&
    value.every((p) => typeof p === 'string' && p.split('.').every((segment) => segment !== ''));
  if (!valid) {
    throw optionInvalid(provider, option, 'must be an array of dot paths such as "meta.sentAt"');
  }
  return Object.freeze([...(value as string[])]);
}

/**
 * The `maxDepth` option every adapter takes: how deep JSON bodies may nest before they are
 * refused with PAYLOAD_TOO_DEEP (400). A positive integer.
 */
export function maxDepthOption(provider: string, value: unknown): number {
  return positiveIntegerOption(provider, 'maxDepth', value, DEFAULT_MAX_DEPTH);
}

/** The option every adapter shares for hostile bodies. */
export interface JsonLimitOptions {
  /**
   * Deepest nesting of arrays/objects accepted in a JSON body; deeper bodies are refused with
   * PAYLOAD_TOO_DEEP (400) before any schema, fingerprint or handler sees them. A positive
   * integer.
   * @default 128
   */
  maxDepth?: number | undefined;
}
