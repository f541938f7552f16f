/**
 * `hooklatch inbox list|inspect|stats|purge`: the durable inbox beside the dedupe store (same
 * backend, its own table), through the InboxStore contract: listings page with the inbox's
 * own cursor.
 */
import { INBOX_STATES } from '@hooklatch/core';
import { choiceArg, durationArg, parseCommand, positionalCount } from '../args';
import { type Command, wantsHelp } from '../command';
import { entryJson, printEntry } from '../inbox-view';
import { EXIT, UsageError } from '../io';
import { oneLine, printJson, printTable } from '../output';
import { withStore } from '../store/connection';
import { STORE_HELP, STORE_OPTIONS, storeSettings } from '../store/options';
import { inboxListCommand } from './inbox-list';

const inspect: Command = {
  name: 'inspect',
  summary: 'one inbox entry in full',
  help: `hooklatch inbox inspect KEY [--body] [--json]

Show the inbox entry of KEY: state, attempts, fence, times, last error, replays, the stored
headers (credentials masked) and, with --body, the stored body. Exit 1 when there is none.

${STORE_HELP}`,
  async run(args, io) {
    const { values, positionals } = parseCommand('inbox inspect', args, {
      ...STORE_OPTIONS,
      body: { type: 'boolean' },
    });
    positionalCount('inbox inspect', positionals, 1, 1, 'give one key');
    const key = positionals[0] as string;
    const settings = storeSettings('inbox inspect', values, io);
    const entry = await withStore(settings, (store) => store.inbox().get(key));
    const body = values.body === true;
    if (values.json) printJson(io, { key, entry: entry === null ? null : entryJson(entry, body) });
    else if (entry === null) io.err(`no inbox entry for ${oneLine(key)}.`);
    else printEntry(io, entry, Date.now(), body);
    return entry === null ? EXIT.finding : EXIT.ok;
  },
};

const stats: Command = {
  name: 'stats',
  summary: 'inbox counts by provider and state',
  help: `hooklatch inbox stats [--json]

Count the inbox's entries by provider and state, and how many a worker could claim now.

${STORE_HELP}`,
  async run(args, io) {
    const { values, positionals } = parseCommand('inbox stats', args, STORE_OPTIONS);
    positionalCount('inbox stats', positionals, 0, 0, 'takes no arguments');
    const settings = storeSettings('inbox stats', values, io);
    const counts = await withStore(settings, (store) => store.inbox().stats());
    if (values.json) {
      printJson(io, counts);
      return EXIT.ok;
    }
    const rows = [...Object.entries(counts.providers), ['all', counts.states] as const];
    printTable(
      io,
      counts.total === 0 ? [] : rows,
      [
        { heading: 'PROVIDER', cell: ([p]) => p },
        ...INBOX_STATES.map((s) => ({
          heading: s.toUpperCase(),
          cell: ([, c]: (typeof rows)[number]) => String(c[s]),
          right: true,
        })),
      ],
      'the inbox is empty.',
    );
    io.out(`ready to claim now: ${counts.ready}`);
    return EXIT.ok;
  },
};

const purge: Command = {
  name: 'purge',
  summary: 'delete finished entries older than an age',
  help: `hooklatch inbox purge --older-than AGE [--state completed|dead|all] [--json]

Delete entries that finished (completed, or dead-lettered with --state dead/all) at least AGE
ago (90s, 15m, 36h, 7d). Keep completed entries at least as long as the provider retries: a copy
of a purged key is enqueued as a new delivery.

${STORE_HELP}`,
  async run(args, io) {
    const options = {
      ...STORE_OPTIONS,
      'older-than': { type: 'string' },
      state: { type: 'string' },
    } as const;
    const { values, positionals } = parseCommand('inbox purge', args, options);
    positionalCount('inbox purge', positionals, 0, 0, 'takes no arguments');
    const olderThan = values['older-than'];
    if (olderThan === undefined) throw new UsageError('inbox purge: give --older-than AGE.');
    const olderThanMs = durationArg('inbox purge', 'older-than', olderThan);
    const state = choiceArg(
      'inbox purge',
      'state',
      values.state,
      ['completed', 'dead', 'all'],
      'completed',
    );
    const states =
      state === 'all' ? (['completed', 'dead'] as const) : [state as 'completed' | 'dead'];
    const settings = storeSettings('inbox purge', values, io);
    const removed = await withStore(settings, (store) =>
      store.inbox().purge({ olderThanMs, states }),
    );
    if (values.json) printJson(io, { removed });
    else
      io.out(
        `removed ${removed} ${states.join(' and ')} entr${removed === 1 ? 'y' : 'ies'} finished ${olderThan} ago or earlier.`,
      );
    return EXIT.ok;
  },
};

const SUBCOMMANDS: Readonly<Record<string, Command>> = {
  list: inboxListCommand,
  inspect,
  stats,
  purge,
};

const HELP = `hooklatch inbox <list|inspect|stats|purge> ... [--json]

The durable inbox on the same store (its own table):
${Object.values(SUBCOMMANDS)
  .map((c) => `  inbox ${c.name.padEnd(8)} ${c.summary}`)
  .join('\n')}
Run hooklatch inbox <subcommand> --help for its options.`;

/** `hooklatch inbox`. */
export const inboxCommand: Command = {
  name: 'inbox',
  summary: 'the durable inbox: list, inspect, stats, purge',
  help: HELP,
  async run(args, io) {
    const [name, ...rest] = args;
    const sub =
      name !== undefined && Object.hasOwn(SUBCOMMANDS, name) ? SUBCOMMANDS[name] : undefined;
    if (sub === undefined) {
      if (name === undefined || wantsHelp(args)) {
        io.out(HELP);
        return name === undefined ? EXIT.usage : EXIT.ok;
      }
      throw new UsageError(`inbox: unknown subcommand "${name}" (list, inspect, stats, purge).`);
    }
    if (wantsHelp(rest)) {
      io.out(sub.help);
      return EXIT.ok;
    }
    return sub.run(rest, io);
  },
};
