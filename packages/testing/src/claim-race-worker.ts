/**
 * Child process of `runClaimRace`. argv: factoryModule prefix keys concurrency.
 * Prints READY once its store exists, waits for GO on stdin, races, prints one REPORT line.
 */
import { pathToFileURL } from 'node:url';
import type { DedupeStore } from '@hooklatch/core';

const [factoryModule, prefix, keysArg, concurrencyArg] = process.argv.slice(2);
const keys = Number(keysArg);
const concurrency = Number(concurrencyArg);

interface Factory {
  createStore(prefix: string): Promise<DedupeStore>;
  closeStore?(store: DedupeStore): Promise<void>;
}

// An async main rather than top-level await keeps the CJS build possible.
async function main() {
  const factory = (await import(pathToFileURL(factoryModule as string).href)) as Factory;
  const store = await factory.createStore(prefix as string);
  process.stdout.write('READY\n');
  await new Promise<void>((resolve) => {
    process.stdin.on('data', (d) => {
      if (String(d).includes('GO')) resolve();
    });
  });

  const claimed: number[] = [];
  const errors: string[] = [];
  let claims = 0;
  async function claimer() {
    for (let i = 0; i < keys; i++) {
      try {
        claims++;
        const result = await store.claim(`key-${i}`, { leaseMs: 600_000, ttlMs: 600_000 });
        if (result.status === 'claimed') claimed.push(i);
      } catch (error) {
        if (errors.length < 20) errors.push(String((error as Error)?.message ?? error));
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, claimer));
  if (factory.closeStore) await factory.closeStore(store);
  else await store.close?.();
  process.stdout.write(`REPORT ${JSON.stringify({ claimed, errors, claims })}\n`);
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(String(error?.stack ?? error));
  process.exit(1);
});
