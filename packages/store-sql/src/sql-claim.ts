/**
 * The claim of the SQL dedupe store: ONE statement decides (inserts, takes over an expired
 * lease or record, or leaves the live row alone); only a loser, or a dialect without RETURNING
 * (MySQL), reads the row afterwards, to report its status.
 */
import { type ClaimOptions, type ClaimResult, StoreUnavailableError } from '@hooklatch/core';
import {
  encodeKey,
  isPlainKey,
  newClaimToken,
  type StoreOptionChecks,
  storageKey,
} from '@hooklatch/core/kit';
import type { ClaimArgs, Dialect, ExecResult } from './dialect';
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
    return round({ key, keyText, token: '', leaseMs, ttlMs, digest }, call, 0);
  };
}
