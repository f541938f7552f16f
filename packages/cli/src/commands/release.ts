/**
 * `hooklatch release KEY`: free a stuck claim so the provider's next retry runs the handler.
 * The release is a compare-and-set on the owner token read a moment before, so it can never
 * drop a claim someone took in between, and a live lease (a handler that may be running) is
 * refused unless the operator says they know better.
 */
import { parseCommand, positionalCount } from '../args';
import type { Command } from '../command';
import { type CliIo, EXIT } from '../io';
import { formatSpan, oneLine, printJson } from '../output';
import { releaseStalled, statusOf } from '../records';
import { withStore } from '../store/connection';
import { STORE_HELP, STORE_OPTIONS, storeSettings } from '../store/options';

const OPTIONS = { ...STORE_OPTIONS, force: { type: 'boolean' } } as const;

type Verdict = { released: boolean; reason: string };

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand('release', args, OPTIONS);
  positionalCount('release', positionals, 1, 1, 'give the one dedupe key to release');
  const key = positionals[0] as string;
  const shown = oneLine(key);
  const settings = storeSettings('release', values, io);
  const verdict = await withStore(settings, async ({ dedupe }): Promise<Verdict> => {
    const record = await dedupe.get(key);
    const now = Date.now();
    if (record === null)
      return { released: false, reason: `no record for ${shown}: nothing to release.` };
    const status = statusOf(record, now);
    if (status === 'completed') {
      return {
        released: false,
        reason: `${shown} is completed: release frees in-flight claims only (re-deliveries stay duplicates until it expires).`,
      };
    }
    if (status === 'in_flight' && !values.force) {
      const left = formatSpan(record.leaseExpiresAt.getTime() - now);
      return {
        released: false,
        reason: `${shown} holds a live lease (${left} left): a handler may be running it, and releasing would let a copy run it twice. Wait for the lease to end, or pass --force if you know no handler runs it.`,
      };
    }
    const released = `released ${shown}: the provider's next delivery runs the handler.`;
    if (status === 'stalled' && !values.force) {
      // Stalled by this machine's clock: the store's clock has the last word.
      const outcome = await releaseStalled(dedupe, record);
      if (outcome === 'released') return { released: true, reason: released };
      if (outcome === 'live') {
        return {
          released: false,
          reason: `${shown} holds a live lease by the store's clock (this machine's clock runs ahead of it): a handler may be running it. Wait for the lease to end, or pass --force if you know no handler runs it.`,
        };
      }
    } else if (await dedupe.release(key, record.token)) {
      return { released: true, reason: released };
    }
    return {
      released: false,
      reason: `${shown} changed while releasing (claimed again or completed): nothing was released.`,
    };
  });
  if (values.json) printJson(io, { key, ...verdict });
  else if (verdict.released) io.out(verdict.reason);
  else io.err(verdict.reason);
  return verdict.released ? EXIT.ok : EXIT.finding;
}

/** `hooklatch release`. */
export const releaseCommand: Command = {
  name: 'release',
  summary: 'free a stuck in-flight claim so the next delivery runs the handler',
  help: `hooklatch release KEY [--force] [--json]

Drop the in-flight claim of KEY, only if it is still held by the claim just read (a
compare-and-set on its owner token). A stalled claim (its lease ended) is released at once,
once the store agrees by its own clock that the lease ended; a live lease is refused (a
handler may be running it) unless --force. Completed records are never
released. Exit 1 when nothing was released.

${STORE_HELP}`,
  run,
};
