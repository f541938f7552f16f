/**
 * Argument parsing shared by every command: node's `parseArgs` in strict mode with `--help` and
 * `--json` added, and the value forms operators type (`7d`, `90m`, a date or an age). Every
 * mistake is a {@link UsageError} naming the option, so it exits 2 with no stack trace.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './io';

/** The options of one command, in `parseArgs` form. */
export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

const COMMON = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
} as const satisfies OptionSpec;

type ValueOf<D> = D extends { type: 'boolean' }
  ? D extends { multiple: true }
    ? boolean[]
    : boolean
  : D extends { multiple: true }
    ? string[]
    : string;

/** What {@link parseCommand} returns: each option's value (absent when not given). */
export interface ParsedCommand<O extends OptionSpec> {
  values: { [K in keyof O]?: ValueOf<O[K]> } & { help?: boolean; json?: boolean };
  positionals: string[];
}

/** Parse `args` for `command`; unknown options and missing values are usage mistakes. */
export function parseCommand<const O extends OptionSpec>(
  command: string,
  args: readonly string[],
  options: O,
): ParsedCommand<O> {
  try {
    return parseArgs({
      args: [...args],
      options: { ...COMMON, ...options },
      allowPositionals: true,
      strict: true,
    }) as unknown as ParsedCommand<O>;
  } catch (error) {
    throw new UsageError(`${command}: ${(error as Error).message.split('\n')[0]}`);
  }
}

const UNITS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

/** `90s`, `15m`, `36h`, `7d`, `2w` (or a sum, `1h30m`) as milliseconds. */
export function durationArg(command: string, option: string, value: string): number {
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g)];
  const whole = parts.map((p) => p[0]).join('');
  if (parts.length === 0 || whole !== value) {
    throw new UsageError(`${command}: --${option} is a duration such as 90s, 15m, 36h or 7d.`);
  }
  return parts.reduce((sum, [, n, unit]) => sum + Number(n) * (UNITS[unit as string] ?? 0), 0);
}

/** A whole number from `min` to `max`, or `fallback` when the option is absent. */
export function integerArg(
  command: string,
  option: string,
  value: string | undefined,
  range: { fallback: number; min: number; max: number },
): number {
  if (value === undefined) return range.fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < range.min || n > range.max) {
    throw new UsageError(
      `${command}: --${option} must be a whole number from ${range.min} to ${range.max}.`,
    );
  }
  return n;
}

/** A point in time: an ISO date (`2025-03-01`, `2025-03-01T10:00:00Z`) or an age (`36h` ago). */
export function timeArg(command: string, option: string, value: string, now: number): Date {
  if (/^\d+(?:\.\d+)?(ms|s|m|h|d|w)/.test(value)) {
    return new Date(now - durationArg(command, option, value));
  }
  const date = /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    throw new UsageError(
      `${command}: --${option} is an ISO date (2025-03-01T10:00:00Z) or an age (36h).`,
    );
  }
  return date;
}

/** `--header "Name: value"` values as lower-cased header names. */
export function headerArgs(command: string, values: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    if (colon <= 0) throw new UsageError(`${command}: --header "${value}" is not "Name: value".`);
    headers[value.slice(0, colon).trim().toLowerCase()] = value.slice(colon + 1).trim();
  }
  return headers;
}

/** One of `choices`, or `fallback` when absent. */
export function choiceArg<const C extends string>(
  command: string,
  option: string,
  value: string | undefined,
  choices: readonly C[],
  fallback?: C,
): C | undefined {
  if (value === undefined) return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw new UsageError(`${command}: --${option} is one of ${choices.join(', ')}.`);
  }
  return value as C;
}

/** Refuse positionals beyond `max` (and fewer than `min`) with the command's usage line. */
export function positionalCount(
  command: string,
  positionals: readonly string[],
  min: number,
  max: number,
  what: string,
): void {
  if (positionals.length < min || positionals.length > max) {
    throw new UsageError(`${command}: ${what}.`);
  }
}
