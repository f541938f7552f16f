/**
 * One error family for everything hooklatch throws. Branch on the subclass (`instanceof
 * VerificationError`) or on the closed `code` union; answer the provider with `httpStatus`.
 *
 * Messages are written for operators: they name the header, the limit or the JSON path that
 * failed, and never contain a secret, a signature value or a full payload.
 */

/** Every code a hooklatch error can carry. The union is closed: new codes are a minor release. */
export type HooklatchErrorCode =
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_MALFORMED'
  | 'SIGNATURE_INVALID'
  | 'TIMESTAMP_OUT_OF_TOLERANCE'
  | 'HEADER_MISSING'
  | 'BODY_EMPTY'
  | 'BODY_TOO_LARGE'
  | 'BODY_INCOMPLETE'
  | 'PAYLOAD_MALFORMED'
  | 'PAYLOAD_INVALID'
  | 'PAYLOAD_TOO_DEEP'
  | 'PAYLOAD_SCHEMA_MISMATCH'
  | 'RAW_BODY_REQUIRED'
  | 'METHOD_NOT_ALLOWED'
  | 'STORE_UNAVAILABLE'
  | 'STORE_FULL'
  | 'CONFIG_INVALID';

/**
 * The HTTP status each code answers with. Verification failures are 401 so that a provider shows
 * them as auth problems; RAW_BODY_REQUIRED and CONFIG_INVALID are the receiver's own bug, so they
 * answer 500 and the provider keeps retrying until it is fixed, instead of dropping the event.
 * PAYLOAD_SCHEMA_MISMATCH is 500 for the same reason: the delivery is authentic and well formed,
 * only the receiver's typed schema is behind, and a retry after the fix is deployed succeeds
 * (a 4xx tells some senders to drop the event for good).
 */
export const HTTP_STATUS_BY_CODE: Readonly<Record<HooklatchErrorCode, number>> = Object.freeze({
  SIGNATURE_MISSING: 401,
  SIGNATURE_MALFORMED: 400,
  SIGNATURE_INVALID: 401,
  TIMESTAMP_OUT_OF_TOLERANCE: 401,
  HEADER_MISSING: 400,
  BODY_EMPTY: 400,
  BODY_TOO_LARGE: 413,
  BODY_INCOMPLETE: 400,
  PAYLOAD_MALFORMED: 400,
  PAYLOAD_INVALID: 422,
  PAYLOAD_TOO_DEEP: 400,
  PAYLOAD_SCHEMA_MISMATCH: 500,
  RAW_BODY_REQUIRED: 500,
  METHOD_NOT_ALLOWED: 405,
  STORE_UNAVAILABLE: 503,
  STORE_FULL: 503,
  CONFIG_INVALID: 500,
});

/** Extra, non-secret facts attached to an error (header names, limits, JSON paths...). */
export type HooklatchErrorDetails = Readonly<Record<string, unknown>>;

/** Options accepted by every hooklatch error constructor. */
export interface HooklatchErrorOptions {
  /** Non-secret facts for logs and tooling. */
  details?: HooklatchErrorDetails;
  /** The underlying error, kept for debugging. */
  cause?: unknown;
}

/** Base class of every error hooklatch throws. */
export class HooklatchError extends Error {
  /** Machine-readable reason; a closed union. */
  readonly code: HooklatchErrorCode;
  /** The status to answer the webhook sender with. */
  readonly httpStatus: number;
  /** Non-secret facts about the failure. */
  readonly details: HooklatchErrorDetails;

  constructor(code: HooklatchErrorCode, message: string, options: HooklatchErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.httpStatus = HTTP_STATUS_BY_CODE[code];
    this.details = Object.freeze({ ...(options.details ?? {}) });
  }

  /** A JSON body safe to send back to the webhook sender. */
  toJSON(): { error: { code: HooklatchErrorCode; message: string } } {
    return { error: { code: this.code, message: this.message } };
  }
}

/** Codes of {@link VerificationError}. */
export type VerificationErrorCode =
  | 'SIGNATURE_MISSING'
  | 'SIGNATURE_MALFORMED'
  | 'SIGNATURE_INVALID'
  | 'TIMESTAMP_OUT_OF_TOLERANCE';

/** The delivery could not be proven to come from the provider (signature, auth or timestamp). */
export class VerificationError extends HooklatchError {
  declare readonly code: VerificationErrorCode;
  constructor(code: VerificationErrorCode, message: string, options?: HooklatchErrorOptions) {
    super(code, message, options);
  }
}

/** Codes of {@link PayloadError}. */
export type PayloadErrorCode =
  | 'HEADER_MISSING'
  | 'BODY_EMPTY'
  | 'BODY_TOO_LARGE'
  | 'BODY_INCOMPLETE'
  | 'PAYLOAD_MALFORMED'
  | 'PAYLOAD_INVALID'
  | 'PAYLOAD_TOO_DEEP'
  | 'PAYLOAD_SCHEMA_MISMATCH'
  | 'METHOD_NOT_ALLOWED';

/**
 * The delivery is authentic (or unverifiable) but its shape is wrong, or (PAYLOAD_SCHEMA_MISMATCH,
 * 500) it is well formed but does not fit the typed schema of its event type: the receiver's
 * schema is behind the provider, not the sender at fault.
 */
export class PayloadError extends HooklatchError {
  declare readonly code: PayloadErrorCode;
  constructor(code: PayloadErrorCode, message: string, options?: HooklatchErrorOptions) {
    super(code, message, options);
  }
}

/** Codes of {@link ConfigurationError}. */
export type ConfigurationErrorCode = 'RAW_BODY_REQUIRED' | 'CONFIG_INVALID';

/** The receiver is set up wrong (parsed body, missing secret...). Fix the code, not the request. */
export class ConfigurationError extends HooklatchError {
  declare readonly code: ConfigurationErrorCode;
  constructor(code: ConfigurationErrorCode, message: string, options?: HooklatchErrorOptions) {
    super(code, message, options);
  }
}

/** Codes of {@link StoreUnavailableError}: both are transient, so the provider should retry. */
export type StoreErrorCode = 'STORE_UNAVAILABLE' | 'STORE_FULL';

/**
 * The dedupe store could not decide the claim right now: it could not be reached or answered
 * too late (`STORE_UNAVAILABLE`), or it is full of live records it must not evict
 * (`STORE_FULL`). Answered 503, so the provider retries. Setup mistakes (a missing table or
 * driver) are `ConfigurationError`s instead, so they never look like an outage.
 */
export class StoreUnavailableError extends HooklatchError {
  declare readonly code: StoreErrorCode;
  constructor(message: string, options?: HooklatchErrorOptions & { code?: StoreErrorCode }) {
    super(options?.code ?? 'STORE_UNAVAILABLE', message, options);
  }
}

/**
 * True when `value` is any hooklatch error (works across duplicated package copies too). Never
 * throws: a handler may throw anything, even a revoked Proxy that breaks `instanceof`.
 */
export function isHooklatchError(value: unknown): value is HooklatchError {
  try {
    if (value instanceof HooklatchError) return true;
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { code?: unknown }).code === 'string' &&
      // Own keys only: `in` would also take `constructor` or `toString` for a code.
      Object.hasOwn(HTTP_STATUS_BY_CODE, (value as { code: string }).code) &&
      typeof (value as { httpStatus?: unknown }).httpStatus === 'number'
    );
  } catch {
    return false;
  }
}

/**
 * The status to answer for `error`: the status of its code for a hooklatch error, else 500. Taken
 * from the code, never from the object's own `httpStatus`, so an error object from elsewhere (a
 * store, a handler, a second package copy) can never turn a failure into a 2xx.
 */
export function statusOf(error: unknown): number {
  if (!isHooklatchError(error)) return 500;
  return HTTP_STATUS_BY_CODE[error.code as HooklatchErrorCode] ?? 500;
}
