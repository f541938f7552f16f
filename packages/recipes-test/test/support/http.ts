/** A real HTTP server on loopback for a route, and a provider that posts to it. */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { WebhookReply } from '@hooklatch/core';

/** A listening server and how to stop it. */
export interface Served {
  url: string;
  close(): Promise<void>;
}

/** Serve `route` (request in, reply out) on 127.0.0.1 at a free port. */
export async function serve(
  route: (req: IncomingMessage) => Promise<WebhookReply>,
): Promise<Served> {
  const server = createServer(async (req, res) => {
    const reply = await route(req);
    res.writeHead(reply.status, reply.headers).end(reply.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/stripe`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** What the provider saw. */
export interface Answer {
  status: number;
  /** The `hooklatch-outcome` header, else the JSON body's `outcome`. */
  outcome: string | null;
  retryAfter: string | null;
}

/** POST one delivery, as the provider would. */
export async function post(
  url: string,
  delivery: { method: string; headers: Record<string, string>; body: string },
): Promise<Answer> {
  const response = await fetch(url, {
    method: delivery.method,
    headers: delivery.headers,
    body: delivery.body,
  });
  const text = await response.text();
  let outcome = response.headers.get('hooklatch-outcome');
  try {
    outcome ??= (JSON.parse(text) as { outcome?: string }).outcome ?? null;
  } catch {
    // Not JSON: no outcome to read.
  }
  return {
    status: response.status,
    outcome,
    retryAfter: response.headers.get('retry-after'),
  };
}

/** Wait until `check` returns a value other than undefined (polling), or fail after `ms`. */
export async function eventually<T>(
  check: () => Promise<T | undefined> | T | undefined,
  ms = 10_000,
  what = 'the condition',
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`Timed out after ${ms} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
