/** `hooklatch inspect KEY`: one dedupe record, all of it, and what its state means. */
import type { DedupeRecord } from '@hooklatch/core';
import { parseCommand, positionalCount } from '../args';
import type { Command } from '../command';
import { type CliIo, EXIT } from '../io';
import { formatSpan, formatWhen, oneLine, printFields, printJson } from '../output';
import { providerOf, recordJson, statusOf } from '../records';
import { withStore } from '../store/connection';
import { STORE_HELP, STORE_OPTIONS, storeSettings } from '../store/options';

/** What the record's state means for the next delivery of its event. */
export function stateMeaning(record: DedupeRecord, now: number): string {
  switch (statusOf(record, now)) {
    case 'completed':
      return `completed: re-deliveries are answered as duplicates until it expires (in ${formatSpan(record.expiresAt.getTime() - now)})`;
    case 'in_flight':
      return `in flight: a handler holds a live lease for ${formatSpan(record.leaseExpiresAt.getTime() - now)} more; copies get 409 meanwhile`;
    case 'stalled':
      return `stalled: the lease ended ${formatSpan(now - record.leaseExpiresAt.getTime())} ago; the next delivery takes it over (release frees it now)`;
  }
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand('inspect', args, STORE_OPTIONS);
  positionalCount('inspect', positionals, 1, 1, 'give one dedupe key (provider:id)');
  const key = positionals[0] as string;
  const shown = oneLine(key);
  const settings = storeSettings('inspect', values, io);
  const record = await withStore(settings, (store) => store.dedupe.get(key));
  const now = Date.now();
  if (values.json) printJson(io, { key, record: record === null ? null : recordJson(record, now) });
  if (record === null) {
    if (!values.json) {
      io.err(
        `no record for ${shown}: never claimed, expired, or stored under another --prefix. ` +
          `(An inbox entry? hooklatch inbox inspect ${shown})`,
      );
    }
    return EXIT.finding;
  }
  if (values.json) return EXIT.ok;
  io.out(oneLine(record.key));
  printFields(io, [
    ['provider', providerOf(record.key)],
    ['state', stateMeaning(record, now)],
    ['claimed', formatWhen(record.createdAt, now)],
    ['claims', `${record.claims}${record.claims > 1 ? ' (taken over after an ended lease)' : ''}`],
    [
      'lease',
      record.state === 'completed' ? undefined : `ends ${formatWhen(record.leaseExpiresAt, now)}`,
    ],
    ['completed', record.completedAt && formatWhen(record.completedAt, now)],
    ['expires', formatWhen(record.expiresAt, now)],
    ['token', record.token],
    ['digest', record.digest],
    ['result', record.result === undefined ? undefined : JSON.stringify(record.result)],
  ]);
  return EXIT.ok;
}

/** `hooklatch inspect`. */
export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'show one dedupe record and what its state means (exit 1 when there is none)',
  help: `hooklatch inspect KEY [--json]

Show the dedupe record of KEY (the event's dedupe key, e.g. stripe:evt_1): its state and what
it means for the next delivery, when it was claimed, its lease, expiry, claims, payload digest
and stored result. Exit 1 when the store has no live record for KEY.

${STORE_HELP}`,
  run,
};
