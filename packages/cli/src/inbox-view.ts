/**
 * How inbox entries are shown: a listing table, one entry in full (headers that carry
 * credentials masked; the body only on request), and the options that filter listings and
 * replays (`--provider`, `--type`, `--received-from`, `--received-before`).
 */
import type { InboxEntry, InboxEntrySummary, InboxListOptions } from '@hooklatch/core';
import { integerArg, type OptionSpec, timeArg } from './args';
import type { CliIo } from './io';
import { type Column, formatSpan, formatWhen, oneLine, printFields } from './output';

/** Filters shared by `inbox list`, `dlq` and `replay`. */
export const ENTRY_FILTERS = {
  provider: { type: 'string' },
  type: { type: 'string' },
  'received-from': { type: 'string' },
  'received-before': { type: 'string' },
} as const satisfies OptionSpec;

/** Help lines of {@link ENTRY_FILTERS}. */
export const ENTRY_FILTERS_HELP = `  --provider NAME      only this provider's entries
  --type TYPE          only this event type
  --received-from T    received at or after T (ISO date, or an age: 36h)
  --received-before T  received before T`;

type FilterValues = Partial<Record<keyof typeof ENTRY_FILTERS, string | undefined>>;

/** The filters as inbox options. */
export function entryFilters(command: string, values: FilterValues) {
  const now = Date.now();
  const from = values['received-from'];
  const before = values['received-before'];
  return {
    ...(values.provider === undefined ? {} : { provider: values.provider }),
    ...(values.type === undefined ? {} : { type: values.type }),
    ...(from === undefined ? {} : { receivedFrom: timeArg(command, 'received-from', from, now) }),
    ...(before === undefined
      ? {}
      : { receivedBefore: timeArg(command, 'received-before', before, now) }),
  } satisfies InboxListOptions;
}

/** Paging options of listings. */
export const PAGE_OPTIONS = {
  limit: { type: 'string' },
  cursor: { type: 'string' },
} as const satisfies OptionSpec;

/** Help lines of {@link PAGE_OPTIONS}. */
export const PAGE_HELP = `  --limit N            entries per page (default 50, at most 1000)
  --cursor C           the next page (the cursor the previous page printed)`;

/** The paging options as inbox options. */
export function pageOptions(
  command: string,
  values: { limit?: string | undefined; cursor?: string | undefined },
) {
  return {
    limit: integerArg(command, 'limit', values.limit, { fallback: 50, min: 1, max: 1000 }),
    ...(values.cursor === undefined ? {} : { cursor: values.cursor }),
  };
}

/** Listing columns; `error` adds the last error (dead letters). */
export function entryColumns(now: number, error: boolean): Column<InboxEntrySummary>[] {
  const columns: Column<InboxEntrySummary>[] = [
    { heading: 'KEY', cell: (e) => e.key },
    { heading: 'STATE', cell: (e) => e.state },
    { heading: 'TYPE', cell: (e) => e.type },
    { heading: 'ATTEMPTS', cell: (e) => String(e.attempts), right: true },
    {
      heading: 'RECEIVED',
      cell: (e) => `${formatSpan(now - e.receivedAt.getTime())} ago`,
      right: true,
    },
  ];
  if (error) {
    columns.push({
      heading: 'LAST ERROR',
      cell: (e) => (e.lastError ? `${e.lastError.code}: ${e.lastError.message}` : ''),
    });
  }
  return columns;
}

// Headers that carry credentials themselves (not a signature over the body): never printed.
const CREDENTIAL =
  /^(authorization|proxy-authorization|cookie|set-cookie)$|key|token|secret|password/;

/** Header values with credentials masked. */
export function shownHeaders(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [
      name,
      CREDENTIAL.test(name) ? '(hidden)' : value,
    ]),
  );
}

/** Print one entry in full; the body only with `body`. */
export function printEntry(io: CliIo, entry: InboxEntry, now: number, body: boolean): void {
  io.out(oneLine(entry.key));
  printFields(io, [
    ['provider', entry.provider],
    ['type', entry.type],
    ['state', entry.state],
    ['attempts', String(entry.attempts)],
    ['fence', String(entry.fence)],
    ['received', formatWhen(entry.receivedAt, now)],
    ['enqueued', formatWhen(entry.enqueuedAt, now)],
    ['available', entry.availableAt && formatWhen(entry.availableAt, now)],
    ['finished', entry.finishedAt && formatWhen(entry.finishedAt, now)],
    ['last error', entry.lastError && `${entry.lastError.code}: ${entry.lastError.message}`],
    [
      'replays',
      entry.replays > 0
        ? `${entry.replays}, last ${entry.replayedAt ? formatWhen(entry.replayedAt, now) : ''}: ${entry.replayReason ?? ''}`
        : undefined,
    ],
    ['keyIndex', entry.keyIndex === undefined ? undefined : String(entry.keyIndex)],
    ['digest', entry.digest],
    ['method', entry.method],
    ['body', `${entry.bodyBytes} bytes${body ? '' : ' (--body prints it)'}`],
  ]);
  io.out('  headers');
  for (const [name, value] of Object.entries(shownHeaders(entry.headers)))
    io.out(`    ${oneLine(name)}: ${oneLine(value)}`);
  if (body) {
    io.out('  body');
    io.out(new TextDecoder().decode(entry.body));
  }
}

/** The body as text when it is UTF-8, else base64 (so `--json` never changes a byte). */
function bodyJson(bytes: Uint8Array): { body: string } | { bodyBase64: string } {
  try {
    return { body: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { bodyBase64: Buffer.from(bytes).toString('base64') };
  }
}

/** An entry as `--json` prints it (credential headers masked; the body only with `body`). */
export function entryJson(entry: InboxEntry, body: boolean) {
  const { body: bytes, token: _token, ...rest } = entry;
  return { ...rest, headers: shownHeaders(entry.headers), ...(body ? bodyJson(bytes) : {}) };
}
