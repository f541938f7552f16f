/**
 * `hooklatch purge`: `--expired` removes what the store keeps past its expiry (SQL stores; Redis
 * expires keys itself), `--older-than AGE` removes records first claimed at least AGE ago so
 * their events run again if re-delivered. Live leases are never touched; stalled ones are
 * released by owner token, so a claim taken in between survives.
 */
import type { DedupeRecord } from '@hooklatch/core';
import { durationArg, integerArg } from '../args';
import type { Command } from '../command';
import { type CliIo, EXIT, UsageError } from '../io';
import { printJson } from '../output';
import { countProgress, elapsedProgress } from '../progress';
import {
  releaseStalled,
  SCAN_HELP,
  scanLimit,
  scanRecords,
  statusOf,
  warnTruncated,
} from '../records';
import { type StoreConnection, withStore } from '../store/connection';
import { STORE_HELP, storeSettings } from '../store/options';
import { parseRecordCommand } from './record-scan';

const OPTIONS = {
  expired: { type: 'boolean' },
  'older-than': { type: 'string' },
  batch: { type: 'string' },
  'dry-run': { type: 'boolean' },
} as const;

// A completed record this close to its expiry is left alone: it could expire and be claimed
// again between the listing and the delete, and the delete would then drop a live claim.
const EXPIRY_MARGIN_MS = 60_000;

interface OlderThanReport {
  removed: number;
  matched: number;
  /** Completed and stalled records among them, the ones removed (or, dry, to remove). */
  eligible: number;
  /** Live leases left alone. */
  skipped: number;
  /** Records that changed between the listing and their removal. */
  changed: number;
}

/**
 * Delete a completed record only if it is still the one listed, with its margin to expiry, by
 * this machine's clock read now: a long purge (or a slow store) must not delete a key that
 * expired and was claimed again since the listing (a live claim: its copy would run twice).
 */
export async function deleteCompleted(
  store: StoreConnection,
  listed: DedupeRecord,
): Promise<boolean> {
  const current = await store.dedupe.get(listed.key);
  if (current?.state !== 'completed' || current.token !== listed.token) return false;
  if (current.expiresAt.getTime() - Date.now() <= EXPIRY_MARGIN_MS) return false;
  return store.dedupe.delete(listed.key);
}

async function purgeOlderThan(
  store: StoreConnection,
  io: CliIo,
  options: { ageMs: number; provider?: string | undefined; scan: number; dryRun: boolean },
): Promise<OlderThanReport> {
  const read = await scanRecords(store.dedupe, { provider: options.provider, limit: options.scan });
  warnTruncated(io, read);
  const now = Date.now();
  const old = read.records.filter((r) => now - r.createdAt.getTime() >= options.ageMs);
  const live = old.filter((r) => statusOf(r, now) === 'in_flight');
  const targets = old.filter(
    (r) => statusOf(r, now) !== 'in_flight' && r.expiresAt.getTime() - now > EXPIRY_MARGIN_MS,
  );
  const report = {
    removed: 0,
    matched: old.length,
    eligible: targets.length,
    skipped: live.length,
    changed: 0,
  };
  if (options.dryRun) return report;
  const progress = countProgress(io, 'purging', targets.length);
  try {
    for (const [i, record] of targets.entries()) {
      // A stalled claim goes only if the store's clock agrees its lease ended.
      const gone =
        record.state === 'completed'
          ? await deleteCompleted(store, record)
          : (await releaseStalled(store.dedupe, record)) === 'released';
      if (gone) report.removed++;
      else report.changed++;
      progress.step(i + 1);
    }
  } finally {
    progress.end();
  }
  return report;
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const values = parseRecordCommand('purge', args, OPTIONS);
  const olderThan = values['older-than'];
  if ((values.expired === true) === (olderThan !== undefined)) {
    throw new UsageError('purge: give one of --expired or --older-than AGE.');
  }
  const settings = storeSettings('purge', values, io);
  if (olderThan === undefined) {
    const batch = integerArg('purge', 'batch', values.batch, {
      fallback: 1000,
      min: 1,
      max: 100_000,
    });
    const removed = await withStore(settings, async (store) => {
      if (store.purgeExpired === undefined) return undefined;
      const progress = elapsedProgress(io, 'purging expired records');
      try {
        return await store.purgeExpired(batch);
      } finally {
        progress.end();
      }
    });
    if (values.json) printJson(io, { expired: removed ?? 0, selfExpiring: removed === undefined });
    else if (removed === undefined)
      io.out(`${settings.target.kind} expires records itself: nothing to purge.`);
    else io.out(`removed ${removed} expired record${removed === 1 ? '' : 's'}.`);
    return EXIT.ok;
  }
  const options = {
    ageMs: durationArg('purge', 'older-than', olderThan),
    provider: values.provider,
    scan: scanLimit('purge', values.scan),
    dryRun: values['dry-run'] === true,
  };
  const report = await withStore(settings, (store) => purgeOlderThan(store, io, options));
  if (values.json) {
    printJson(io, { ...report, dryRun: options.dryRun });
    return EXIT.ok;
  }
  const what = `record${report.matched === 1 ? '' : 's'} first claimed ${olderThan} ago or earlier`;
  if (options.dryRun) io.out(`would remove ${report.eligible} of ${report.matched} ${what}.`);
  else io.out(`removed ${report.removed} of ${report.matched} ${what}.`);
  if (report.skipped > 0) {
    io.out(`left ${report.skipped} with a live lease alone (a handler may be running them).`);
  }
  if (report.changed > 0) io.out(`${report.changed} changed meanwhile and were left as they are.`);
  return EXIT.ok;
}

/** `hooklatch purge`. */
export const purgeCommand: Command = {
  name: 'purge',
  summary: 'remove expired records, or records older than an age',
  help: `hooklatch purge --expired [--batch 1000] [--json]
hooklatch purge --older-than AGE [--provider NAME] [--dry-run] [--json]

--expired deletes the rows a SQL store keeps past their expiry, --batch rows per statement
(Redis expires its keys itself: nothing to do). --older-than removes completed and stalled
records first claimed at least AGE ago (90s, 15m, 36h, 7d): a re-delivery of their events runs
the handler again. Records with a live lease are never removed; stalled ones are released by
owner token, so a claim taken meanwhile survives; a completed record within a minute of its
expiry is left to expire. A progress line shows on stderr when it is a terminal.
  --provider NAME      only this provider's records
  --dry-run            count, remove nothing
${SCAN_HELP}

${STORE_HELP}`,
  run,
};
