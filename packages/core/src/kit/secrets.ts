/**
 * Where a verifier's secrets come from: a fixed list (`secret`, then `secrets` while rotating),
 * or a resolver called per delivery (a tenant picked by path or header, a Stripe Connect
 * endpoint with two secrets). Checked once, when the adapter is made.
 */

import { ConfigurationError, VerificationError } from '../errors';
import type { RawDelivery } from '../event';

/** A signing secret: text (as the provider shows it) or raw key bytes. */
export type Secret = string | Uint8Array;

/**
 * A resolver's answer for one tenant of a shared endpoint: its secrets, and the tenant's name,
 * which namespaces the dedupe key (`standard-webhooks@acme:msg_1`). Event IDs are unique per
 * sender, not across senders: without it two tenants' `msg_1` are one key, and the second
 * tenant's event is answered as a duplicate (or a mismatch) and never handled. The name is
 * bound by the signature: only that tenant's secrets verify a delivery answered with it.
 */
export interface TenantSecrets {
  /** 1-64 characters of `A-Z a-z 0-9 . _ -`: part of every dedupe key of the tenant. */
  readonly tenant: string;
  readonly secrets: Secret | readonly Secret[];
}

/** What a resolver may answer: secrets, a tenant's secrets, or nothing (not authentic). */
export type ResolvedSecrets = Secret | readonly Secret[] | TenantSecrets | undefined;

/**
 * Picks the secrets for one delivery, sync or async. Return them newest first; the index of the
 * one that matched becomes `event.meta.keyIndex`. Returning none rejects the delivery with
 * SIGNATURE_INVALID (an unknown tenant is not authentic); throwing propagates as is. An endpoint
 * shared by several senders returns `{ tenant, secrets }`, so that their IDs cannot collide.
 */
export type SecretResolver = (delivery: RawDelivery) => ResolvedSecrets | Promise<ResolvedSecrets>;

/** A delivery's secrets, with the tenant a resolver named. */
export type DeliverySecrets = readonly Secret[] & { readonly tenant?: string };

/** A tenant name: what can follow `name@` in a dedupe key and never contain its `:`. */
export const TENANT_NAME = /^[A-Za-z0-9._-]{1,64}$/;

/** `secret` / `secrets` as accepted by every signing adapter and verifier. */
export interface SecretOptions {
  /** The signing secret. Use `secrets` during a rotation. */
  secret?: Secret | undefined;
  /**
   * Every currently valid secret, newest first (any of them verifies), or a resolver that picks
   * them per delivery. A resolver cannot be combined with `secret`.
   */
  secrets?: readonly Secret[] | SecretResolver | undefined;
}

/** The checked secrets of one verifier. */
export interface SecretSource {
  /** The secrets for one delivery: the fixed list, or the resolver's checked answer. */
  forDelivery(delivery: RawDelivery): DeliverySecrets | Promise<DeliverySecrets>;
  /**
   * The secret `sign` uses: `override` when given, else the fixed list's `keyIndex`-th.
   * CONFIG_INVALID when the secrets come from a resolver and no override was passed.
   */
  forSigning(keyIndex: number, override?: Secret): Secret;
}

function isSecret(value: unknown): value is Secret {
  return typeof value === 'string' || value instanceof Uint8Array;
}

function invalid(provider: string, option: string, message: string): ConfigurationError {
  return new ConfigurationError('CONFIG_INVALID', `${provider}: ${message}`, {
    details: { option },
  });
}

/**
 * `list` (the single option first, then the list option) without its empty entries at the end
 * (an unset environment variable for a secret being added or retired). An empty entry before a
 * set one is CONFIG_INVALID naming its place: dropping it would shift the position of every
 * secret after it, and `event.meta.keyIndex` is that position ("once it stays 0, retire the
 * old one" would retire the only secret in use).
 */
export function configuredInOrder<T extends { length: number }>(
  provider: string,
  names: readonly [single: string, list: string],
  single: T | undefined,
  list: readonly T[] | undefined,
): T[] {
  // A hole in a sparse array (`[, secret]`) counts as empty, like an unset variable.
  const all: Array<T | undefined> = [...(single === undefined ? [] : [single]), ...(list ?? [])];
  const blank = (value: T | undefined) => value === undefined || value.length === 0;
  let end = all.length;
  while (end > 0 && blank(all[end - 1])) end--;
  const empty = all.findIndex((value, index) => index < end && blank(value));
  if (empty !== -1) {
    const position = single === undefined ? empty : empty - 1;
    const option = position === -1 ? names[0] : `${names[1]}[${position}]`;
    throw invalid(
      provider,
      option,
      `\`${option}\` is empty (an unset environment variable?) while a later one is set: ` +
        'remove it or set it, so that keyIndex stays the position you configured.',
    );
  }
  return all.slice(0, end) as T[];
}

/**
 * The fixed list of `options`, or CONFIG_INVALID. Trailing empty strings (an unset environment
 * variable) are dropped, an empty one before a set one is refused (see `configuredInOrder`); a
 * value that is not a string or bytes, or a `secrets` that is not an array (a lone string would
 * be read as its characters), is refused by name, never by value.
 */
export function resolveSecrets(options: SecretOptions, provider: string): Secret[] {
  if (options === null || typeof options !== 'object') {
    throw invalid(provider, 'options', 'expected an options object.');
  }
  if (options.secret !== undefined && !isSecret(options.secret)) {
    throw invalid(provider, 'secret', '`secret` must be a string or a Uint8Array.');
  }
  const many = options.secrets;
  if (many !== undefined && !(Array.isArray(many) && many.every(isSecret))) {
    throw invalid(
      provider,
      'secrets',
      '`secrets` must be an array of strings or Uint8Arrays, or a resolver function.',
    );
  }
  const list = configuredInOrder<Secret>(
    provider,
    ['secret', 'secrets'],
    options.secret,
    many as readonly Secret[] | undefined,
  );
  if (list.length === 0) {
    throw invalid(provider, 'secret', 'no signing secret configured (pass `secret` or `secrets`).');
  }
  return list;
}

/** `{ tenant, secrets }`: the tenant checked, the secrets as a plain answer. */
function tenantOf(provider: string, answer: unknown): [string | undefined, unknown] {
  if (answer === null || typeof answer !== 'object' || Array.isArray(answer) || isSecret(answer)) {
    return [undefined, answer];
  }
  const { tenant, secrets } = answer as Partial<TenantSecrets>;
  if (typeof tenant !== 'string' || !TENANT_NAME.test(tenant)) {
    throw invalid(provider, 'secrets', 'the `secrets` resolver answered an invalid `tenant`.');
  }
  return [tenant, secrets];
}

function checkedAnswer(provider: string, resolved: unknown): DeliverySecrets {
  const [tenant, answer] = tenantOf(provider, resolved);
  const list = answer === undefined ? [] : isSecret(answer) ? [answer] : answer;
  if (!Array.isArray(list) || !list.every(isSecret)) {
    // The resolver is the application's code: a wrong type is its bug, not the sender's.
    throw invalid(provider, 'secrets', 'the `secrets` resolver must return secrets.');
  }
  // The same rule as a fixed list: an empty entry before a set one would shift keyIndex.
  const usable = configuredInOrder<Secret>(provider, ['secrets', 'secrets'], undefined, list);
  if (usable.length === 0) {
    throw new VerificationError(
      'SIGNATURE_INVALID',
      `${provider}: no secret is configured for this delivery.`,
      { details: { reason: 'no_secret' } },
    );
  }
  return tenant === undefined ? usable : Object.assign(usable, { tenant });
}

/** Check `secret` / `secrets` once and return where a verifier gets them per delivery. */
export function secretSource(options: SecretOptions, provider: string): SecretSource {
  const resolver = typeof options?.secrets === 'function' ? options.secrets : undefined;
  if (resolver === undefined) {
    const list = resolveSecrets(options, provider);
    return {
      forDelivery: () => list,
      forSigning: (keyIndex, override) => {
        if (override !== undefined) return override;
        const secret = list[keyIndex];
        if (secret === undefined) {
          throw invalid(
            provider,
            'keyIndex',
            `there is no secret number ${keyIndex} to sign with.`,
          );
        }
        return secret;
      },
    };
  }
  if (options.secret !== undefined) {
    throw invalid(provider, 'secret', '`secret` cannot be combined with a `secrets` resolver.');
  }
  return {
    forDelivery: (delivery) => {
      const answer = resolver(delivery);
      return isThenable(answer)
        ? Promise.resolve(answer).then((value) => checkedAnswer(provider, value))
        : checkedAnswer(provider, answer);
    },
    forSigning: (_keyIndex, override) => {
      if (override === undefined) {
        throw invalid(provider, 'secret', 'pass `secret` to sign when `secrets` is a resolver.');
      }
      return override;
    },
  };
}

/**
 * Run `use` (a verification) on a delivery's secrets, synchronously when they are known
 * synchronously. The tenant a resolver named goes into what `use` answered, when one of those
 * secrets verified it (`bySecret`: a verifier that also holds keys of its own, such as fixed
 * public keys, says which matched): the name is bound by that tenant's secret alone.
 */
export function withSecrets<T extends object>(
  source: SecretSource,
  delivery: RawDelivery,
  use: (secrets: readonly Secret[]) => T,
  bySecret: (found: T) => boolean = () => true,
): T | Promise<T> {
  const run = (secrets: DeliverySecrets): T => {
    const found = use(secrets);
    const { tenant } = secrets;
    return tenant === undefined || !bySecret(found) ? found : { ...found, tenant };
  };
  const secrets = source.forDelivery(delivery);
  return isThenable(secrets) ? Promise.resolve(secrets).then(run) : run(secrets);
}

/** A promise or any thenable (resolvers may return either). */
export function isThenable<T>(value: unknown): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}
