/**
 * The receiving application: a real HTTP server on loopback with two routes per provider.
 *
 * - `/direct/<provider>`: `handleWebhook` (verify, claim in the dedupe store, run the handler,
 *   complete) inside the request, as most receivers start out.
 * - `/inbox/<provider>`: `inboxReceiver` keeps the verified delivery durably and answers 202 at
 *   once; a `worker` runs the same handler afterwards, with retries, dead letters and replay.
 *
 * Both call one business handler, which writes its side effect to the application's database.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  errorReply,
  handleWebhook,
  type InboxReceive,
  type InboxWorker,
  inboxReceiver,
  parseEvent,
  type WebhookEvent,
  type WebhookReply,
  worker,
} from '@hooklatch/core';
import type { EffectsDb } from './effects';
import { ADAPTERS, PROVIDERS, type ProviderName } from './providers';
import type { DemoStores } from './stores';

/** Options of {@link startReceiver}. */
export interface ReceiverOptions {
  stores: DemoStores;
  effects: EffectsDb;
  /** How long the Creatio-like handler works on an Order (the ERP call). */
  slowMs: number;
  /** Run direct-mode handlers on every verified delivery, without claiming (to watch it fail). */
  withoutDedupe: boolean;
}

/** The running receiver and what it saw. */
export interface Receiver {
  url(mode: 'direct' | 'inbox', provider: ProviderName): string;
  /** Keys whose handler ran to completion (direct: answered `processed`; inbox: completed). */
  readonly processed: string[];
  /** Handler calls per key, successful or not. */
  readonly runs: Map<string, number>;
  /** Keys the worker moved to the dead letters. */
  readonly deadLettered: Set<string>;
  /** Errors the worker met in the inbox itself (should stay empty). */
  readonly storeErrors: string[];
  /** The bug fix: from now on the CRM knows every customer. */
  syncCustomers(): void;
  readonly worker: InboxWorker;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Thrown while the customer sync is broken: the worker keeps its code in the dead letters. */
class CustomerMissingError extends Error {
  readonly code = 'NO_CUSTOMER';
}

function send(res: ServerResponse, reply: WebhookReply): void {
  if (res.destroyed) return; // the sender gave up waiting; the work itself went on
  res.writeHead(reply.status, reply.headers).end(reply.body);
}

/** Start the receiver on an ephemeral loopback port. */
export async function startReceiver(options: ReceiverOptions): Promise<Receiver> {
  const { stores, effects, slowMs } = options;
  const processed: string[] = [];
  const runs = new Map<string, number>();
  const deadLettered = new Set<string>();
  const storeErrors: string[] = [];
  let customersSynced = false;

  async function work(event: WebhookEvent, mode: 'direct' | 'inbox'): Promise<void> {
    runs.set(event.dedupeKey, (runs.get(event.dedupeKey) ?? 0) + 1);
    const toErp = event.provider === 'creatio' && String(event.subject).startsWith('Order:');
    await sleep(toErp ? slowMs : 25); // the downstream call
    if (event.type === 'invoice.paid' && !customersSynced) {
      throw new CustomerMissingError('The invoice names a customer the CRM does not know yet.');
    }
    const action = `${event.type} ${event.subject ?? event.id}`;
    effects.record({ key: event.dedupeKey, provider: event.provider, mode, action });
  }

  // A handler whose sender gave up still runs to its end: close() waits for it before the
  // side effects are counted.
  const running = new Set<Promise<void>>();
  function handle(event: WebhookEvent, mode: 'direct' | 'inbox'): Promise<void> {
    const run = work(event, mode);
    const tracked: Promise<void> = run.catch(() => {}).finally(() => running.delete(tracked));
    running.add(tracked);
    return run;
  }

  const drain = worker({
    inbox: stores.inbox,
    adapters: PROVIDERS.map((name) => ADAPTERS[name]),
    handler: (event) => handle(event, 'inbox'),
    concurrency: 16,
    maxAttempts: 3,
    pollMs: 50,
    retry: { baseMs: 25, maxMs: 100 },
    // The failures below are part of the show and the report counts them, so the default log
    // line per handler error (what production wants) is switched off here.
    logger: false,
    onReport(report) {
      if (report.kind === 'completed') processed.push(report.key);
      else if (report.kind === 'dead_lettered') deadLettered.add(report.key);
      else if (report.kind === 'store_error') storeErrors.push(report.operation);
    },
  });
  const receivers = new Map<ProviderName, InboxReceive>(
    PROVIDERS.map((name) => [
      name,
      inboxReceiver({
        adapter: ADAPTERS[name],
        inbox: stores.inbox,
        onEnqueued: () => drain.wake(),
      }),
    ]),
  );

  async function direct(provider: ProviderName, req: IncomingMessage): Promise<WebhookReply> {
    const adapter = ADAPTERS[provider];
    if (options.withoutDedupe) {
      try {
        const event = await parseEvent(adapter, req);
        await handle(event, 'direct');
        processed.push(event.dedupeKey);
        return { status: 200, headers: {}, body: '{"outcome":"processed"}' };
      } catch (error) {
        return errorReply(error);
      }
    }
    const reply = await handleWebhook(req, {
      adapter,
      store: stores.store,
      handler: (event) => handle(event, 'direct'),
      logger: false, // as for the worker: the report says what happened
    });
    if (reply.outcome?.outcome === 'processed') processed.push(reply.outcome.key);
    return reply;
  }

  const server = createServer((req, res) => {
    const [, mode, name] = (req.url ?? '').split('/');
    const provider = PROVIDERS.find((p) => p === name);
    if (provider === undefined || (mode !== 'direct' && mode !== 'inbox')) {
      res.writeHead(404).end();
      return;
    }
    const answer = mode === 'direct' ? direct(provider, req) : receivers.get(provider)?.(req);
    void answer?.then((reply) => send(res, reply));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: (mode, provider) => `http://127.0.0.1:${port}/${mode}/${provider}`,
    processed,
    runs,
    deadLettered,
    storeErrors,
    syncCustomers: () => {
      customersSynced = true;
    },
    worker: drain,
    async close() {
      await drain.stop({ graceMs: 5_000 });
      server.closeAllConnections();
      await Promise.all(running);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
