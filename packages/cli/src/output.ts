/**
 * How results are shown: aligned tables and `label  value` blocks for people, one JSON document
 * for scripts (`--json`). Dates are ISO in JSON and ISO plus a rounded age in tables.
 */
import type { CliIo } from './io';

/** A table column: its heading and how to read a row's cell. */
export interface Column<R> {
  heading: string;
  cell: (row: R) => string;
  /** Right-align (numbers). @default false */
  right?: boolean;
}

/** Print `rows` as a table with a heading line; prints `empty` instead when there are none. */
export function printTable<R>(io: CliIo, rows: readonly R[], columns: Column<R>[], empty: string) {
  if (rows.length === 0) {
    io.out(empty);
    return;
  }
  const cells = rows.map((row) => columns.map((c) => oneLine(c.cell(row))));
  const widths = columns.map((c, i) =>
    Math.max(c.heading.length, ...cells.map((r) => (r[i] as string).length)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((v, i) => (columns[i]?.right ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  io.out(line(columns.map((c) => c.heading)));
  for (const row of cells) io.out(line(row));
}

/** Print `label  value` lines, labels padded to one width; undefined values are left out. */
export function printFields(
  io: CliIo,
  fields: ReadonlyArray<readonly [string, string | undefined]>,
) {
  const shown = fields.filter((f): f is readonly [string, string] => f[1] !== undefined);
  const width = Math.max(...shown.map(([label]) => label.length));
  for (const [label, value] of shown) io.out(`  ${label.padEnd(width)}  ${oneLine(value)}`);
}

/** Print one JSON document (dates as ISO strings, Uint8Array as base64). */
export function printJson(io: CliIo, value: unknown): void {
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v),
    2,
  );
  // JSON.stringify escapes only C0 controls: write the rest of the set as \uNNNN too (the same
  // string once parsed), so no terminal sees them raw.
  io.out(text.replace(PAST_C0, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * What never reaches the terminal as is (a key, a header or an error message from elsewhere):
 * C0 and C1 controls and DEL (escape sequences: U+009B starts one on some terminals), line and
 * paragraph separators, and the bidirectional marks, embeddings, overrides and isolates, which
 * can make the rest of a line read backwards.
 */
const CONTROL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The set without the C0 controls (which JSON.stringify escapes itself, bar its own newlines). */
const PAST_C0 = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** The same set, to test for one (no `g` flag, no `lastIndex`). */
const HAS_CONTROL = new RegExp(CONTROL.source);

/** One character as an escape: `\xNN` up to U+00FF, `\uNNNN` above. */
function escaped(c: string): string {
  const code = c.charCodeAt(0);
  return code <= 0xff
    ? `\\x${code.toString(16).padStart(2, '0')}`
    : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `value` with those characters escaped (`\x1b`, `\u202e`): a key from a store on one safe line. */
export function oneLine(value: string): string {
  return value.replace(CONTROL, escaped);
}

/**
 * `text` with every such character but line breaks and tabs escaped: what the executable writes
 * to stdout and stderr, whatever a command printed (a multi-line table or help stays as it is).
 */
export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => (c === '\n' || c === '\t' ? c : escaped(c)));
}

/** Characters a shell word may hold unquoted. */
const SHELL_SAFE = /^[A-Za-z0-9_.:@%+=,/-]+$/;

/**
 * `value` as one shell word, for a command line printed to be pasted: as is when it holds only
 * safe characters, in single quotes otherwise (a `'` inside written `'\''`), and as `$'...'`
 * with escapes when it holds a control character, which must neither reach the terminal nor
 * change on the way back into the command.
 */
export function shellWord(value: string): string {
  if (SHELL_SAFE.test(value)) return value;
  if (!HAS_CONTROL.test(value)) return `'${value.replaceAll("'", "'\\''")}'`;
  // Inside $'...' a \xNN is one byte: anything past ASCII is written as its \uNNNN character.
  const inAnsiC = (c: string) => {
    const code = c.charCodeAt(0);
    return code < 0x80 ? escaped(c) : `\\u${code.toString(16).padStart(4, '0')}`;
  };
  return `$'${value.replace(/[\\']/g, (c) => `\\${c}`).replace(CONTROL, inAnsiC)}'`;
}

/** `3 s`, `12 min`, `5 h`, `9 d`: an age or a remaining time, rounded down. */
export function formatSpan(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 60_000) return `${Math.floor(abs / 1000)} s`;
  if (abs < 3_600_000) return `${Math.floor(abs / 60_000)} min`;
  if (abs < 172_800_000) return `${Math.floor(abs / 3_600_000)} h`;
  return `${Math.floor(abs / 86_400_000)} d`;
}

/** An ISO date with how long ago (or from now) it is. */
export function formatWhen(date: Date, now: number): string {
  const delta = date.getTime() - now;
  return `${date.toISOString()} (${delta <= 0 ? `${formatSpan(delta)} ago` : `in ${formatSpan(delta)}`})`;
}
