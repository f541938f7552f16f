/**
 * A frozen database server: a TCP listener on 127.0.0.1 that accepts every connection and never
 * sends a byte (a hung or overloaded server looks like this to a driver). And a port with
 * nothing listening, for refused connections.
 */
import { createServer, type Socket } from 'node:net';

/** A listener that accepts and never answers. */
export interface FrozenServer {
  port: number;
  /** Connections accepted so far. */
  accepted(): number;
  /** Drop every connection and stop listening. */
  close(): Promise<void>;
}

/** Start a frozen server on a free port. */
export async function frozenServer(): Promise<FrozenServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    accepted: () => accepted,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port on 127.0.0.1 that nothing listens on (taken and released at once). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
