/**
 * The slow-handler scenario over real HTTP on 127.0.0.1, scaled down 100x: the sender gives up
 * after 300 ms and retries while the handler still works (900 ms). Retry-After seconds are
 * honoured at 100 ms per second, so the whole file stays within a few seconds.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { memoryStore } from '@hooklatch/core';
import { signedCreatioRequest } from '@hooklatch/creatio/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { ORDER_UPDATE, SECRETS } from './support/examples';
import { slowReceiver } from './support/slow-handler';

const SENDER_TIMEOUT_MS = 300;
const HANDLER_MS = 900; // 600 ms past the sender timeout: room for a loaded machine
const LEASE_MS = 2_500; // above the slowest handler run
const MS_PER_RETRY_AFTER_SECOND = 100;
const MAX_ATTEMPTS = 10;

type Seen = { status: 'timeout' } | { status: number; outcome: string; retryAfter: string | null };

let server: Server | undefined;
afterEach(async () => {
  const open = server;
  server = undefined;
  if (open === undefined) return;
  open.closeAllConnections(); // the sender's keep-alive sockets would hold close() open
  await new Promise((resolve) => open.close(resolve));
});

async function listen(route: (req: IncomingMessage) => Promise<Response>) {
  server = createServer(async (req, res) => {
    const response = await route(req);
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(await response.text()); // ignored when the sender already gave up
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/creatio`;
}

/** A sender like Creatio's web-service element behind a retrying client: stop at the first 2xx. */
async function send(url: string): Promise<Seen[]> {
  const seen: Seen[] = [];
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const { headers, body } = signedCreatioRequest({
      payload: ORDER_UPDATE,
      auth: { scheme: 'bearer', token: SECRETS.token },
    });
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(SENDER_TIMEOUT_MS),
      });
      const { outcome } = (await response.json()) as { outcome: string };
      const retryAfter = response.headers.get('retry-after');
      seen.push({ status: response.status, outcome, retryAfter });
      if (response.ok) return seen;
      const wait = Number(retryAfter ?? 1) * MS_PER_RETRY_AFTER_SECOND;
      await new Promise((resolve) => setTimeout(resolve, wait));
    } catch (error) {
      if ((error as Error).name !== 'TimeoutError') throw error;
      seen.push({ status: 'timeout' }); // retry at once, as a timed-out client does
    }
  }
  return seen;
}

function expectRetryableUntilDone(seen: Seen[]) {
  const last = seen.at(-1);
  expect(last).toMatchObject({ status: 200, outcome: 'duplicate' });
  for (const answer of seen.slice(0, -1)) {
    // Anything before the end is a timeout or a retryable in-flight answer: never a 2xx.
    if (answer.status !== 'timeout') {
      expect(answer).toMatchObject({ status: 409, outcome: 'in_flight' });
      expect(Number((answer as { retryAfter: string }).retryAfter)).toBeGreaterThanOrEqual(1);
    }
  }
}

describe('retry while the first attempt is still running (real HTTP, scaled down)', () => {
  it('runs the handler once; the sender sees timeout, 409 + Retry-After, then 200 duplicate', {
    timeout: 5_000,
  }, async () => {
    const { route, runs } = slowReceiver({
      store: memoryStore(),
      handlerMs: HANDLER_MS,
      leaseMs: LEASE_MS,
    });
    const seen = await send(await listen(route));
    expect(seen[0]).toEqual({ status: 'timeout' });
    expect(seen[1]).toMatchObject({ status: 409, outcome: 'in_flight' });
    expectRetryableUntilDone(seen);
    expect(runs).toEqual({ started: 1, finished: 1, failed: 0 });
  });

  it('after a crash of the first run, a retry runs it again and the sender ends on 200', {
    timeout: 5_000,
  }, async () => {
    const { route, runs } = slowReceiver({
      store: memoryStore(),
      handlerMs: HANDLER_MS,
      leaseMs: LEASE_MS,
      crashFirstRun: true,
    });
    const seen = await send(await listen(route));
    expect(seen[0]).toEqual({ status: 'timeout' });
    expectRetryableUntilDone(seen);
    expect(runs).toEqual({ started: 2, finished: 1, failed: 1 });
  });
});
