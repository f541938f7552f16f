/**
 * The downstream API of the outbox tests, on a real loopback port: it records every
 * `Idempotency-Key` it receives and applies each key once, answering a repeat from its cache,
 * as Stripe and most payment, email and SMS APIs do.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A running downstream API. */
export interface Downstream {
  url: string;
  /** Every key received, in order, repeats included. */
  readonly received: string[];
  /** Every side effect applied: one per key, ever. */
  readonly applied: { key: string; body: unknown }[];
  /** Apply, then keep the answer to the next request until `release()` (a send cut short). */
  holdNext(): void;
  release(): void;
  close(): Promise<void>;
}

export async function downstream(): Promise<Downstream> {
  const received: string[] = [];
  const applied: { key: string; body: unknown }[] = [];
  const held: ServerResponse[] = [];
  let hold = false;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string') {
        res.writeHead(400).end();
        return;
      }
      received.push(key);
      const repeat = applied.some((effect) => effect.key === key);
      if (!repeat) applied.push({ key, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      if (hold) {
        hold = false;
        held.push(res);
        return;
      }
      res.writeHead(repeat ? 200 : 201, { 'idempotent-replayed': String(repeat) }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/shipments`,
    received,
    applied,
    holdNext() {
      hold = true;
    },
    release() {
      for (const res of held.splice(0)) res.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
