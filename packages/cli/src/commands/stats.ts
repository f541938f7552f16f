/**
 * `hooklatch stats`: what the dedupe store holds, by provider and state, and the dedupe hit
 * rate when the application's metrics are given (the store has one record per event, so it
 * cannot count the duplicates it answered).
 */
import type { DedupeRecord } from '@hooklatch/core';
import type { Command } from '../command';
import { type CliIo, EXIT, UsageError } from '../io';
import { type Hits, scrapeHits } from '../metrics-scrape';
import { formatSpan, oneLine, printJson, printTable } from '../output';
import {
  providerOf,
  type RecordStatus,
  SCAN_HELP,
  scanLimit,
  statusOf,
  warnTruncated,
} from '../records';
import { STORE_HELP, storeSettings } from '../store/options';
import { parseRecordCommand, readRecords } from './record-scan';

const OPTIONS = { metrics: { type: 'string' } } as const;

type Counts = Record<RecordStatus, number> & { total: number; reclaimed: number };

const zero = (): Counts => ({ completed: 0, in_flight: 0, stalled: 0, total: 0, reclaimed: 0 });

function count(records: readonly DedupeRecord[], now: number) {
  const providers = new Map<string, Counts>();
  const total = zero();
  let oldestInFlight: DedupeRecord | undefined;
  for (const r of records) {
    const provider = providerOf(r.key);
    const c = providers.get(provider) ?? zero();
    providers.set(provider, c);
    const status = statusOf(r, now);
    for (const bucket of [c, total]) {
      bucket[status]++;
      bucket.total++;
      // More than one claim: a lease ended and another delivery took the event over.
      if (r.claims > 1) bucket.reclaimed++;
    }
    if (r.state === 'in_flight' && (!oldestInFlight || r.createdAt < oldestInFlight.createdAt)) {
      oldestInFlight = r;
    }
  }
  return {
    providers: Object.fromEntries([...providers].sort(([a], [b]) => a.localeCompare(b))),
    total,
    oldestInFlight,
  };
}

const percent = (rate: number | null) => (rate === null ? '-' : `${(rate * 100).toFixed(1)}%`);

function printHits(io: CliIo, hits: Hits | undefined): void {
  if (hits === undefined) {
    io.out('');
    io.out('dedupe hit rate: not in the store (it keeps one record per event, not per delivery);');
    io.out("  pass --metrics URL of the application's metrics endpoint (hooklatch metrics()).");
    return;
  }
  io.out('');
  const rows = [...Object.entries(hits.providers), ['all', hits.total] as const];
  printTable(
    io,
    rows,
    [
      { heading: 'PROVIDER', cell: ([p]) => p },
      { heading: 'DELIVERIES', cell: ([, h]) => String(h.deliveries), right: true },
      { heading: 'DUPLICATES', cell: ([, h]) => String(h.duplicates), right: true },
      { heading: 'IN_FLIGHT', cell: ([, h]) => String(h.inFlight), right: true },
      { heading: 'HIT RATE', cell: ([, h]) => percent(h.hitRate), right: true },
    ],
    'no deliveries recorded yet.',
  );
  io.out(`hit rate over the recorder's window: ${percent(hits.windowHitRate)}`);
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const values = parseRecordCommand('stats', args, OPTIONS);
  if (values.metrics !== undefined && !/^https?:\/\//.test(values.metrics)) {
    throw new UsageError('stats: --metrics is the http(s) URL of a metrics endpoint.');
  }
  const settings = storeSettings('stats', values, io);
  const scan = scanLimit('stats', values.scan);
  const read = await readRecords(settings, values.provider, scan);
  const hits =
    values.metrics === undefined ? undefined : await scrapeHits(values.metrics, settings.timeoutMs);
  const now = Date.now();
  const counted = count(read.records, now);
  if (values.json) {
    const { oldestInFlight, ...rest } = counted;
    printJson(io, {
      ...rest,
      ...(oldestInFlight
        ? { oldestInFlight: { key: oldestInFlight.key, createdAt: oldestInFlight.createdAt } }
        : {}),
      ...(hits ? { hits } : {}),
      scanned: read.records.length,
      truncated: read.truncated,
    });
    warnTruncated(io, read);
    return EXIT.ok;
  }
  const rows = [...Object.entries(counted.providers), ['all', counted.total] as const];
  printTable(
    io,
    counted.total.total === 0 ? [] : rows,
    [
      { heading: 'PROVIDER', cell: ([p]) => p },
      { heading: 'COMPLETED', cell: ([, c]) => String(c.completed), right: true },
      { heading: 'IN_FLIGHT', cell: ([, c]) => String(c.in_flight), right: true },
      { heading: 'STALLED', cell: ([, c]) => String(c.stalled), right: true },
      { heading: 'TOTAL', cell: ([, c]) => String(c.total), right: true },
      { heading: 'RECLAIMED', cell: ([, c]) => String(c.reclaimed), right: true },
    ],
    'the store holds no live records.',
  );
  if (counted.total.reclaimed > 0) {
    io.out(
      'reclaimed: claimed more than once, after a lease ended (a crash or a handler that outran its lease).',
    );
  }
  if (counted.oldestInFlight) {
    const o = counted.oldestInFlight;
    io.out(
      `oldest in flight: ${oneLine(o.key)}, claimed ${formatSpan(now - o.createdAt.getTime())} ago.`,
    );
  }
  printHits(io, hits);
  warnTruncated(io, read);
  return EXIT.ok;
}

/** `hooklatch stats`. */
export const statsCommand: Command = {
  name: 'stats',
  summary: 'counts by provider and state; the dedupe hit rate from --metrics',
  help: `hooklatch stats [--provider NAME] [--metrics URL] [--json]

Count the dedupe store's live records by provider and state (completed, in_flight, stalled),
the ones claimed more than once (a lease ended and another delivery took over), and the oldest
claim still in flight. The store keeps one record per event, not per delivery, so the dedupe hit
rate (duplicates and in-flight copies over deliveries) comes from the application's metrics:
--metrics URL reads the Prometheus text of hooklatch's metrics() recorder.
  --provider NAME      only this provider's records
  --metrics URL        http(s) URL serving hooklatch's Prometheus metrics
${SCAN_HELP}

${STORE_HELP}`,
  run,
};
