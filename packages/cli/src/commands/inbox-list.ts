/** `hooklatch inbox list` and the listing `dlq` shares: inbox entries a page at a time. */
import { INBOX_STATES, type InboxState } from '@hooklatch/core';
import { choiceArg, parseCommand, positionalCount } from '../args';
import type { Command } from '../command';
import {
  ENTRY_FILTERS,
  ENTRY_FILTERS_HELP,
  entryColumns,
  entryFilters,
  PAGE_HELP,
  PAGE_OPTIONS,
  pageOptions,
} from '../inbox-view';
import { type CliIo, EXIT, UsageError } from '../io';
import { printJson, printTable, shellWord } from '../output';
import { withStore } from '../store/connection';
import { STORE_HELP, STORE_OPTIONS, storeSettings } from '../store/options';

const LIST_OPTIONS = {
  ...STORE_OPTIONS,
  ...ENTRY_FILTERS,
  ...PAGE_OPTIONS,
  state: { type: 'string' },
} as const;

/** List entries; shared with `dlq` (which fixes the state). */
export async function listEntries(
  command: string,
  args: readonly string[],
  io: CliIo,
  fixed?: InboxState,
) {
  const { values, positionals } = parseCommand(command, args, LIST_OPTIONS);
  positionalCount(
    command,
    positionals,
    0,
    0,
    'takes no arguments (filter with --provider, --state)',
  );
  if (fixed !== undefined && values.state !== undefined)
    throw new UsageError(`${command}: lists ${fixed} entries only.`);
  const state = fixed ?? choiceArg(command, 'state', values.state, INBOX_STATES);
  const options = {
    ...entryFilters(command, values),
    ...pageOptions(command, values),
    ...(state === undefined ? {} : { state }),
  };
  const settings = storeSettings(command, values, io);
  const page = await withStore(settings, (store) => store.inbox().list(options));
  if (values.json) {
    printJson(io, page);
    return EXIT.ok;
  }
  const now = Date.now();
  printTable(
    io,
    page.entries,
    entryColumns(now, state === 'dead'),
    `no ${state ?? 'inbox'} entries match.`,
  );
  if (page.cursor !== undefined) {
    io.out(`more: hooklatch ${command} ... --cursor=${shellWord(page.cursor)}`);
  }
  return EXIT.ok;
}

/** `hooklatch inbox list`. */
export const inboxListCommand: Command = {
  name: 'list',
  summary: 'list inbox entries',
  help: `hooklatch inbox list [--state pending|running|completed|dead] [filters] [--limit 50] [--cursor C] [--json]

List the inbox's entries in key order, a page at a time.
  --state STATE        only entries in this state
${ENTRY_FILTERS_HELP}
${PAGE_HELP}

${STORE_HELP}`,
  run: (args, io) => listEntries('inbox list', args, io),
};
