/**
 * Construction-time checks of the options the core helpers do not cover: the public keys and
 * the schema map. Each failure is CONFIG_INVALID naming the option, never a key's value.
 */
import { optionInvalid } from '@hooklatch/core/kit';
import type { EventSchemas } from './envelope';
import type { StandardWebhooksOptions } from './options';

function isKey(value: unknown): boolean {
  return typeof value === 'string' || value instanceof Uint8Array;
}

/**
 * `secret` / `publicKey` are a string or bytes; `secrets` / `publicKeys` arrays of them (a lone
 * string would otherwise be read as a list of its characters).
 */
export function checkKeyOptions(
  options: StandardWebhooksOptions<EventSchemas>,
  name: string,
): void {
  for (const [one, many, prefix] of [
    ['secret', 'secrets', 'whsec_'],
    ['publicKey', 'publicKeys', 'whpk_'],
  ] as const) {
    if (options[one] !== undefined && !isKey(options[one])) {
      throw optionInvalid(name, one, `must be a ${prefix} string or a Uint8Array`);
    }
    const list: unknown = options[many];
    if (list !== undefined && !(Array.isArray(list) && list.every(isKey))) {
      throw optionInvalid(name, many, `must be an array of ${prefix} strings or Uint8Arrays`);
    }
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
