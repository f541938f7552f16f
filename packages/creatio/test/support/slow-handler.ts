/**
 * The receiving side of the slow-handler scenario, shared by the fake-timer and the HTTP test:
 * parseEvent + processOnce + outcomeResponse, with a handler that takes `handlerMs` and can be
 * told to crash on its first run.
 */
import {
  type DedupeStore,
  type DeliveryInput,
  errorResponse,
  outcomeResponse,
  parseEvent,
  processOnce,
} from '@hooklatch/core';
import { creatio } from '../../src/index';
import { SECRETS } from './examples';

export const adapter = creatio({ auth: { scheme: 'bearer', token: SECRETS.token } });

/** Options of {@link slowReceiver}. */
export interface SlowReceiverOptions {
  store: DedupeStore;
  handlerMs: number;
  leaseMs: number;
  /** Throw at the end of the first run, as a handler whose database call failed. */
  crashFirstRun?: boolean;
  /**
   * Never settle the first run, as a process that died mid-handler: its lease renewals fail
   * from then on too (a dead process renews nothing), so the lease ends.
   */
  hangFirstRun?: boolean;
}

/** A webhook route plus counters of how often the handler started and finished. */
export function slowReceiver(options: SlowReceiverOptions) {
  const runs = { started: 0, finished: 0, failed: 0 };
  const processOptions = { leaseMs: options.leaseMs };
  const dead = new Set<string>();
  const store: DedupeStore = {
    ...options.store,
    extend: (key, token, leaseMs) =>
      dead.has(token)
        ? Promise.reject(new Error('the process is gone'))
        : options.store.extend(key, token, leaseMs),
  };
  const handler = async (_event: unknown, context: { token: string }) => {
    const run = ++runs.started;
    if (run === 1 && options.hangFirstRun) {
      dead.add(context.token);
      return new Promise<never>(() => {});
    }
    await new Promise((resolve) => setTimeout(resolve, options.handlerMs));
    if (run === 1 && options.crashFirstRun) {
      runs.failed++;
      throw new Error('database unavailable');
    }
    runs.finished++;
    return { run };
  };
  async function route(input: DeliveryInput): Promise<Response> {
    try {
      const event = await parseEvent(adapter, input);
      return outcomeResponse(await processOnce(store, event, handler, processOptions));
    } catch (error) {
      return errorResponse(error);
    }
  }
  return { route, runs };
}
