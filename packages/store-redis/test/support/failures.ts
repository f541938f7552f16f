/** Helpers for the error tests: catch a rejection, and match a setup error by its driver code. */
import { expect } from 'vitest';

/** The error `promise` rejects with; fails the test when it resolves. */
export async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error,
  );
}

/** Matches a CONFIG_INVALID error carrying Redis's (or the store's) code in `details`. */
export const setupError = (driverCode: string) =>
  expect.objectContaining({
    code: 'CONFIG_INVALID',
    httpStatus: 500,
    details: expect.objectContaining({ driverCode }),
  });
