/**
 * `expectHooklatchError`: the assertion every bad-input test needs. It checks the error class,
 * code and HTTP status together, and that no secret reached the message, the details or the
 * `cause` chain, which end up in logs and in the answer to the sender.
 */
import { HooklatchError } from '@hooklatch/core';

/** What the failure must look like. */
export interface ExpectedHooklatchError {
  /** The error code, e.g. `SIGNATURE_INVALID`. */
  code: HooklatchError['code'];
  /** The HTTP status. @default the status hooklatch maps `code` to */
  httpStatus?: number;
  /** A subclass the error must be an instance of, e.g. `VerificationError`. @default HooklatchError */
  class?: abstract new (
    ...args: never[]
  ) => HooklatchError;
  /**
   * Values that must not appear in the message, the details or the `cause` chain (each cause's
   * string form, message and details): secrets, keys, signatures.
   */
  secrets?: readonly string[];
}

function mismatch(what: string): Error {
  return new Error(`expectHooklatchError: ${what}`);
}

/**
 * `text` with every non-empty secret replaced by `<secret #i>`: a failure message quotes the
 * error it got, and must not print the very values the assertion protects into the test log.
 * Longest first, so a secret that starts with another is never left half printed.
 */
export function redacted(text: string, secrets: readonly string[]): string {
  const order = [...secrets.keys()].sort(
    (a, b) => (secrets[b] as string).length - (secrets[a] as string).length,
  );
  let out = text;
  for (const index of order) {
    const secret = secrets[index] as string;
    if (secret !== '') out = out.split(secret).join(`<secret #${index}>`);
  }
  return out;
}

/**
 * Run `action` (a function, sync or async, or a promise) and assert it fails with a hooklatch
 * error as described. Returns the error for further assertions. Throws a plain `Error` saying
 * what differed, so it works under any test runner.
 *
 * @example
 * await expectHooklatchError(parseEvent(adapter, forged), {
 *   code: 'SIGNATURE_INVALID', httpStatus: 401, secrets: [secret],
 * });
 */
export async function expectHooklatchError(
  action: (() => unknown) | Promise<unknown>,
  expected: ExpectedHooklatchError,
): Promise<HooklatchError> {
  let error: unknown;
  let threw = false;
  try {
    await (typeof action === 'function' ? action() : action);
  } catch (caught) {
    error = caught;
    threw = true;
  }
  if (!threw) throw mismatch(`expected ${expected.code}, but nothing was thrown`);
  const secrets = expected.secrets ?? [];
  if (!(error instanceof HooklatchError)) {
    const shown = redacted(String(error), secrets);
    throw mismatch(`expected ${expected.code}, got a non-hooklatch error: ${shown}`);
  }
  const wanted = expected.class ?? HooklatchError;
  const got = `${error.name} (${error.code})`;
  if (!(error instanceof wanted)) throw mismatch(`expected a ${wanted.name}, got a ${got}`);
  if (error.code !== expected.code) {
    const shown = redacted(error.message, secrets);
    throw mismatch(`expected code ${expected.code}, got ${error.code}: ${shown}`);
  }
  if (expected.httpStatus !== undefined && error.httpStatus !== expected.httpStatus) {
    throw mismatch(`expected HTTP ${expected.httpStatus}, got ${error.httpStatus} (${error.code})`);
  }
  const visible = `${error.message}\n${JSON.stringify(error.details)}`;
  const causes = causeText(error);
  for (const [index, secret] of secrets.entries()) {
    // Name the secret by position only: printing it would leak it into the test log.
    if (secret === '') continue;
    if (visible.includes(secret)) {
      throw mismatch(`${error.code} leaks secret #${index} in its message or details`);
    }
    if (causes.includes(secret)) {
      throw mismatch(`${error.code} leaks secret #${index} in its cause chain`);
    }
  }
  return error;
}

/** JSON text of `value`, or '' when it has none (a cycle, a BigInt). */
function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? '';
  } catch {
    return '';
  }
}

/**
 * What a logger prints of the error's `cause` chain (`util.inspect` and most loggers follow
 * it): each cause as a string, its message and its details. At most 32 levels, cycles once.
 */
function causeText(error: Error): string {
  const parts: string[] = [];
  const seen = new Set<unknown>([error]);
  let cause: unknown = error.cause;
  for (let depth = 0; depth < 32 && cause !== undefined && !seen.has(cause); depth++) {
    seen.add(cause);
    try {
      parts.push(String(cause));
    } catch {
      // A cause without a string form (a null-prototype object) prints nothing of its own.
    }
    if (cause !== null && typeof cause === 'object') {
      const { message, details } = cause as { message?: unknown; details?: unknown };
      if (typeof message === 'string') parts.push(message);
      if (details !== undefined) parts.push(jsonText(details));
      cause = (cause as { cause?: unknown }).cause;
    } else {
      cause = undefined;
    }
  }
  return parts.join('\n');
}
