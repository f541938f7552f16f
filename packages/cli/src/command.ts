/** The shape every `hooklatch` command has: its help and its run. */
import type { CliIo } from './io';

/** One command (or subcommand). */
export interface Command {
  readonly name: string;
  /** One line for `hooklatch help`. */
  readonly summary: string;
  /** The whole text of `hooklatch <name> --help`. */
  readonly help: string;
  /** Run with the arguments after the command name; returns the exit code. */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** True when the arguments ask for help (before any other parsing, so it always works). */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  const options = end === -1 ? args : args.slice(0, end);
  return options.includes('--help') || options.includes('-h');
}
