/** `hooklatch dlq`: the inbox's dead letters, with the error that put each one there. */
import type { Command } from '../command';
import { ENTRY_FILTERS_HELP, PAGE_HELP } from '../inbox-view';
import { STORE_HELP } from '../store/options';
import { listEntries } from './inbox-list';

/** `hooklatch dlq`. */
export const dlqCommand: Command = {
  name: 'dlq',
  summary: 'list dead-lettered inbox entries with their last error',
  help: `hooklatch dlq [filters] [--limit 50] [--cursor C] [--json]

List the inbox entries that went to the dead letters (attempts used up, or a payload its schema
refused), with the last error of each. Run them again with hooklatch replay.
${ENTRY_FILTERS_HELP}
${PAGE_HELP}

${STORE_HELP}`,
  run: (args, io) => listEntries('dlq', args, io, 'dead'),
};
