/** `hooklatch list`: the dedupe store's records, filtered by provider, status and age, a page at a time. */
import { choiceArg, durationArg, integerArg } from '../args';
import type { Command } from '../command';
import { type CliIo, EXIT } from '../io';
import { formatSpan, printJson, printTable, shellWord } from '../output';
import {
  RECORD_STATUSES,
  recordJson,
  SCAN_HELP,
  scanLimit,
  statusOf,
  warnTruncated,
} from '../records';
import { STORE_HELP, storeSettings } from '../store/options';
import { parseRecordCommand, readRecords } from './record-scan';

const OPTIONS = {
  state: { type: 'string' },
  'older-than': { type: 'string' },
  'newer-than': { type: 'string' },
  limit: { type: 'string' },
  after: { type: 'string' },
} as const;

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const values = parseRecordCommand(
    'list',
    args,
    OPTIONS,
    'takes no arguments (filter with --provider, --state)',
  );
  const state = choiceArg('list', 'state', values.state, RECORD_STATUSES);
  const age = (option: 'older-than' | 'newer-than') => {
    const value = values[option];
    return value === undefined ? undefined : durationArg('list', option, value);
  };
  const olderThan = age('older-than');
  const newerThan = age('newer-than');
  const limit = integerArg('list', 'limit', values.limit, { fallback: 50, min: 1, max: 10_000 });
  const scan = scanLimit('list', values.scan);
  const settings = storeSettings('list', values, io);
  const read = await readRecords(settings, values.provider, scan);
  const now = Date.now();
  const after = values.after;
  const matching = read.records.filter((r) => {
    const since = now - r.createdAt.getTime();
    return (
      (after === undefined || r.key > after) &&
      (state === undefined || statusOf(r, now) === state) &&
      (olderThan === undefined || since >= olderThan) &&
      (newerThan === undefined || since < newerThan)
    );
  });
  const page = matching.slice(0, limit);
  const next = matching.length > limit ? page[page.length - 1]?.key : undefined;
  if (values.json) {
    printJson(io, {
      records: page.map((r) => recordJson(r, now)),
      ...(next === undefined ? {} : { next }),
      scanned: read.records.length,
      truncated: read.truncated,
    });
  } else {
    printTable(
      io,
      page,
      [
        { heading: 'KEY', cell: (r) => r.key },
        { heading: 'STATE', cell: (r) => statusOf(r, now) },
        { heading: 'AGE', cell: (r) => formatSpan(now - r.createdAt.getTime()), right: true },
        { heading: 'CLAIMS', cell: (r) => String(r.claims), right: true },
        {
          heading: 'LEASE',
          cell: (r) => (r.state === 'completed' ? '' : leaseText(r.leaseExpiresAt, now)),
        },
        { heading: 'EXPIRES', cell: (r) => `in ${formatSpan(r.expiresAt.getTime() - now)}` },
      ],
      'no records match.',
    );
    if (next !== undefined) io.out(`more: hooklatch list ... --after=${shellWord(next)}`);
  }
  warnTruncated(io, read);
  return EXIT.ok;
}

function leaseText(end: Date, now: number): string {
  const left = end.getTime() - now;
  return left > 0 ? `ends in ${formatSpan(left)}` : `ended ${formatSpan(left)} ago`;
}

/** `hooklatch list`. */
export const listCommand: Command = {
  name: 'list',
  summary: 'list dedupe records, filtered by provider, state and age, a page at a time',
  help: `hooklatch list [--provider NAME] [--state completed|in_flight|stalled]
               [--older-than AGE] [--newer-than AGE] [--limit 50] [--after KEY] [--json]

List the dedupe store's live records in key order. A record's age counts from its first claim.
  --provider NAME      only keys of this provider (stripe: lists stripe:...)
  --state STATE        completed; in_flight (a live lease: a handler may be running); stalled
                       (in flight, but the lease ended: the next delivery takes it over)
  --older-than AGE     first claimed at least AGE ago (90s, 15m, 36h, 7d)
  --newer-than AGE     first claimed less than AGE ago
  --limit N            records per page (default 50); the last line names the next page
  --after KEY          the page after KEY
${SCAN_HELP}
  --json               one JSON document: { records, next?, scanned, truncated }

${STORE_HELP}`,
  run,
};
