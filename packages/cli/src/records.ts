/**
 * Reading the dedupe store for tooling through its public `list`: which provider a key belongs
 * to, whether an in-flight claim is live or stalled, and a bounded scan (the store's `list` has
 * no cursor, so a command reads at most `--scan` records and says when it stopped there).
 */
import type { DedupeRecord, DedupeStore } from '@hooklatch/core';
import { integerArg, type OptionSpec } from './args';
import { CliFailure, type CliIo } from './io';

/**
 * `completed`; `in_flight` (a live lease: a handler may be running); `stalled` (in flight, but
 * the lease ended: its owner crashed or stopped renewing, and the next delivery takes it over).
 */
export type RecordStatus = 'in_flight' | 'stalled' | 'completed';

/** Every status, for option checks and tables. */
export const RECORD_STATUSES: readonly RecordStatus[] = ['completed', 'in_flight', 'stalled'];

/** The provider part of a dedupe key (`stripe:evt_1` -> `stripe`). */
export function providerOf(key: string): string {
  const colon = key.indexOf(':');
  return colon <= 0 ? '(none)' : key.slice(0, colon);
}

/** The record's status by this machine's clock (the store judges leases by its own). */
export function statusOf(record: DedupeRecord, now: number): RecordStatus {
  if (record.state === 'completed') return 'completed';
  return record.leaseExpiresAt.getTime() > now ? 'in_flight' : 'stalled';
}

/** What {@link releaseStalled} did. */
export type StalledRelease = 'released' | 'live' | 'changed';

/**
 * Release a claim this machine's clock calls stalled, only if the store's own clock agrees.
 * Leases are judged by the store (Redis by its server time, SQL by the database's), and a
 * machine whose clock runs ahead would otherwise free a lease a handler still holds. So the
 * claim is taken over first, which the store grants only for an ended lease, and the takeover's
 * own claim is released at once: `live` when the store says the lease still runs, `changed`
 * when someone else completed or took the key in between.
 */
export async function releaseStalled(
  dedupe: DedupeStore,
  record: DedupeRecord,
): Promise<StalledRelease> {
  const taken = await dedupe.claim(record.key, { leaseMs: 60_000, ttlMs: 60_000 });
  if (taken.status === 'in_flight') return 'live';
  if (taken.status !== 'claimed') return 'changed';
  // Claimed again since it was read (`taken.claims` above `record.claims + 1`)? That claim's
  // lease ended too, or the takeover would not have been granted, and the takeover already
  // ended its token: releasing frees the key either way, and the report says so.
  return (await dedupe.release(record.key, taken.token)) ? 'released' : 'changed';
}

/** A record as `--json` prints it: the stored fields plus provider and status. */
export function recordJson(record: DedupeRecord, now: number) {
  return { ...record, provider: providerOf(record.key), status: statusOf(record, now) };
}

/** The `--scan` option of commands that read many records. */
export const SCAN_OPTION = { scan: { type: 'string' } } as const satisfies OptionSpec;

/** Help line of {@link SCAN_OPTION}. */
export const SCAN_HELP =
  '  --scan N             read at most N records from the store (default 10000, at most 1000000)';

/** The `--scan` value. */
export function scanLimit(command: string, value: string | undefined): number {
  return integerArg(command, 'scan', value, { fallback: 10_000, min: 1, max: 1_000_000 });
}

/** What {@link scanRecords} read. */
export interface Scan {
  records: DedupeRecord[];
  /** True when the store had more than the scan limit: later records were not read. */
  truncated: boolean;
  limit: number;
}

/** Read up to `limit` records (of one provider when given), sorted by key. */
export async function scanRecords(
  store: DedupeStore,
  options: { provider?: string | undefined; limit: number },
): Promise<Scan> {
  if (typeof store.list !== 'function') {
    throw new CliFailure(
      `this ${store.name} store cannot list its records (a Redis Cluster cannot).`,
    );
  }
  const prefix = options.provider === undefined ? '' : `${options.provider}:`;
  // One more than asked tells a store of exactly `limit` records from a larger one.
  const listed = await store.list({ prefix, limit: options.limit + 1 });
  const truncated = listed.length > options.limit;
  const records = listed
    .slice(0, options.limit)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { records, truncated, limit: options.limit };
}

/** Say on stderr that a scan stopped at its limit (the counts cover the records read). */
export function warnTruncated(io: CliIo, scan: Scan): void {
  if (scan.truncated) {
    io.err(
      `note: the store holds more than ${scan.limit} records; only the first ${scan.limit} were read (raise --scan).`,
    );
  }
}
