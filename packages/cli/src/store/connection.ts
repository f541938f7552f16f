/**
 * One open store for the length of a command: the dedupe store, its purge where the backend
 * has one, the inbox on the same backend, and `close()` for everything the CLI opened.
 */
import type { DedupeStore, InboxStore } from '@hooklatch/core';
import { networkWords } from '../failure';
import { CliFailure } from '../io';
import type { StoreSettings } from './options';
import type { StoreTarget } from './url';

/** What a command works on. */
export interface StoreConnection {
  readonly target: StoreTarget;
  readonly dedupe: DedupeStore;
  /** Delete expired records in batches (SQL stores); Redis expires keys by itself. */
  readonly purgeExpired?: (batchSize: number) => Promise<number>;
  /** The inbox on this backend; a {@link CliFailure} when the backend has none. */
  inbox(): InboxStore;
  /** Close what the CLI opened (connections, pools, the database file). */
  close(): Promise<void>;
}

/**
 * The driver's own connect timeout: past the CLI's deadline, so the deadline (and its one
 * message) is what an operator sees, and the driver still gives up on its own.
 */
export const driverTimeout = (timeoutMs: number) => timeoutMs + 1000;

/**
 * Wait for `connecting` at most `timeoutMs`; a refusal or a timeout becomes a
 * {@link CliFailure} that says which server and what happened, in words.
 */
export async function connectOrFail<T>(
  target: StoreTarget,
  timeoutMs: number,
  connecting: Promise<T>,
  /** Drop what was opened for the attempt (a pool, a client). */
  abandon: () => unknown,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new CliFailure(`cannot connect to ${target.display}: no answer within ${timeoutMs} ms.`),
        ),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([connecting, deadline]);
  } catch (error) {
    await Promise.resolve(abandon()).catch(() => {});
    if (error instanceof CliFailure) throw error;
    const words = networkWords(error) ?? (error instanceof Error ? error.message : String(error));
    throw new CliFailure(`cannot connect to ${target.display}: ${words.replace(/\.$/, '')}.`);
  } finally {
    clearTimeout(timer);
  }
}

/** A SQL dedupe store with its purge, and the inbox on the same database, made on first use. */
export function sqlConnection(
  target: StoreTarget,
  dedupe: DedupeStore & { purgeExpired(options: { batchSize: number }): Promise<number> },
  makeInbox: () => InboxStore,
  close: () => Promise<void>,
): StoreConnection {
  let inbox: InboxStore | undefined;
  return {
    target,
    dedupe,
    purgeExpired: (batchSize) => dedupe.purgeExpired({ batchSize }),
    inbox: () => {
      inbox ??= makeInbox();
      return inbox;
    },
    close,
  };
}

/** Open the store `settings` name. Drivers and store packages load only here. */
export async function connectStore(settings: StoreSettings): Promise<StoreConnection> {
  switch (settings.target.kind) {
    case 'sqlite':
      return (await import('./sqlite')).connectSqlite(settings);
    case 'redis':
      return (await import('./redis')).connectRedis(settings);
    case 'postgres':
      return (await import('./postgres')).connectPostgres(settings);
    case 'mysql':
      return (await import('./mysql')).connectMysql(settings);
  }
}

/** Run `work` on the store `settings` name, closing it afterwards whatever happens. */
export async function withStore<T>(
  settings: StoreSettings,
  work: (store: StoreConnection) => Promise<T>,
): Promise<T> {
  const store = await connectStore(settings);
  try {
    return await work(store);
  } finally {
    await store.close().catch(() => {});
  }
}

/** The `{ prefix, table }` store options the user gave (the store's defaults otherwise). */
export function dedupeOptions(settings: StoreSettings) {
  return {
    ...(settings.prefix === undefined ? {} : { prefix: settings.prefix }),
    ...(settings.table === undefined ? {} : { table: settings.table }),
    timeoutMs: settings.timeoutMs,
  };
}

/** The `{ table, queue }` inbox options the user gave. */
export function inboxOptions(settings: StoreSettings) {
  return {
    ...(settings.inboxTable === undefined ? {} : { table: settings.inboxTable }),
    ...(settings.queue === undefined ? {} : { queue: settings.queue }),
    timeoutMs: settings.timeoutMs,
  };
}
