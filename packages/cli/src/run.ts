/** Command dispatch: `hooklatch <command> ...`. Usage mistakes exit 2, findings exit 1. */
import { explain } from './explain';
import { type CliIo, UsageError } from './io';
import { storm } from './storm';

const HELP = `hooklatch: exactly-once webhook handling, from the command line.

  hooklatch explain <qualio|creatio> <body.json> [other.json]
      The dedupe key of an ID-less delivery and every part of its fingerprint; with two bodies,
      whether they collapse and which parts differ (exit 1 when they do not).

  hooklatch storm <url> --body <file> [--header "Name: value"]... [--copies 5] [--retries 2]
                  [--hmac-header NAME --hmac-secret-env VAR [--hmac-prefix sha256=]
                   [--hmac-encoding hex|base64]] [--timeout-ms 30000]
      Send one delivery to your endpoint as concurrent copies and then retries, print every
      answer, and judge a hooklatch route's answers (exit 1 when it processed more than once).

A file name of - reads standard input.`;

const COMMANDS: Record<string, (args: readonly string[], io: CliIo) => Promise<number>> = {
  explain,
  storm,
};

/** Run the command line `argv` (without the node and script paths); returns the exit code. */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    io.out(HELP);
    return command === undefined ? 2 : 0;
  }
  const handler = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  try {
    if (handler === undefined) throw new UsageError(`unknown command "${command}".`);
    return await handler(rest, io);
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
    ) {
      io.err(`hooklatch ${(error as Error).message}\nRun \`hooklatch help\` for usage.`);
      return 2;
    }
    // A hooklatch error (e.g. PAYLOAD_INVALID for a body that is not a valid event) says why.
    io.err(`hooklatch: ${(error as Error).message}`);
    return 1;
  }
}
