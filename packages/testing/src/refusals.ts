/**
 * `refusalsOf`: `expectHooklatchError` bound to one adapter, for a file of bad-input tests.
 * Each test then states only what differs, the delivery and the failure it must end in:
 *
 * ```ts
 * const refuses = refusalsOf(acme({ secret }), { secrets: [secret] });
 * await refuses(unsigned, VerificationError, 'SIGNATURE_MISSING', 401);
 * ```
 */
import type {
  DeliveryInput,
  HooklatchError,
  ParseEventOptions,
  WebhookAdapter,
  WebhookEvent,
} from '@hooklatch/core';
import { parseEvent } from '@hooklatch/core';
import { type ExpectedHooklatchError, expectHooklatchError } from './expect-error';

/** Options of {@link refusalsOf}. */
export interface RefusalOptions {
  /** Values no refusal may show in its message or details (secrets, keys). @default [] */
  secrets?: readonly string[];
  /** Passed to every parseEvent call, e.g. a fixed `receivedAt`. @default {} */
  parseOptions?: ParseEventOptions;
}

/**
 * Asserts that `parseEvent` refuses `input` with an error of `errorClass`, `code` and
 * `httpStatus` that shows none of the secrets, and returns the error.
 */
export type Refuses = (
  input: DeliveryInput,
  errorClass: NonNullable<ExpectedHooklatchError['class']>,
  code: ExpectedHooklatchError['code'],
  httpStatus: number,
) => Promise<HooklatchError>;

/** {@link Refuses} for `adapter`: every check runs `parseEvent(adapter, input, parseOptions)`. */
export function refusalsOf(
  adapter: WebhookAdapter<WebhookEvent>,
  options: RefusalOptions = {},
): Refuses {
  const secrets = options.secrets ?? [];
  return (input, errorClass, code, httpStatus) =>
    expectHooklatchError(parseEvent(adapter, input, options.parseOptions ?? {}), {
      class: errorClass,
      code,
      httpStatus,
      secrets,
    });
}
