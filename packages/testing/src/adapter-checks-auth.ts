/**
 * The adapter checks on authentication: the adapter's `sign` and its verifier agree, and a
 * delivery whose body or credentials were changed in any way is a 401. The tamper checks are
 * skippable only for credential schemes, which do not cover the body.
 */
import assert from 'node:assert/strict';
import { type DeliveryInput, VerificationError, type VerificationErrorCode } from '@hooklatch/core';
import type { DescribeAdapterOptions } from './adapter-options';
import type { AdapterSession } from './adapter-session';
import { baseHeaders } from './adapter-session';
import { expectHooklatchError } from './expect-error';
import { signaturesFor } from './hidden-values';
import { oneByteChanged, reserializedBody } from './tampered-bodies';

/** What the authentication checks need from `adapterChecks`. */
export interface AuthCheckContext {
  options: DescribeAdapterOptions;
  /** A session over a fresh adapter. */
  session: () => AdapterSession;
  secrets: readonly string[];
}

/** The authentication checks, by name. */
export function authChecks({ options, session, secrets }: AuthCheckContext) {
  const rejects = async (
    s: AdapterSession,
    input: DeliveryInput,
    code: VerificationErrorCode = 'SIGNATURE_INVALID',
    signatures: readonly string[] = [],
  ) => {
    await expectHooklatchError(s.parse(input), {
      code,
      httpStatus: 401,
      class: VerificationError,
      secrets: [...secrets, ...signatures],
    });
  };
  /** One signing time for a delivery and the one it is compared with. */
  const signedAt = () => ({ timestamp: options.signOptions?.timestamp ?? new Date() });

  /**
   * The authentic delivery's headers with another body: only the signature can catch it, and
   * the error shows neither the signature received nor the one that body would need.
   */
  const withBody = async (body: string) => {
    const s = session();
    const at = signedAt();
    const signed = s.deliver(undefined, at);
    const signatures = [...signaturesFor(s, undefined, at), ...signaturesFor(s, body, at)];
    await rejects(s, { ...signed, body }, 'SIGNATURE_INVALID', signatures);
  };

  return {
    'sign and verify round-trip': async () => {
      const s = session();
      const signed = s.deliver();
      assert.equal(signed.body, options.body, 'sign changed the body');
      const allowed = s.adapter.methods ?? ['POST'];
      assert.ok(allowed.includes(signed.method), `sign chose ${signed.method}, not allowed`);
      for (const [name, value] of Object.entries(baseHeaders(options))) {
        assert.equal(signed.headers[name], value, `sign dropped or changed the ${name} header`);
      }
      const event = await s.parse(signed);
      const keyIndex = options.signOptions?.keyIndex ?? 0;
      if (event.meta.keyIndex !== undefined) {
        assert.equal(event.meta.keyIndex, keyIndex, 'meta.keyIndex is not the key that signed');
      }
      // The same body as bytes: one event, one digest.
      const bytes = await s.parse(s.deliver(new TextEncoder().encode(options.body)));
      assert.equal(bytes.dedupeKey, event.dedupeKey, 'a byte body got another dedupe key');
      assert.equal(bytes.digest, event.digest, 'a byte body got another digest');
    },
    'a tampered body is rejected': async () => {
      // Trailing whitespace keeps the JSON valid and its meaning unchanged.
      await withBody(`${options.body} `);
    },
    'a re-serialized body is rejected': async () => {
      await withBody(reserializedBody(options.body));
    },
    'one changed byte is rejected': async () => {
      await withBody(oneByteChanged(options.body));
    },
    'missing credentials are rejected': async () => {
      const s = session();
      const drop = new Set(s.authHeaders());
      if (drop.size === 0) {
        throw new Error(
          'describeAdapter: adapter.sign added no credential headers. A `verify: false` adapter ' +
            'has none: skip the credential checks with that reason.',
        );
      }
      const signed = s.deliver();
      const headers = Object.fromEntries(
        Object.entries(signed.headers).filter(([name]) => !drop.has(name)),
      );
      await rejects(s, { ...signed, headers }, 'SIGNATURE_MISSING');
    },
    'wrong credentials are rejected': async () => {
      const s = session();
      const at = signedAt();
      const forged = s.forge(undefined, at);
      // Nor the signature the adapter expected instead (a forger's answer).
      await rejects(s, forged, 'SIGNATURE_INVALID', signaturesFor(s, undefined, at));
    },
  };
}
