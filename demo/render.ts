/** The report as text for people: one table per provider, the comparisons, the invariant. */
import { PROVIDERS } from './providers';
import type { Counts, DemoReport } from './report';

type Cell = string | number;

function table(header: readonly string[], rows: readonly Cell[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells: readonly Cell[]) =>
    cells
      .map((c, i) =>
        typeof c === 'number'
          ? String(c).padStart(widths[i] ?? 0)
          : String(c).padEnd(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const COLUMNS = [
  'events',
  'sent',
  'accepted',
  'duplicates',
  'in-flight',
  'rejected',
  'failed',
  'processed',
  'side effects',
];

const counts = (c: Counts): Cell[] => [
  c.events,
  c.sent,
  c.accepted,
  c.duplicates,
  c.inFlight,
  c.rejected,
  c.failed,
  c.processed,
  c.sideEffects,
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The whole report as lines of text. */
export function renderReport(report: DemoReport): string {
  const out: string[] = [];
  out.push(
    `hooklatch demo: ${PROVIDERS.length} providers -> one HTTP receiver on 127.0.0.1, store ${report.store}` +
      (report.withoutDedupe ? ', DIRECT ROUTES WITHOUT DEDUPE' : ''),
    'direct = handleWebhook inside the request; inbox = inboxReceiver answers 202, a worker runs the handler',
    'accepted = first 2xx (processed or enqueued); in-flight = 409 while another copy runs; failed = timeout or 5xx',
    '',
  );
  for (const name of PROVIDERS) {
    const { rows, total } = report.providers[name];
    out.push(name);
    out.push(
      table(
        ['scenario', 'mode', ...COLUMNS],
        [...rows.map((r) => [r.scenario, r.mode, ...counts(r)]), ['total', '', ...counts(total)]],
      ),
      '',
    );
  }
  const slow = report.slowHandler;
  out.push(
    `slow handler: the Creatio-like sender waits ${slow.senderTimeoutMs} ms, the handler works ` +
      `${slow.handlerMs} ms (30 s against 39 s, scaled 1:60)`,
    table(
      [
        'mode',
        'events',
        'sent',
        'timeouts',
        '409 in flight',
        'sender failures',
        'slowest 2xx',
        'side effects',
      ],
      (['direct', 'inbox'] as const).map((mode) => {
        const m = slow[mode];
        return [
          mode,
          m.events,
          m.sent,
          m.timeouts,
          m.inFlight,
          m.failures,
          seconds(m.slowestAcknowledgementMs),
          m.sideEffects,
        ];
      }),
    ),
    '',
  );
  const edits = report.rapidEdits;
  out.push(
    `rapid edits: ${edits.edits} Qualio-like edits of one record, all stamped ${edits.timestamp}, no event ID -> ` +
      `${edits.distinctKeys} distinct fingerprints, ${edits.sideEffects} side effects`,
  );
  const replay = report.replay;
  out.push(
    `replay: Stripe invoice.paid failed ${replay.attemptsBeforeDeadLetter} attempts (${replay.lastError ?? 'no error kept'}) ` +
      `and went to the dead letters; after the fix, replay (${replay.replayed} entry) -> completed ` +
      `${replay.completedAfterReplay}x, ${replay.sideEffects} side effect; Stripe's late retry: ${replay.lateRetry}`,
    '',
  );
  const check = report.invariant;
  const mark = check.holds ? '✓' : '✗';
  out.push(
    `${mark} every distinct event produced exactly one side effect ` +
      `(${check.distinctEvents} events, ${check.sideEffects} side effects counted in the application's SQLite database)`,
  );
  if (check.holds) {
    out.push(
      '✓ every authentic delivery got a 2xx; no tampered or stale delivery reached a handler',
    );
  } else {
    out.push(
      `${check.violations.length} violation(s):`,
      ...check.violations.slice(0, 12).map((v) => `  - ${v}`),
    );
    if (check.violations.length > 12)
      out.push(`  ... and ${check.violations.length - 12} more (see --json)`);
  }
  out.push(`(${seconds(report.durationMs)})`);
  return out.join('\n');
}
