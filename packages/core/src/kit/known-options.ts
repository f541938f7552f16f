/**
 * Refusing option keys an adapter does not know. A mistyped option (`toleranceSecond`,
 * `{ now }` for `{ receivedAt }`) would otherwise be ignored without a word and its default
 * used instead, which is the silent misbehavior the option checks exist to prevent.
 */
import { ConfigurationError } from '../errors';

/**
 * Every key of an options type, each set to `true`. Typed as a record over the type's keys, so
 * a key added to the type but not listed here (or listed but not in the type) fails to compile,
 * and the runtime list can never drift from the documented one.
 */
export type OptionKeys<T> = { readonly [K in keyof T]-?: true };

/**
 * Throw CONFIG_INVALID for the first own enumerable string key of `options` that `allowed`
 * does not list, naming it (as `<at>.<key>` when `at` is given) in the message and
 * `details.option`. Only a camelCase word of bounded length is quoted: anything else (a pasted
 * secret used as a key, a megabyte of text) is refused without being echoed, under `at` (or
 * `options`). A known key set to `undefined` is fine, as everywhere else; an unknown one is
 * refused whatever its value, since a typo stays a typo. Not an object: nothing to check
 * (`checkOptionsObject` owns that refusal).
 */
export function knownOptions(
  provider: string,
  options: unknown,
  allowed: Readonly<Record<string, true>>,
  at?: string,
): void {
  if (options === null || typeof options !== 'object') return;
  for (const key of Object.keys(options)) {
    if (Object.hasOwn(allowed, key)) continue;
    // Option names are camelCase words: only such a key is quoted. A secret pasted where a key
    // belongs (`shpss_...`, `ghp_...`, any with digits or `_`) is refused without being echoed.
    const quoted = /^[a-z][A-Za-z]{0,39}$/.test(key);
    const option = !quoted ? (at ?? 'options') : at === undefined ? key : `${at}.${key}`;
    const named = quoted ? ` "${option}"` : at === undefined ? '' : ` in \`${at}\``;
    throw new ConfigurationError('CONFIG_INVALID', `${provider}: unknown option${named}.`, {
      details: { option },
    });
  }
}
