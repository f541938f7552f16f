/**
 * English messages for zod issues when the application configured no locale. `zod` installs its
 * English locale itself, while `zod/mini` (what the adapters use, for bundle size) installs none
 * and would say only "Invalid input". zod's own English locale covers every format and unit of
 * every schema kind and weighs about 1 KB gzipped in an edge bundle; these are its words for the
 * issues payload schemas raise (types, literals, enums, sizes, patterns), and a shorter text for
 * the rest. No payload text appears: only what the schema expected and the received type (a
 * strict object's unknown keys are counted, not named, since the sender chose them).
 */
import type { $ZodRawIssue } from 'zod/v4/core';

const UNITS: Readonly<Record<string, string>> = {
  string: 'characters',
  array: 'items',
  set: 'items',
  file: 'bytes',
  map: 'entries',
};

const FORMATS: Readonly<Record<string, string>> = {
  email: 'email address',
  url: 'URL',
  uuid: 'UUID',
  datetime: 'ISO datetime',
  date: 'ISO date',
};

/** The received type as zod names it for JSON values (`NaN` for a NaN number). */
function typeOf(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  return typeof input === 'number' && Number.isNaN(input) ? 'NaN' : typeof input;
}

const show = (value: unknown) => (typeof value === 'string' ? `"${value}"` : String(value));

/** The English message of `issue`. */
export function englishIssueMessage(issue: $ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Invalid input: expected ${issue.expected}, received ${typeOf(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Invalid input: expected ${show(issue.values[0])}`
        : `Invalid option: expected one of ${issue.values.map(show).join('|')}`;
    case 'too_big':
    case 'too_small': {
      const big = issue.code === 'too_big';
      const limit = String(big ? issue.maximum : issue.minimum);
      const than = issue.inclusive ? (big ? '<=' : '>=') : big ? '<' : '>';
      const adj = issue.exact ? 'exactly ' : than;
      const unit = UNITS[issue.origin ?? ''];
      const what = unit ? `have ${adj}${limit} ${unit}` : `be ${adj}${limit}`;
      return `Too ${big ? 'big' : 'small'}: expected ${issue.origin ?? 'value'} to ${what}`;
    }
    case 'invalid_format':
      return issue.format === 'regex'
        ? `Invalid string: must match pattern ${(issue as { pattern?: unknown }).pattern}`
        : `Invalid ${FORMATS[issue.format] ?? issue.format}`;
    case 'not_multiple_of':
      return `Invalid number: must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `Unrecognized keys (${issue.keys.length})`;
    default:
      return 'Invalid input';
  }
}
