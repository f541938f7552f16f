/** Shared secrets, bodies, times and helpers for the Qualio tests. */
import {
  ConfigurationError,
  type DeliveryInput,
  type HooklatchError,
  parseEvent,
  type WebhookAdapter,
} from '@hooklatch/core';
import { type SignedQualioRequestOptions, signedQualioRequest } from '@hooklatch/qualio/testing';
import { expectHooklatchError } from '@hooklatch/testing';
import { qualio } from '../../src/index';

export const SECRET = 'qualio-hmac-secret-8b1f0c';
export const OTHER_SECRET = 'qualio-hmac-secret-rotated-2d77';
export const API_KEY = 'qk_live_5f2a9e1c';
export const BASIC = { username: 'qualio-hooks', password: 'b4sic-pa55word' };
/** Everything that must never appear in an error message or its details. */
export const ALL_SECRETS = [SECRET, OTHER_SECRET, API_KEY, BASIC.password];

/** A fixed arrival time, so nothing depends on the clock. */
export const RECEIVED_AT = new Date('2025-01-05T10:15:40Z');

/** The example body, byte for byte. */
export const NC_UPDATED_BODY =
  '{"eventType":"nc.updated","ncId":"NC-2025-001","timestamp":"2025-01-05T10:15:32Z"}';

export const NC_STATUS = {
  eventType: 'nc.updated',
  ncId: 'NC-2025-001',
  timestamp: '2025-01-05T10:15:32Z',
  changedField: 'status',
  previousValue: 'open',
  newValue: 'under_investigation',
  status: 'under_investigation',
  changedBy: 'jane.doe@example.com',
};

export const NC_COMMENT = {
  eventType: 'nc.updated',
  ncId: 'NC-2025-001',
  timestamp: '2025-01-05T10:15:32Z',
  changedField: 'comment',
  comment: 'Root cause confirmed with the supplier.',
  changedBy: 'jane.doe@example.com',
};

export const DOCUMENT_APPROVED = {
  eventType: 'document.approved',
  documentId: 'DOC-118',
  documentCode: 'SOP-014',
  version: '3.0',
  timestamp: '2025-01-06T08:00:00Z',
  status: 'effective',
};

/** An adapter that verifies the HMAC scheme with SECRET. */
export const hmacAdapter = qualio({ auth: { scheme: 'hmac', secret: SECRET } });

/** A request HMAC-signed with SECRET (override anything). */
export function hmacRequest(
  payload: unknown,
  overrides: Partial<SignedQualioRequestOptions> = {},
): ReturnType<typeof signedQualioRequest> {
  return signedQualioRequest({ payload, auth: { scheme: 'hmac', secret: SECRET }, ...overrides });
}

/** Parse at the fixed arrival time. */
export function parseAt<A extends WebhookAdapter>(adapter: A, input: DeliveryInput) {
  return parseEvent(adapter, input, { receivedAt: RECEIVED_AT });
}

/** Assert a failure of exactly this class, code and status that leaks none of the secrets. */
export function expectFailure(
  promise: Promise<unknown>,
  expected: { class: typeof HooklatchError; code: string; httpStatus: number },
  secrets: readonly string[] = ALL_SECRETS,
): Promise<HooklatchError> {
  return expectHooklatchError(promise, {
    ...expected,
    code: expected.code as HooklatchError['code'],
    secrets,
  });
}

/** Assert that building an adapter throws CONFIG_INVALID (500) without echoing `secrets`. */
export function expectConfigError(
  make: () => unknown,
  secrets: readonly string[] = [],
): Promise<HooklatchError> {
  const expected = { class: ConfigurationError, code: 'CONFIG_INVALID', httpStatus: 500 } as const;
  return expectHooklatchError(make, { ...expected, secrets });
}
