/**
 * The verifier contract of the custom-adapter kit, and the one place that decides whether an
 * adapter verifies at all: a missing auth config is a construction error, never a silent skip.
 */
import { ConfigurationError } from '../errors';
import type { RawDelivery } from '../event';
import { optionInvalid } from './options';

/**
 * Proves one delivery authentic or throws a `VerificationError`. Verifiers run on the raw
 * delivery, before the body is parsed.
 */
export type DeliveryVerifier = (delivery: RawDelivery) => void;

/** A verifier that accepts everything; only reachable through an explicit `verify: false`. */
const UNVERIFIED: DeliveryVerifier = () => {};

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

/**
 * Turn an adapter's auth choice into one verifier. Throws CONFIG_INVALID when there is neither
 * a verifier nor `verify: false`, and when both are given (a contradiction the user must fix).
 */
export function resolveVerifier(provider: string, choice: VerificationChoice): DeliveryVerifier {
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
      );
    }
    return UNVERIFIED;
  }
  if (list.length === 0) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `${provider}: no verification configured. Pass an auth config, or \`verify: false\` to ` +
        'accept unauthenticated deliveries on purpose.',
    );
  }
  if (!list.every((verify) => typeof verify === 'function')) {
    throw optionInvalid(provider, 'verify', 'must be a verifier function or an array of them');
  }
  if (list.length === 1) return list[0] as DeliveryVerifier;
  return anyVerifier(list);
}

/**
 * A verifier that passes when any of `verifiers` passes (e.g. during a move from basic auth to
 * HMAC). When all fail, the first one's error is thrown, so the answer stays deterministic.
 * An empty list is CONFIG_INVALID.
 */
export function anyVerifier(verifiers: readonly DeliveryVerifier[]): DeliveryVerifier {
  // With no verifiers the loop below would end by throwing `undefined`: refuse up front.
  if (verifiers.length === 0) {
    throw new ConfigurationError('CONFIG_INVALID', 'anyVerifier needs at least one verifier.');
  }
  return (delivery) => {
    let firstError: unknown;
    for (const verify of verifiers) {
      try {
        verify(delivery);
        return;
      } catch (error) {
        firstError ??= error;
      }
    }
    throw firstError;
  };
}
