/**
 * The claim of the SQL dedupe store: ONE statement decides (inserts, takes over an expired
 * lease or record, or leaves the live row alone); only a loser, or a dialect without RETURNING
 * (MySQL), reads the row afterwards, to report its status.
 *
 * A dialect with {@link Dialect.claimFresh} (PostgreSQL) first tries the fast path: a plain
 * insert that does nothing when the key has a row, and returns nothing. Only when it inserted
 * nothing does the full claim statement run, unchanged, and decide as above.
 *
 * Concurrency contract (no path gives two callers a live lease on one key):
 * - Every owner holds its lease through its own row (its token in the key's one row, under the
 *   primary key). The row goes away only by `release`/`delete` (the owner or an operator gave
 *   it up) or by `purgeExpired`, which deletes rows past `expires_at`, and `expires_at` is never
 *   before the lease end (claim and extend keep it so; a completed row has no lease).
 * - The fast path inserts only where no row exists, committed or being inserted (the unique
 *   index makes a concurrent insert wait for the other and then conflict), and never writes
 *   to an existing row. So affected 1 means this caller created the key's only row: nobody
 *   else owns the key, and any later claim meets that row. Of concurrent fresh claims, exactly
 *   one inserts; the rest get 0, as a claim racing the full statement's insert does.
 * - Affected 0 means nothing was written: the key has a row, live or expired. The full
 *   statement then decides alone, atomically, as it always did (insert, takeover under the
 *   row lock, or loser and a status read). A row gone between the two statements is just
 *   inserted by the full statement; a row taken over in between is seen by it as live.
 * Each step is one atomic statement and the fast path only ever adds a row where there was
 * none, so the two-step claim grants exactly the leases the single statement would.
 */
import { type ClaimOptions, type ClaimResult, StoreUnavailableError } from '@hooklatch/core';
import {
  encodeKey,
  isPlainKey,
  newClaimToken,
  type StoreOptionChecks,
  storageKey,
} from '@hooklatch/core/kit';
import type { ClaimArgs, Dialect, ExecResult, Query } from './dialect';
import { leaseRemainingMs, rowToRecord } from './record';
import type { createRunner } from './sql-run';
import type { Call } from './timeout';

// A loser's status read can find the row gone or its lease just ended: claim again.
const MAX_CLAIM_ROUNDS = 3;

/** `claim(call, key, options)` for one store; it settles `call`. */
export function createClaim(
  dialect: Dialect,
  prefix: string,
  checks: StoreOptionChecks,
  { run, exec }: ReturnType<typeof createRunner>,
) {
  /** One round: the claim statement, then (only for a loser) the row's status. */
  const round = (args: ClaimArgs, call: Call<ClaimResult>, n: number): undefined => {
    if (n === MAX_CLAIM_ROUNDS) {
      call.fail(
        new StoreUnavailableError(
          `The ${dialect.name} dedupe store kept changing under the claim; try again.`,
          { details: { store: dialect.name } },
        ),
      );
      return;
    }
    const token = newClaimToken();
    const failed = (error: unknown) => call.fail(error);
    run(
      dialect.claim({ ...args, token }),
      call,
      (written) => {
        const won = dialect.claimWon?.(written);
        if (won !== undefined) {
          const leaseExpiresAt = new Date(won.leaseEnd);
          call.done({ status: 'claimed', token, leaseExpiresAt, claims: won.claims });
          return;
        }
        status(args, token, written, call).then((answer) => {
          try {
            if (answer) call.done(answer);
            else round(args, call, n + 1);
          } catch (error) {
            failed(error);
          }
        }, failed);
      },
      failed,
    );
  };

  // What a claim that did not report its own win answers; undefined: the row changed under
  // the claim, claim again.
  const status = async (
    args: ClaimArgs,
    token: string,
    written: ExecResult,
    call: Call<ClaimResult>,
  ): Promise<ClaimResult | undefined> => {
    const row =
      written.rows.find((r) => r.token === token) ??
      (await exec(dialect.get(args.key), call)).rows[0];
    if (!row) return undefined;
    const record = rowToRecord(row, prefix);
    if (record.token === token && record.state === 'in_flight') {
      const { leaseExpiresAt, claims } = record;
      return { status: 'claimed', token, leaseExpiresAt, claims };
    }
    if (record.state === 'completed') return { status: 'completed', record };
    const remaining = leaseRemainingMs(row);
    // The owner's lease ended between the claim and the read: the next round can take over.
    if (!(remaining > 0)) return undefined;
    return {
      status: 'in_flight',
      leaseExpiresAt: record.leaseExpiresAt,
      leaseRemainingMs: remaining,
      ...(record.digest === undefined ? {} : { digest: record.digest }),
    };
  };

  const claimFresh = dialect.claimFresh?.bind(dialect);
  /** The fast path (a dialect with `claimFresh`): a fresh insert, else the full claim. */
  const fresh = (insert: (args: ClaimArgs) => Query, args: ClaimArgs, call: Call<ClaimResult>) => {
    const token = newClaimToken();
    // Taken BEFORE the statement is sent: the server starts the lease (its NOW) only after it
    // got it, so `leaseMs` from here ends no later than the stored lease does, and the owner,
    // which schedules its renewals from this answer (core's lease keeper counts from the send
    // time too), never believes in a lease the server has already ended. Earlier is safe: it
    // only renews sooner. The stored row stays on the server's clock; the full claim (round)
    // answers the stored lease end itself.
    const sentAt = Date.now();
    run(
      insert({ ...args, token }),
      call,
      (inserted) => {
        if (inserted.affected !== 1) return round(args, call, 0);
        const leaseExpiresAt = new Date(sentAt + args.leaseMs);
        call.done({ status: 'claimed', token, leaseExpiresAt, claims: 1 });
      },
      (error) => call.fail(error),
    );
    return undefined;
  };

  return (call: Call<ClaimResult>, rawKey: string, options: ClaimOptions): undefined => {
    // prefix + storageKey(key), with the plain-key test made once for the key and key_text.
    const checkedKey = checks.key(rawKey);
    const plain = isPlainKey(checkedKey);
    const key = prefix + (plain ? checkedKey : storageKey(checkedKey));
    const keyText = plain ? null : encodeKey(checkedKey);
    const checked = checks.claim(options);
    const leaseMs = Math.ceil(checked.leaseMs);
    const ttlMs = Math.max(leaseMs, Math.ceil(checked.ttlMs));
    const digest = checked.digest ?? null;
    const args = { key, keyText, token: '', leaseMs, ttlMs, digest };
    return claimFresh ? fresh(claimFresh, args, call) : round(args, call, 0);
  };
}
