/**
 * The adapter checks on the credential itself, beyond a wrong secret: a signature cut short,
 * emptied or with one character changed (a prefix compare, or one that reads only the first
 * bytes, passes those); a delivery signed outside the timestamp tolerance, in the past or the
 * future, and one whose signed timestamp was rewritten (a timestamp the HMAC does not cover);
 * and `meta.keyIndex` for every configured key.
 */
import assert from 'node:assert/strict';
import { type DeliveryInput, HooklatchError, VerificationError } from '@hooklatch/core';
import type { AdapterSession } from './adapter-session';
import { expectHooklatchError, redacted } from './expect-error';
import { signaturesFor } from './hidden-values';

/** What the credential checks need from `adapterChecks`. */
export interface SignatureCheckContext {
  session: () => AdapterSession;
  secrets: readonly string[];
  /** When the suite's deliveries are received (`parseOptions.receivedAt`, else now). */
  receivedAt: () => Date;
  /** `signOptions.secret` is set: every delivery is signed with it, whatever the keyIndex. */
  fixedSecret: boolean;
  /** When the suite's deliveries are signed (`signOptions.timestamp`, else now). */
  signedAt: () => Date;
  /** The adapter's configured tolerance (`toleranceSeconds` of the suite), when given. */
  toleranceSeconds?: number | undefined;
}

const DAY_MS = 86_400_000;

/** `c` changed to another character of its kind (a digit, a lower or upper case letter). */
function swapped(c: string): string | undefined {
  if (/[0-8]/.test(c)) return String(Number(c) + 1);
  if (c === '9') return '0';
  if (/[a-yA-Y]/.test(c)) return String.fromCharCode(c.charCodeAt(0) + 1);
  if (/[zZ]/.test(c)) return String.fromCharCode(c.charCodeAt(0) - 25);
  return undefined;
}

/** `token` with one character changed, three quarters in (or the next one that can change). */
function altered(token: string): string {
  for (let i = Math.floor((token.length * 3) / 4); i < 2 * token.length; i++) {
    const at = i % token.length;
    const swap = swapped(token[at] as string);
    if (swap !== undefined) return token.slice(0, at) + swap + token.slice(at + 1);
  }
  return `${token}x`;
}

/** Runs of 16+ signature characters (hex, base64, base64url): the signatures in a header. */
const SIGNATURE_RUN = /[A-Za-z0-9+/_=-]{16,}/g;

/**
 * The ways a credential header is damaged: emptied, every signature in it cut to half, every
 * signature with one character changed. Every signature, not the first: a header that carries
 * one per key (`v1=a v1=b`) still verifies while one of them is intact. A value with no such
 * run is cut and changed as a whole.
 */
function damaged(value: string): string[] {
  const runs = value.match(SIGNATURE_RUN) !== null;
  const each = (edit: (token: string) => string) =>
    runs ? value.replace(SIGNATURE_RUN, edit) : edit(value);
  return ['', each((t) => t.slice(0, Math.ceil(t.length / 2))), each(altered)];
}

const seconds = (date: Date) => String(Math.floor(date.getTime() / 1000));

export function signatureChecks(context: SignatureCheckContext) {
  const { session, secrets, receivedAt } = context;
  const refused = async (
    s: AdapterSession,
    input: DeliveryInput,
    what: string,
    signatures: readonly string[] = [],
  ) => {
    const error = await s.parse(input).then(
      () => assert.fail(`${what} was accepted`),
      (e: unknown) => e,
    );
    // Refused as the sender's fault: a 4xx of the family (SIGNATURE_MALFORMED and a missing
    // signed header are 400, the rest 401), with no secret in it.
    assert.ok(error instanceof HooklatchError, `${what}: ${redacted(String(error), secrets)}`);
    assert.ok(error.httpStatus >= 400 && error.httpStatus < 500, `${what}: ${error.code}`);
    await expectHooklatchError(Promise.reject(error), {
      code: error.code,
      httpStatus: error.httpStatus,
      secrets: [...secrets, ...signatures],
    });
  };
  /** Parsed at `receivedAt`, accepted or the reason it was not. */
  const acceptedAt = async (s: AdapterSession, input: DeliveryInput, receivedAt: Date) =>
    s.parse(input, { receivedAt }).then(
      () => undefined,
      (e: unknown) => (e instanceof HooklatchError ? e.code : redacted(String(e), secrets)),
    );

  return {
    'a truncated, emptied or altered credential is rejected': async () => {
      const s = session();
      // One signing time, so the signatures it may not show are this delivery's.
      const at = { timestamp: context.signedAt() };
      const signed = s.deliver(undefined, at);
      const names = s.authHeaders();
      assert.ok(names.length > 0, 'adapter.sign added no credential headers');
      let checked = 0;
      for (const name of names) {
        // A credential is a header whose absence fails verification: one sign() adds beside
        // it (a legacy signature nobody checks, an event-type header) is not damaged here.
        const { [name]: _left, ...without } = signed.headers;
        const absent = await s.parse({ ...signed, headers: without }).then(
          () => undefined,
          (e: unknown) => e,
        );
        // A header whose absence breaks the parse is a typed refusal, never a plain TypeError
        // from reading what is not there (a 500 INTERNAL for the sender's mistake).
        assert.ok(
          absent === undefined || absent instanceof HooklatchError,
          `without ${name}: ${redacted(String(absent), secrets)}`,
        );
        if (!(absent instanceof VerificationError)) continue;
        checked++;
        const value = signed.headers[name] ?? '';
        const variants = new Set(damaged(value));
        variants.delete(value);
        // The error shows neither what was received nor the signature expected instead.
        const signatures = signaturesFor(s, undefined, at);
        for (const variant of variants) {
          const headers = { ...signed.headers, [name]: variant };
          const what = `${name} changed to ${variant.length} chars`;
          await refused(s, { ...signed, headers }, what, signatures);
        }
      }
      assert.ok(checked > 0, 'no header sign() added is needed to verify');
    },

    'timestamps outside the tolerance, or rewritten, are rejected': async () => {
      const s = session();
      const now = receivedAt();
      const at = (offsetMs: number) =>
        s.deliver(undefined, { timestamp: new Date(now.getTime() + offsetMs) });
      const here = at(0);
      // Signatures that do not change with the signing time: the scheme signs no timestamp.
      if (JSON.stringify(here.headers) === JSON.stringify(at(-600_000).headers)) return;
      // Judged against the delivery's `receivedAt`, never the clock: queued work verified three
      // days later with its arrival time must pass.
      const queued = new Date(now.getTime() - 3 * DAY_MS);
      const late = await acceptedAt(s, at(-3 * DAY_MS), queued);
      assert.equal(late, undefined, 'a delivery signed at its receivedAt, 3 days ago, was refused');
      if (context.toleranceSeconds !== undefined && context.toleranceSeconds > 5) {
        // Just inside and just past the configured tolerance, both ways (seconds, not minutes).
        const edge = context.toleranceSeconds * 1000;
        for (const sign of [-1, 1]) {
          const inside = await acceptedAt(s, at(sign * (edge - 3_000)), now);
          assert.equal(
            inside,
            undefined,
            `signed ${sign * (edge - 3_000)} ms off, inside the tolerance`,
          );
          const past = await acceptedAt(s, at(sign * (edge + 3_000)), now);
          assert.equal(
            past,
            'TIMESTAMP_OUT_OF_TOLERANCE',
            `signed ${sign * (edge + 3_000)} ms off`,
          );
        }
      }
      for (const offset of [-2 * DAY_MS, 2 * DAY_MS]) {
        const error = await s.parse(at(offset), { receivedAt: now }).then(
          () => assert.fail(`a delivery signed ${offset / DAY_MS} days off was accepted`),
          (e: unknown) => e,
        );
        assert.ok(error instanceof VerificationError, redacted(String(error), secrets));
        assert.equal(error.code, 'TIMESTAMP_OUT_OF_TOLERANCE');
      }
      // An old delivery whose timestamp is rewritten to now must fail its signature.
      const old = at(-2 * DAY_MS);
      const stale = seconds(new Date(now.getTime() - 2 * DAY_MS));
      const rewritten = Object.fromEntries(
        Object.entries(old.headers).map(([name, value]) => [
          name,
          value.split(stale).join(seconds(now)),
        ]),
      );
      if (JSON.stringify(rewritten) === JSON.stringify(old.headers)) return;
      await refused(s, { ...old, headers: rewritten }, 'a rewritten timestamp');
    },

    'each configured key reports its keyIndex': async () => {
      // Signed with one given secret, a delivery's key is that one whatever the index.
      if (context.fixedSecret) return;
      const s = session();
      for (let keyIndex = 0; keyIndex < 8; keyIndex++) {
        let signed: ReturnType<AdapterSession['deliver']>;
        try {
          signed = s.deliver(undefined, { keyIndex });
        } catch (error) {
          // Past the configured keys; the first one must always sign.
          if (keyIndex === 0) throw error;
          return;
        }
        const event = await s.parse(signed).catch((error: unknown) => {
          throw new Error(
            `describeAdapter: a delivery signed with keyIndex ${keyIndex} does not verify: key ${keyIndex} is not accepted (a rotation bug), or adapter.sign should throw for an index past the configured keys.`,
            { cause: error },
          );
        });
        const reported = (event.meta as { keyIndex?: unknown }).keyIndex;
        if (reported !== undefined) assert.equal(reported, keyIndex, 'meta.keyIndex');
      }
    },
  };
}
