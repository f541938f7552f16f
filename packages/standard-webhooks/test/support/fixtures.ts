/** Shared keys, times and helpers for the Standard Webhooks tests. */
import {
  type DeliveryInput,
  type HooklatchError,
  parseEvent,
  type WebhookAdapter,
} from '@hooklatch/core';
import { expectHooklatchError } from '@hooklatch/testing';

/** The spec's example secret format: `whsec_` + base64 of 24+ random bytes. */
export const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
export const OTHER_SECRET = 'whsec_dGhpcyBpcyBub3QgdGhlIHNhbWUga2V5IGF0IGFsbA==';
/** The base64 part of SECRET: the part that must never leak into a message. */
export const SECRET_BODY = SECRET.slice('whsec_'.length);

/** A fixed arrival time so timestamp checks never depend on the clock. */
export const RECEIVED_AT = new Date('2025-01-22T11:23:15Z');
export const RECEIVED_SECONDS = Math.floor(RECEIVED_AT.getTime() / 1000);

export const PAYLOAD = {
  type: 'invoice.paid',
  timestamp: '2025-01-22T11:23:10.000Z',
  data: { id: 'inv_1', amount: 4200 },
};

/** Parse at the fixed arrival time. */
export function parseAt<A extends WebhookAdapter>(adapter: A, input: DeliveryInput) {
  return parseEvent(adapter, input, { receivedAt: RECEIVED_AT });
}

/** Assert a failure of exactly this class, code and status that leaks none of the secrets. */
export function expectFailure(
  promise: Promise<unknown>,
  expected: { class: typeof HooklatchError; code: string; httpStatus: number },
  secrets: readonly string[] = [SECRET, SECRET_BODY],
): Promise<HooklatchError> {
  return expectHooklatchError(promise, {
    ...expected,
    code: expected.code as HooklatchError['code'],
    secrets,
  });
}
