/**
 * Command dispatch: `hooklatch <command> ...`, `--help` anywhere, `--version`. Exit codes: 0 all
 * is well, 1 a finding or a failure (said in words, never a stack trace), 2 a usage mistake.
 */
import { version } from '../package.json';
import { type Command, wantsHelp } from './command';
import { dlqCommand } from './commands/dlq';
import { explainCommand } from './commands/explain';
import { inboxCommand } from './commands/inbox';
import { inspectCommand } from './commands/inspect';
import { listCommand } from './commands/list';
import { purgeCommand } from './commands/purge';
import { releaseCommand } from './commands/release';
import { replayCommand } from './commands/replay';
import { statsCommand } from './commands/stats';
import { stormCommand } from './commands/storm';
import { verifyCommand } from './commands/verify';
import { describeFailure, isOptionMistake } from './failure';
import { type CliIo, EXIT, UsageError } from './io';

const COMMANDS: readonly Command[] = [
  listCommand,
  inspectCommand,
  releaseCommand,
  purgeCommand,
  statsCommand,
  inboxCommand,
  dlqCommand,
  replayCommand,
  verifyCommand,
  stormCommand,
  explainCommand,
];

const HELP = `hooklatch ${version}: exactly-once webhook handling, from the command line.

Usage: hooklatch <command> [options]

${COMMANDS.map((c) => `  ${c.name.padEnd(9)} ${c.summary}`).join('\n')}

Store commands name the store with --store URL (or HOOKLATCH_STORE): sqlite:./hooklatch.db,
redis://host:6379, postgres://user@host/db, mysql://user@host/db.
Every command takes --help, and --json for one JSON document on stdout.
Exit codes: 0 ok, 1 a finding or a failure, 2 a usage mistake. A file name of - reads stdin.`;

/** Run the command line `argv` (without the node and script paths); returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    const topic = name === 'help' ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.out(topic?.help ?? HELP);
    return name === undefined ? EXIT.usage : EXIT.ok;
  }
  if (name === '--version' || name === '-v' || name === 'version') {
    io.out(version);
    return EXIT.ok;
  }
  const command = COMMANDS.find((c) => c.name === name);
  try {
    if (command === undefined) throw new UsageError(`unknown command "${name}".`);
    // `inbox` has subcommands with help of their own.
    if (command !== inboxCommand && wantsHelp(rest)) {
      io.out(command.help);
      return EXIT.ok;
    }
    return await command.run(rest, io);
  } catch (error) {
    const help = `Run \`hooklatch ${command ? `${command.name} ` : ''}--help\` for usage.`;
    if (error instanceof UsageError) {
      io.err(`hooklatch ${error.message}\n${help}`);
      return EXIT.usage;
    }
    if (isOptionMistake(error)) {
      io.err(`hooklatch ${name}: ${describeFailure(error)}\n${help}`);
      return EXIT.usage;
    }
    io.err(`hooklatch ${name}: ${describeFailure(error)}`);
    // The stack is for bug reports only, on request.
    if (io.env.HOOKLATCH_DEBUG) io.err(String((error as Error)?.stack ?? error));
    return EXIT.finding;
  }
}
