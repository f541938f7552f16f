/**
 * Construction-time checks of the options the core helpers do not cover: the public keys and
 * the schema map. Each failure is CONFIG_INVALID naming the option, never a key's value.
 */
import { optionInvalid } from '@hooklatch/core';
import type { EventSchemas } from './envelope';
import type { StandardWebhooksOptions } from './options';

function isKey(value: unknown): boolean {
  return typeof value === 'string' || value instanceof Uint8Array;
}

/** `publicKey` is a string or bytes; `publicKeys` an array of them (not a lone string). */
export function checkPublicKeyOptions(
  options: StandardWebhooksOptions<EventSchemas>,
  name: string,
): void {
  if (options.publicKey !== undefined && !isKey(options.publicKey)) {
    throw optionInvalid(name, 'publicKey', 'must be a whpk_ string or a Uint8Array');
  }
  const list: unknown = options.publicKeys;
  if (list !== undefined && !(Array.isArray(list) && list.every(isKey))) {
    throw optionInvalid(name, 'publicKeys', 'must be an array of whpk_ strings or Uint8Arrays');
  }
}

/** `events` is an object whose every value is a zod schema (something with `safeParse`). */
export function checkEventSchemas(events: unknown, name: string): EventSchemas {
  if (events === undefined) return {};
  const valid =
    events !== null &&
    typeof events === 'object' &&
    !Array.isArray(events) &&
    Object.values(events).every(
      (schema) => typeof (schema as { safeParse?: unknown } | null)?.safeParse === 'function',
    );
  if (!valid) throw optionInvalid(name, 'events', 'must map event types to zod schemas');
  return events as EventSchemas;
}
