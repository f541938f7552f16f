import { describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  errorReply,
  errorResponse,
  HooklatchError,
  type HooklatchErrorCode,
  HTTP_STATUS_BY_CODE,
  isHooklatchError,
  PayloadError,
  StoreUnavailableError,
  statusOf,
  VerificationError,
} from '../src/index';

const cases: Array<[HooklatchErrorCode, () => HooklatchError, number, Function]> = [
  [
    'SIGNATURE_MISSING',
    () => new VerificationError('SIGNATURE_MISSING', 'm'),
    401,
    VerificationError,
  ],
  [
    'SIGNATURE_MALFORMED',
    () => new VerificationError('SIGNATURE_MALFORMED', 'm'),
    400,
    VerificationError,
  ],
  [
    'SIGNATURE_INVALID',
    () => new VerificationError('SIGNATURE_INVALID', 'm'),
    401,
    VerificationError,
  ],
  [
    'TIMESTAMP_OUT_OF_TOLERANCE',
    () => new VerificationError('TIMESTAMP_OUT_OF_TOLERANCE', 'm'),
    401,
    VerificationError,
  ],
  ['HEADER_MISSING', () => new PayloadError('HEADER_MISSING', 'm'), 400, PayloadError],
  ['BODY_EMPTY', () => new PayloadError('BODY_EMPTY', 'm'), 400, PayloadError],
  ['BODY_INCOMPLETE', () => new PayloadError('BODY_INCOMPLETE', 'm'), 400, PayloadError],
  ['BODY_TOO_LARGE', () => new PayloadError('BODY_TOO_LARGE', 'm'), 413, PayloadError],
  ['PAYLOAD_MALFORMED', () => new PayloadError('PAYLOAD_MALFORMED', 'm'), 400, PayloadError],
  ['PAYLOAD_INVALID', () => new PayloadError('PAYLOAD_INVALID', 'm'), 422, PayloadError],
  ['PAYLOAD_TOO_DEEP', () => new PayloadError('PAYLOAD_TOO_DEEP', 'm'), 400, PayloadError],
  // Authentic and well formed, only the receiver's schema is behind: 500, so it is retried.
  [
    'PAYLOAD_SCHEMA_MISMATCH',
    () => new PayloadError('PAYLOAD_SCHEMA_MISMATCH', 'm'),
    500,
    PayloadError,
  ],
  ['METHOD_NOT_ALLOWED', () => new PayloadError('METHOD_NOT_ALLOWED', 'm'), 405, PayloadError],
  [
    'RAW_BODY_REQUIRED',
    () => new ConfigurationError('RAW_BODY_REQUIRED', 'm'),
    500,
    ConfigurationError,
  ],
  ['CONFIG_INVALID', () => new ConfigurationError('CONFIG_INVALID', 'm'), 500, ConfigurationError],
  ['STORE_UNAVAILABLE', () => new StoreUnavailableError('m'), 503, StoreUnavailableError],
  [
    'STORE_FULL',
    () => new StoreUnavailableError('m', { code: 'STORE_FULL' }),
    503,
    StoreUnavailableError,
  ],
];

describe('HooklatchError family', () => {
  it('covers every code exactly once', () => {
    expect(cases.map((c) => c[0]).sort()).toEqual(Object.keys(HTTP_STATUS_BY_CODE).sort());
  });

  it.each(cases)('%s -> status %i and its subclass', async (code, make, status, cls) => {
    const error = make();
    expect(error).toBeInstanceOf(HooklatchError);
    expect(error).toBeInstanceOf(cls);
    expect(error.code).toBe(code);
    expect(error.httpStatus).toBe(status);
    expect(error.name).toBe(cls.name);
    expect(isHooklatchError(error)).toBe(true);
    const response = errorResponse(error);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: { code, message: 'm' } });
  });

  it('does not treat foreign errors as hooklatch errors and answers them with a bare 500', async () => {
    expect(isHooklatchError(new Error('x'))).toBe(false);
    expect(isHooklatchError({ code: 'ECONNRESET', httpStatus: 1 })).toBe(false);
    const response = errorResponse(new Error('database password is hunter2'));
    expect(response.status).toBe(500);
    expect(await response.text()).not.toContain('hunter2');
  });

  it('an error whose code is an Object.prototype name is foreign: a 500, never a function status', async () => {
    for (const code of ['constructor', 'toString', 'hasOwnProperty', '__proto__', 'valueOf']) {
      const foreign = { code, httpStatus: 200, message: 'x' };
      expect(isHooklatchError(foreign), code).toBe(false);
      expect(statusOf(foreign), code).toBe(500);
      expect(errorReply(foreign).status, code).toBe(500);
      expect(errorResponse(foreign).status, code).toBe(500);
    }
  });

  it('keeps the cause and frozen details', () => {
    const cause = new Error('low level');
    const error = new StoreUnavailableError('down', { cause, details: { store: 'redis' } });
    expect(error.cause).toBe(cause);
    expect(error.details).toEqual({ store: 'redis' });
    expect(Object.isFrozen(error.details)).toBe(true);
  });
});
