/**
 * The verifier contract of the kit, and the one place that decides whether an adapter verifies
 * at all: a missing auth config is a construction error, never a silent skip.
 */
import { ConfigurationError } from '../errors';
import type { RawDelivery } from '../event';
import { optionInvalid } from './options';
import { isThenable, type Secret } from './secrets';

/** What a passing verification found. The same names mean the same in every adapter. */
export interface Verification {
  /**
   * Index of the secret or key that matched, in the order the options list them (`secret`
   * first, then `secrets`; a resolver's answer in its order). Copied to `event.meta.keyIndex`.
   */
  readonly keyIndex?: number;
  /** The time the sender signed, when the scheme signs one. Copied to `event.meta.signedAt`. */
  readonly signedAt?: Date;
  /** The auth scheme that matched, when an adapter accepts several (`hmac`, `basic`...). */
  readonly scheme?: string;
  /**
   * The tenant a `secrets` resolver named with the secrets that verified (`{ tenant, secrets }`).
   * Copied to `event.meta.tenant`, and it namespaces the dedupe key (`name@tenant:id`).
   */
  readonly tenant?: string;
}

/** What a verifier's `sign` gets: the delivery to authenticate, as the provider would send it. */
export interface SignRequest {
  /** The body bytes to sign. */
  readonly body: Uint8Array;
  /** The delivery's other headers (lower-case names), for schemes that sign one of them. */
  readonly headers: Readonly<Record<string, string>>;
  /** The signing time, for schemes that sign a timestamp. */
  readonly timestamp: Date;
  /** Which configured secret or key to use. */
  readonly keyIndex: number;
  /** A secret to use instead of the configured ones (required with a `secrets` resolver). */
  readonly secret?: Secret | undefined;
}

/**
 * Proves one delivery authentic or throws a `VerificationError`, and says what it found.
 * Verifiers run on the raw delivery, before the body is parsed. A verifier whose secrets come
 * from an async resolver returns a promise; the others answer synchronously.
 */
export interface DeliveryVerifier {
  // `void`: a hand-written verifier that only throws still fits.
  // biome-ignore lint/suspicious/noConfusingVoidType: a verifier may return nothing.
  (delivery: RawDelivery): Verification | void | Promise<Verification | void>;
  /**
   * The other half of the pair: the auth headers (lower-case names) this verifier accepts for
   * `request`. Every kit verifier has one; it is what `adapter.sign` and test builders use.
   */
  readonly sign?: ((request: SignRequest) => Record<string, string>) | undefined;
}

/** The verifier of an adapter, normalized: always answers a {@link Verification}. */
export interface ResolvedVerifier {
  (delivery: RawDelivery): Verification | Promise<Verification>;
  readonly sign?: ((request: SignRequest) => Record<string, string>) | undefined;
}

/** Attach `sign` to a verify function: the pair every kit scheme returns. */
export function signedVerifier(
  verify: (delivery: RawDelivery) => Verification | Promise<Verification>,
  sign: (request: SignRequest) => Record<string, string>,
): ResolvedVerifier {
  return Object.assign(verify, { sign });
}

const NOTHING: Verification = Object.freeze({});

/** Accepts everything; only reachable through an explicit `verify: false`. */
const UNVERIFIED: ResolvedVerifier = Object.assign(() => NOTHING, {
  sign: () => ({}),
});

/** What an adapter's options say about verification. */
export interface VerificationChoice {
  /** The configured verifier(s); several are tried in order and any one passing is enough. */
  verifier?: DeliveryVerifier | readonly DeliveryVerifier[] | undefined;
  /**
   * `false` to accept unauthenticated deliveries on purpose (a private network, a test). Any
   * other value but `undefined` is CONFIG_INVALID; there is no silent no-verify default.
   */
  verify?: false | undefined;
}

function normalized(verify: DeliveryVerifier): ResolvedVerifier {
  const answer = (value: Verification | undefined): Verification =>
    value === undefined || value === null ? NOTHING : value;
  return Object.assign(
    (delivery: RawDelivery) => {
      const result = verify(delivery);
      return isThenable<Verification | undefined>(result)
        ? Promise.resolve(result).then(answer)
        : answer(result as Verification | undefined);
    },
    { sign: verify.sign },
  );
}

/**
 * Turn an adapter's auth choice into one verifier. Throws CONFIG_INVALID when there is neither
 * a verifier nor `verify: false`, and when both are given (a contradiction the user must fix).
 */
export function resolveVerifier(provider: string, choice: VerificationChoice): ResolvedVerifier {
  if (choice.verify !== undefined && choice.verify !== false) {
    throw optionInvalid(provider, 'verify', 'can only be `false` (or left out)');
  }
  const list =
    choice.verifier === undefined
      ? []
      : Array.isArray(choice.verifier)
        ? [...(choice.verifier as readonly DeliveryVerifier[])]
        : [choice.verifier as DeliveryVerifier];
  if (choice.verify === false) {
    if (list.length > 0) {
      throw new ConfigurationError(
        'CONFIG_INVALID',
        `${provider}: \`verify: false\` was passed together with an auth config; remove one of them.`,
        { details: { option: 'verify' } },
      );
    }
    return UNVERIFIED;
  }
  if (list.length === 0) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `${provider}: no verification configured. Pass an auth config, or \`verify: false\` to ` +
        'accept unauthenticated deliveries on purpose.',
      { details: { option: 'verify' } },
    );
  }
  if (!list.every((verify) => typeof verify === 'function')) {
    throw optionInvalid(provider, 'verify', 'must be a verifier function or an array of them');
  }
  return list.length === 1 ? normalized(list[0] as DeliveryVerifier) : anyVerifier(list);
}

/**
 * A verifier that passes when any of `verifiers` passes (e.g. during a move from basic auth to
 * HMAC), tried in order. When all fail, the first one's error is thrown, so the answer stays
 * deterministic. It signs with the first verifier that can sign. An empty list is CONFIG_INVALID.
 */
export function anyVerifier(verifiers: readonly DeliveryVerifier[]): ResolvedVerifier {
  // With no verifiers the loop below would end by throwing `undefined`: refuse up front.
  if (verifiers.length === 0) {
    // Named as the adapter option a verifier list is given to, like resolveVerifier's refusal.
    throw new ConfigurationError('CONFIG_INVALID', 'anyVerifier needs at least one verifier.', {
      details: { option: 'verify' },
    });
  }
  const list = verifiers.map(normalized);
  const tryFrom = (
    delivery: RawDelivery,
    start: number,
    firstError: unknown,
  ): Verification | Promise<Verification> => {
    let first = firstError;
    for (let i = start; i < list.length; i++) {
      try {
        const result = (list[i] as ResolvedVerifier)(delivery);
        if (!isThenable<Verification>(result)) return result;
        // An async verifier: wait for it, then go on with the rest the same way.
        return Promise.resolve(result).catch((error: unknown) =>
          tryFrom(delivery, i + 1, first ?? error),
        );
      } catch (error) {
        first ??= error;
      }
    }
    throw first;
  };
  const signer = list.find((verify) => verify.sign !== undefined)?.sign;
  return Object.assign((delivery: RawDelivery) => tryFrom(delivery, 0, undefined), {
    sign: signer,
  });
}
