/**
 * Argument checks shared by every adapter's plain `sign<Name>` / `verify<Name>` pair (the
 * octokit shape): the payload must be the raw body, and a secret may be one or a list.
 */
import { ConfigurationError } from '../errors';
import { resolveSecrets, type Secret } from './secrets';

/**
 * The raw body's bytes. A parsed object can never verify (its re-serialization differs from
 * what was signed), so it is refused outright with RAW_BODY_REQUIRED.
 */
export function rawPayloadBytes(caller: string, payload: unknown): Uint8Array {
  if (typeof payload === 'string') return new TextEncoder().encode(payload);
  if (payload instanceof Uint8Array) return payload;
  throw new ConfigurationError(
    'RAW_BODY_REQUIRED',
    `${caller}: the payload must be the raw body (a string or a Uint8Array), not a parsed object.`,
  );
}

/** One secret or a list (newest first), checked like `secret` / `secrets` options. */
export function secretList(caller: string, secretOrSecrets: unknown): Secret[] {
  return resolveSecrets(
    (Array.isArray(secretOrSecrets)
      ? { secrets: secretOrSecrets }
      : { secret: secretOrSecrets }) as { secret?: Secret },
    caller,
  );
}
