/**
 * `hooklatch replay`: run finished inbox entries again on purpose, with the reason recorded on
 * each. The inbox never touches a running entry, so a replay cannot race a live run (an entry
 * completed early by its handler's `ctx.complete()` counts as finished).
 */
import { choiceArg, integerArg, parseCommand, positionalCount } from '../args';
import type { Command } from '../command';
import { ENTRY_FILTERS, ENTRY_FILTERS_HELP, entryFilters } from '../inbox-view';
import { type CliIo, EXIT, UsageError } from '../io';
import { printJson } from '../output';
import { withStore } from '../store/connection';
import { STORE_HELP, STORE_OPTIONS, storeSettings } from '../store/options';

const OPTIONS = {
  ...STORE_OPTIONS,
  ...ENTRY_FILTERS,
  reason: { type: 'string' },
  state: { type: 'string' },
  limit: { type: 'string' },
} as const;

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand('replay', args, OPTIONS);
  positionalCount(
    'replay',
    positionals,
    0,
    1,
    'give at most one key (or select with --provider, --type, times)',
  );
  const key = positionals[0];
  const reason = values.reason?.trim();
  if (!reason)
    throw new UsageError('replay: give --reason TEXT (it is recorded on every entry replayed).');
  if (reason.length > 500) throw new UsageError('replay: --reason is at most 500 characters.');
  const filters = entryFilters('replay', values);
  if (
    key === undefined &&
    filters.provider === undefined &&
    !filters.receivedFrom &&
    !filters.receivedBefore
  ) {
    throw new UsageError(
      'replay: select entries: a KEY, --provider, or a --received-from/--received-before bound.',
    );
  }
  const state = choiceArg('replay', 'state', values.state, ['dead', 'completed', 'all'], 'dead');
  const states =
    state === 'all' ? (['completed', 'dead'] as const) : [state as 'completed' | 'dead'];
  const limit = integerArg('replay', 'limit', values.limit, {
    fallback: 1000,
    min: 1,
    max: 10_000,
  });
  const settings = storeSettings('replay', values, io);
  const replayed = await withStore(settings, (store) =>
    store
      .inbox()
      .replay({ reason, states, limit, ...filters, ...(key === undefined ? {} : { key }) }),
  );
  if (values.json) printJson(io, { replayed });
  else if (replayed === 0) io.err(`nothing replayed: no ${states.join(' or ')} entries match.`);
  else
    io.out(
      `replayed ${replayed} entr${replayed === 1 ? 'y' : 'ies'}: pending again, a worker runs ${replayed === 1 ? 'it' : 'them'} next.`,
    );
  return replayed === 0 ? EXIT.finding : EXIT.ok;
}

/** `hooklatch replay`. */
export const replayCommand: Command = {
  name: 'replay',
  summary: 'run dead-lettered (or completed) inbox entries again, with a reason',
  help: `hooklatch replay [KEY] --reason TEXT [--provider NAME] [--type TYPE]
                 [--received-from T] [--received-before T] [--state dead|completed|all]
                 [--limit 1000] [--json]

Make finished inbox entries pending again: attempts reset, the replay counted and --reason
recorded on each. Select by KEY, by --provider (and --type), or by time. Running entries are
never touched (an entry its handler completed with ctx.complete() is finished from then on,
even while that handler returns). Exit 1 when nothing matched.
  --reason TEXT        why (1 to 500 characters), e.g. "fixed the schema bug, #4123"
  --state STATE        which finished entries: dead (default), completed or all
  --limit N            at most N entries (default 1000, at most 10000)
${ENTRY_FILTERS_HELP}

${STORE_HELP}`,
  run,
};
