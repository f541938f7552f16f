/**
 * What the commands that read the dedupe store's records (`list`, `stats`, `purge`) share:
 * their options (the store's, `--scan` and `--provider`), parsing a command that takes no
 * arguments, and one bounded, key-ordered read of the records `--provider` selects.
 */
import { type OptionSpec, type ParsedCommand, parseCommand, positionalCount } from '../args';
import { SCAN_OPTION, type Scan, scanRecords } from '../records';
import { withStore } from '../store/connection';
import { STORE_OPTIONS, type StoreSettings } from '../store/options';

/** The options every record command takes; each command's help describes `--provider`. */
export const RECORD_OPTIONS = {
  ...STORE_OPTIONS,
  ...SCAN_OPTION,
  provider: { type: 'string' },
} as const satisfies OptionSpec;

/**
 * Parse `args` of `command`: {@link RECORD_OPTIONS} and its own `options`, no positional
 * arguments (`what` is the usage error's text when some are given).
 */
export function parseRecordCommand<const O extends OptionSpec>(
  command: string,
  args: readonly string[],
  options: O,
  what = 'takes no arguments',
): ParsedCommand<typeof RECORD_OPTIONS & O>['values'] {
  const { values, positionals } = parseCommand(command, args, { ...RECORD_OPTIONS, ...options });
  positionalCount(command, positionals, 0, 0, what);
  return values;
}

/** Read at most `scan` records of `provider` (all when undefined) from the store, by key. */
export function readRecords(
  settings: StoreSettings,
  provider: string | undefined,
  scan: number,
): Promise<Scan> {
  return withStore(settings, (store) => scanRecords(store.dedupe, { provider, limit: scan }));
}
