/**
 * Child process of the inbox suite's cross-process cases.
 * argv: factoryModule queue mode(drain|hang) concurrency leaseMs.
 *
 * Builds the inbox with the factory, prints READY, waits for GO on stdin, then runs a worker
 * whose handler records every run as an entry of the effects inbox (queue `<queue>-fx`): side
 * effects are counted in the database, not in memory. In `hang` mode a delivery marked `hang`
 * records a `start` effect, prints HANGING and never settles (the parent SIGKILLs the child).
 * On STOP it stops the worker gracefully and prints one REPORT line.
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { InboxStore } from '@hooklatch/core';
import { worker } from '@hooklatch/core';
import { effectDelivery } from './inbox-effects';
import { inboxTestAdapter } from './inbox-test-adapter';

const [factoryModule, queue, mode, concurrencyArg, leaseArg] = process.argv.slice(2);

interface Factory {
  createInbox(queue: string): Promise<InboxStore>;
  closeInbox?(inbox: InboxStore): Promise<void>;
}

function onLine(word: string): Promise<void> {
  return new Promise((resolve) => {
    let seen = '';
    process.stdin.on('data', (d) => {
      seen += String(d);
      if (seen.split('\n').includes(word)) resolve();
    });
  });
}

// An async main rather than top-level await keeps the CJS build possible.
async function main() {
  const factory = (await import(pathToFileURL(factoryModule as string).href)) as Factory;
  const inbox = await factory.createInbox(queue as string);
  const effects = await factory.createInbox(`${queue}-fx`);
  const go = onLine('GO');
  const stop = onLine('STOP');
  process.stdout.write('READY\n');
  await go;
  let runs = 0;
  const errors: string[] = [];
  const w = worker({
    inbox,
    adapter: inboxTestAdapter(),
    concurrency: Number(concurrencyArg),
    leaseMs: Number(leaseArg),
    pollMs: 25,
    retry: { baseMs: 20, maxMs: 200 },
    onReport: (r) => {
      if (r.kind === 'store_error' && errors.length < 10) errors.push(String(r.error));
    },
    handler: async (event, ctx) => {
      const tag = `${process.pid}|${ctx.fence}|${randomUUID()}`;
      if (mode === 'hang' && event.payload.hang) {
        await effects.enqueue(effectDelivery(`start|${tag}|${ctx.key}`));
        process.stdout.write(`HANGING ${ctx.key}\n`);
        await new Promise(() => {});
      }
      await effects.enqueue(effectDelivery(`run|${tag}|${ctx.key}`));
      runs++;
    },
  });
  await stop;
  await w.stop();
  for (const store of [inbox, effects]) {
    if (factory.closeInbox) await factory.closeInbox(store);
    else await store.close?.();
  }
  process.stdout.write(`REPORT ${JSON.stringify({ runs, errors })}\n`);
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
