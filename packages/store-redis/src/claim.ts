/**
 * The claim in one round trip, without a script for the common cases. A fresh key is claimed by
 * `SET key <fresh record> NX PX <ttl> GET`: Redis writes the record only if the key is absent and
 * answers with what was there, so the same command that claims also tells a loser what it lost
 * to. Nothing came back: claimed (the key's expiry and the record's lease are counted from the
 * server's clock by `PX`; see `record-format.ts`). A completed record came back: answered from
 * it, no clock needed. Only an in-flight record (live lease or takeover, which need the server's
 * clock) or a 0.1 record hash goes on to the `CLAIM` script, a second round trip.
 *
 * Until one script has run on this store, claims use the script: a Redis user that may not run
 * scripts (ACL) or a server without EVAL then fails the first claim, before any handler runs,
 * instead of failing `complete` after the side effect. A server without `SET ... NX GET`
 * (before Redis 7.0) keeps using the script for every claim.
 */
import type { ClaimResult } from '@hooklatch/core';
import type { Commander } from './client';
import { notARecord, replyCode } from './driver-error';
import { decodeClaim, unexpectedReply } from './record';
import { freshRecord, isCompletedValue, parseRecord, RECORD_MAGIC } from './record-format';
import { CLAIM, evalScript } from './scripts';

/** One claim's arguments, checked and in whole milliseconds (`ttlMs` at least `leaseMs`). */
export interface ClaimArgs {
  /** The Redis key. */
  key: string;
  /** The caller's key (for the record of a completed duplicate). */
  rawKey: string;
  /** `-` for a key stored verbatim, else `encodeKey(rawKey)`. */
  keyField: string;
  token: string;
  leaseMs: number;
  ttlMs: number;
  /** '' for none. */
  digest: string;
}

type Mode = 'unproven' | 'set' | 'script';

const SYNTAX_ERROR = /^ERR syntax error/i;

/** The claim function of one store. */
export function claimer(redis: Commander): (args: ClaimArgs) => Promise<ClaimResult> {
  let mode: Mode = 'unproven';
  const send = (key: string, args: string[]) => redis.send(key, args);

  const byScript = (args: ClaimArgs): Promise<ClaimResult> => {
    const { key, token, leaseMs, ttlMs, keyField, digest } = args;
    return evalScript(
      send,
      CLAIM,
      key,
      [token, String(leaseMs), String(ttlMs), keyField, digest],
      (reply) => {
        if (mode === 'unproven') mode = 'set';
        return decodeClaim(reply, args.rawKey);
      },
    );
  };

  /** The SET failed: some failures are answered by the script. */
  const refused = (args: ClaimArgs, error: unknown): Promise<ClaimResult> => {
    // A 0.1 record hash (or someone else's): the script reads or refuses it. A full Redis
    // refuses SET before looking at the key: the script still answers a duplicate from the
    // record and refuses only a claim that would write.
    const code = replyCode(error);
    if (code === 'WRONGTYPE' || code === 'OOM') return byScript(args);
    if (error instanceof Error && SYNTAX_ERROR.test(error.message)) {
      mode = 'script';
      return byScript(args);
    }
    throw error;
  };

  /** What the SET answered: nothing (claimed) or the record it found. */
  const answered = (
    args: ClaimArgs,
    sentAt: number,
    previous: unknown,
  ): ClaimResult | Promise<ClaimResult> => {
    if (previous === null) {
      // The lease runs from when Redis ran the SET, which is after `sentAt`: this date is never
      // later than the lease's real end (by a clock that agrees with the server's).
      const leaseExpiresAt = new Date(sentAt + args.leaseMs);
      return { status: 'claimed', token: args.token, leaseExpiresAt, claims: 1 };
    }
    if (typeof previous !== 'string') throw unexpectedReply('claim');
    if (!previous.startsWith(RECORD_MAGIC)) throw notARecord('claim');
    if (isCompletedValue(previous)) {
      const record = parseRecord(previous, args.rawKey);
      if (record === undefined) throw notARecord('claim');
      return { status: 'completed', record };
    }
    return byScript(args);
  };

  // Promise chains rather than async functions: the claim is on every delivery's path, and each
  // async layer costs a promise and turns of its own.
  return (args) => {
    if (mode !== 'set') return byScript(args);
    const { key, token, leaseMs, ttlMs } = args;
    const sentAt = Date.now();
    const value = freshRecord(token, leaseMs, ttlMs, sentAt, args.keyField, args.digest);
    let sent: Promise<unknown>;
    try {
      sent = Promise.resolve(
        redis.send(key, ['SET', key, value, 'NX', 'PX', String(ttlMs), 'GET']),
      );
    } catch (error) {
      sent = Promise.reject(error);
    }
    return sent.then(
      (previous) => answered(args, sentAt, previous),
      (error: unknown) => refused(args, error),
    );
  };
}
