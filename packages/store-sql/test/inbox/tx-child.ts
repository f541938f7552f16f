/**
 * Child worker of inbox-tx.test.ts, killed mid-handler. argv: dialect mode leaseMs; the table
 * names come as JSON in HOOKLATCH_TX_NAMES. The handler writes one effect, then, by mode:
 * `before_commit` completes the entry in the same transaction and stops before COMMIT;
 * `after_commit` commits both; `plain` writes without a transaction and never completes. Then
 * it prints HOLDING and hangs until the parent SIGKILLs it.
 */

import { worker } from '@hooklatch/core';
import { inboxTestAdapter } from '@hooklatch/testing';
import { type TxDialect, txSide } from './tx-sides';

const [dialect, mode, leaseArg] = process.argv.slice(2);

async function main() {
  const side = txSide(dialect as TxDialect, JSON.parse(process.env.HOOKLATCH_TX_NAMES as string));
  worker({
    inbox: side.inbox,
    adapter: inboxTestAdapter(),
    concurrency: 1,
    leaseMs: Number(leaseArg),
    pollMs: 20,
    logger: false,
    async handler(_event, ctx) {
      const hold = () => {
        process.stdout.write('HOLDING\n');
        return new Promise<never>(() => {});
      };
      if (mode === 'plain') await side.writePlain(ctx);
      else await side.writeAndComplete(ctx, mode === 'before_commit' ? hold : undefined);
      await hold();
    },
  });
  process.stdout.write('READY\n');
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
