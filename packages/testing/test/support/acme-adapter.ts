/**
 * A small adapter of the kind a user writes, for the suite's own tests: hex HMAC-SHA256 of the
 * body in `X-Acme-Signature`, a JSON body `{ id, type, ... }`. Options break it on purpose, so
 * the tests can show which checks catch which mistake.
 */
import { createHmac } from 'node:crypto';
import type { RawDelivery, WebhookAdapter } from '@hooklatch/core';
import {
  createAdapter,
  type DeliveryVerifier,
  hmacHeaderVerifier,
  readJsonObject,
  requireString,
  signedVerifier,
  type Verification,
} from '@hooklatch/core/kit';
import type { DescribeAdapterOptions } from '../../src/index';

export const ACME_SECRET = 'acme-test-secret';
export const ACME_BODY = JSON.stringify({ id: 'evt_1', type: 'order.paid', orderId: 'ord_9' });

/** Options of {@link acme}. */
export interface AcmeOptions {
  secrets?: string[];
  /** `false`: accept anything. A function: replaces the verifier (its `sign` is the HMAC one). */
  verify?: false | ((delivery: RawDelivery, hmac: DeliveryVerifier) => Verification);
  /** A new ID on every parse: dedupe keys never repeat. */
  randomId?: boolean;
  /** The nesting limit `parse` reads the body with, instead of the adapter's. */
  maxDepth?: number;
}

/** The acme adapter, correct unless `options` say otherwise. */
export function acme(options: AcmeOptions = {}): WebhookAdapter {
  const hmac = hmacHeaderVerifier({
    provider: 'acme',
    header: 'X-Acme-Signature',
    secrets: options.secrets ?? [ACME_SECRET],
  });
  const custom = options.verify;
  let verify: DeliveryVerifier | false = hmac;
  if (custom === false) verify = false;
  else if (custom !== undefined && hmac.sign !== undefined) {
    verify = signedVerifier((delivery) => custom(delivery, hmac), hmac.sign);
  }
  return createAdapter({
    name: 'acme',
    retentionMs: 60_000,
    verify,
    parse(delivery) {
      const data = readJsonObject(delivery, 'acme', { maxDepth: options.maxDepth ?? 128 });
      return {
        type: requireString(data, 'type', 'acme'),
        id: options.randomId ? crypto.randomUUID() : requireString(data, 'id', 'acme'),
        idSource: 'event',
        payload: data,
      };
    },
  });
}

/** Hex HMAC-SHA256, computed by node:crypto rather than the kit. */
export const hmacHex = (secret: string | Uint8Array, body: string | Uint8Array) =>
  createHmac('sha256', secret).update(body).digest('hex');

/** The suite options of the correct acme adapter. */
export const ACME_SUITE: DescribeAdapterOptions = {
  name: 'acme (hmac)',
  adapter: () => acme(),
  body: ACME_BODY,
  headers: { 'Content-Type': 'application/json' },
  secrets: [ACME_SECRET],
};

/** The checks a body-covering signature passes and a credential scheme cannot. */
export const TAMPER_CHECKS = [
  'a tampered body is rejected',
  'a re-serialized body is rejected',
  'one changed byte is rejected',
] as const;
