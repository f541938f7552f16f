/**
 * Construction-time checks of the options the kit does not cover: the public keys, the schema
 * map and `verify`. Each failure is CONFIG_INVALID naming the option, never a key's value.
 * (`secret`/`secrets` are checked by the kit's secret source, under the same names.)
 */
import { configuredInOrder, optionInvalid } from '@hooklatch/core/kit';
import type { StandardWebhooksSchemaMap } from './envelope';
import type { StandardWebhooksOptions } from './options';

type KeyOptions = Pick<
  StandardWebhooksOptions<StandardWebhooksSchemaMap>,
  'secret' | 'secrets' | 'publicKey' | 'publicKeys'
>;

function isKey(value: unknown): boolean {
  return typeof value === 'string' || value instanceof Uint8Array;
}

/** An absent key, or an empty one (an unset environment variable): no key, not a bad one. */
function isBlank(value: unknown): boolean {
  return value === undefined || (isKey(value) && (value as string | Uint8Array).length === 0);
}

/**
 * `publicKey` is a string or bytes, `publicKeys` an array of them (a lone string would
 * otherwise be read as a list of its characters). Returns the configured keys, blanks at the end
 * dropped; a blank before a set key is CONFIG_INVALID (it would shift every later `keyIndex`).
 */
export function publicKeyList(options: KeyOptions, name: string): Array<string | Uint8Array> {
  if (options.publicKey !== undefined && !isKey(options.publicKey)) {
    throw optionInvalid(name, 'publicKey', 'must be a whpk_ string or a Uint8Array');
  }
  const many: unknown = options.publicKeys;
  if (many !== undefined && !(Array.isArray(many) && many.every(isKey))) {
    throw optionInvalid(name, 'publicKeys', 'must be an array of whpk_ strings or Uint8Arrays');
  }
  return configuredInOrder<string | Uint8Array>(
    name,
    ['publicKey', 'publicKeys'],
    options.publicKey,
    options.publicKeys,
  );
}

/**
 * Whether `secret`/`secrets` configure anything: a resolver, or a value that is not blank. A
 * value of the wrong type counts, so the kit's check reports it by name.
 */
export function configuresSecrets(options: KeyOptions): boolean {
  const { secret, secrets } = options;
  if (!isBlank(secret)) return true;
  if (secrets === undefined) return false;
  return !Array.isArray(secrets) || !secrets.every(isBlank);
}

/** `verify` is `false` or absent, and `false` is not combined with keys. */
export function checkVerifyOption(
  options: StandardWebhooksOptions<StandardWebhooksSchemaMap>,
  name: string,
) {
  if (options.verify === undefined) return;
  if (options.verify !== false) throw optionInvalid(name, 'verify', 'can only be `false`');
  const keys = [options.secret, options.secrets, options.publicKey, options.publicKeys];
  if (keys.some((key) => key !== undefined)) {
    throw optionInvalid(name, 'verify', '`false` cannot be combined with secrets or public keys');
  }
}

/** `events` is an object whose every value is a zod schema (something with `safeParse`). */
export function checkEventSchemas(events: unknown, name: string): StandardWebhooksSchemaMap {
  if (events === undefined) return {};
  const valid =
    events !== null &&
    typeof events === 'object' &&
    !Array.isArray(events) &&
    Object.values(events).every(
      (schema) => typeof (schema as { safeParse?: unknown } | null)?.safeParse === 'function',
    );
  if (!valid) throw optionInvalid(name, 'events', 'must map event types to zod schemas');
  return events as StandardWebhooksSchemaMap;
}
