/**
 * `expectHooklatchError`: the assertion every bad-input test needs. It checks the error class,
 * code and HTTP status together, and that no secret reached the message or the details, which
 * end up in logs and in the answer to the sender.
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
  /** Values that must not appear in the message or the details (secrets, keys, signatures). */
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
  for (const [index, secret] of secrets.entries()) {
    // Name the secret by position only: printing it would leak it into the test log.
    if (secret !== '' && visible.includes(secret)) {
      throw mismatch(`${error.code} leaks secret #${index} in its message or details`);
    }
  }
  return error;
}
