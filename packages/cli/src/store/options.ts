/**
 * The options every store command shares: where the store is (`--store URL`, or the
 * `HOOKLATCH_STORE` variable so a password in the URL stays out of shell history) and how the
 * application configured it (`--prefix`, `--table`, `--inbox-table`, `--queue`).
 */
import { integerArg, type OptionSpec } from '../args';
import { type CliIo, UsageError } from '../io';
import { parseStoreUrl, type StoreTarget } from './url';

/** The store options in `parseArgs` form. */
export const STORE_OPTIONS = {
  store: { type: 'string' },
  prefix: { type: 'string' },
  table: { type: 'string' },
  'inbox-table': { type: 'string' },
  'inbox-prefix': { type: 'string' },
  queue: { type: 'string' },
  'timeout-ms': { type: 'string' },
} as const satisfies OptionSpec;

/** The store options' help lines, appended to each store command's help. */
export const STORE_HELP = `Store options:
  --store URL          sqlite:./hooklatch.db, redis://host:6379, postgres://user@host/db or
                       mysql://user@host/db (default: the HOOKLATCH_STORE variable)
  --prefix TEXT        the store's key prefix, as configured in the application (default hooklatch:)
  --table NAME         SQL dedupe table (default hooklatch_dedupe)
  --inbox-table NAME   SQL inbox table (default hooklatch_inbox)
  --inbox-prefix TEXT  Redis inbox key prefix (default hooklatch:inbox:)
  --queue NAME         inbox queue (default default)
  --timeout-ms N       longest wait for the connection and for each store call (default 5000)`;

/** What {@link connectStore} needs. */
export interface StoreSettings {
  target: StoreTarget;
  prefix?: string;
  table?: string;
  inboxTable?: string;
  inboxPrefix?: string;
  queue?: string;
  timeoutMs: number;
}

/** The store settings from parsed option values. */
export function storeSettings(
  command: string,
  values: Partial<Record<keyof typeof STORE_OPTIONS, string | boolean | undefined>>,
  io: CliIo,
): StoreSettings {
  const given = (values.store as string | undefined) ?? io.env.HOOKLATCH_STORE;
  if (given === undefined || given === '') {
    throw new UsageError(`${command}: name the store with --store URL (or set HOOKLATCH_STORE).`);
  }
  const text = (name: keyof typeof STORE_OPTIONS) => values[name] as string | undefined;
  return {
    target: parseStoreUrl(given),
    ...(text('prefix') === undefined ? {} : { prefix: text('prefix') }),
    ...(text('table') === undefined ? {} : { table: text('table') }),
    ...(text('inbox-table') === undefined ? {} : { inboxTable: text('inbox-table') }),
    ...(text('inbox-prefix') === undefined ? {} : { inboxPrefix: text('inbox-prefix') }),
    ...(text('queue') === undefined ? {} : { queue: text('queue') }),
    timeoutMs: integerArg(command, 'timeout-ms', text('timeout-ms'), {
      fallback: 5000,
      min: 1,
      max: 600_000,
    }),
  };
}
