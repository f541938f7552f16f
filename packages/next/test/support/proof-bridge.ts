/**
 * The test process's end of the `next start` proof: a node:http server on 127.0.0.1 that the
 * fixture's routes call (see test/fixtures/app/lib/proof-options.ts). It runs the proof's own
 * handler, hooks and logger for them, so the side effect is counted here, outside Next, once
 * for all of Next's workers and runtimes.
 *
 * Hooks are not awaited by hooklatch and the fixture sends them after the reply, so a target's
 * `send` resolves only once the route's `onOutcome` for that answer arrived (hooklatch reports
 * one for every answer): the proof reads its reports right after a response.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HandlerContext, WebhookEvent } from '@hooklatch/core';
import type { ProofOptions, ProofTarget } from '../../../express/test/support/integration-proof';

/** One hook call or log line a fixture route made (the fixture's `Observed`). */
interface Observed {
  route: string;
  kind: 'hook' | 'log';
  name: string;
  args: unknown[];
}

/** The running bridge. */
export interface ProofBridge {
  /** Where the fixture's routes reach it (`HOOKLATCH_PROOF_BRIDGE`). */
  url: string;
  /** Serve `route`'s handler, hooks and logger from the proof's `options`. */
  register(route: string, options: ProofOptions): void;
  /** A target sending to `${base}${path}`, answered by `route`. */
  target(route: string, base: string, path: string): ProofTarget;
  close(): Promise<void>;
}

// Normally a few milliseconds; generous for a loaded CI machine.
const OUTCOME_WAIT_MS = 10_000;

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8'));
}

/** JSON turned the event's dates into strings; the handler gets them back as dates. */
function revived(event: Record<string, unknown>): WebhookEvent {
  return {
    ...event,
    occurredAt: new Date(String(event.occurredAt)),
    receivedAt: new Date(String(event.receivedAt)),
  } as unknown as WebhookEvent;
}

type Method = (...args: unknown[]) => unknown;

function apply(options: ProofOptions | undefined, entry: Observed): void {
  const owner = entry.kind === 'hook' ? options?.hooks : options?.logger || undefined;
  const method = (owner as Record<string, Method | undefined> | undefined)?.[entry.name];
  method?.(...entry.args);
}

/** Start the bridge on a free loopback port. */
export async function startProofBridge(): Promise<ProofBridge> {
  const routes = new Map<string, ProofOptions>();
  const outcomes = new Map<string, number>();
  const answered = new Map<string, number>();
  const waiters = new Set<() => void>();

  async function handle(route: string, req: IncomingMessage, res: ServerResponse) {
    const options = routes.get(route);
    if (options === undefined) throw new Error(`no proof registered for ${route}`);
    const call = (await readJson(req)) as Omit<HandlerContext, 'signal' | 'complete'> & {
      event: Record<string, unknown>;
    };
    const aborted = new AbortController();
    res.on('close', () => aborted.abort());
    const context: HandlerContext = {
      key: call.key,
      token: call.token,
      claims: call.claims,
      signal: aborted.signal,
      complete: () => Promise.reject(new Error('complete() does not cross the bridge')),
    };
    const result = await options.handler(revived(call.event), context);
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ result }));
  }

  async function observed(req: IncomingMessage, res: ServerResponse) {
    for (const entry of (await readJson(req)) as Observed[]) {
      apply(routes.get(entry.route), entry);
      if (entry.kind === 'hook' && entry.name === 'onOutcome') {
        outcomes.set(entry.route, (outcomes.get(entry.route) ?? 0) + 1);
      }
    }
    for (const wake of waiters) wake();
    res.writeHead(204).end();
  }

  const server = createServer((req, res) => {
    const path = req.url ?? '';
    const work = path.startsWith('/handle/')
      ? handle(decodeURIComponent(path.slice('/handle/'.length)), req, res)
      : path === '/observed'
        ? observed(req, res)
        : Promise.reject(new Error(`unknown bridge path ${path}`));
    work.catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  /** Resolve once `route` reported `count` outcomes; throw if they never come. */
  function outcomesReach(route: string, count: number, status: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if ((outcomes.get(route) ?? 0) < count) return;
        waiters.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`${route} answered ${status} but reported no outcome for it`));
      }, OUTCOME_WAIT_MS);
      waiters.add(check);
      check();
    });
  }

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    register: (route, options) => void routes.set(route, options),
    target: (route, base, path) => ({
      async send(delivery) {
        const response = await fetch(`${base}${path}`, {
          method: delivery.method,
          headers: delivery.headers,
          body: delivery.body,
        });
        const count = (answered.get(route) ?? 0) + 1;
        answered.set(route, count);
        await outcomesReach(route, count, response.status);
        return response;
      },
      close: async () => {},
    }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Next's fetch keeps its connections alive: drop them instead of waiting them out.
        server.closeAllConnections();
      }),
  };
}
