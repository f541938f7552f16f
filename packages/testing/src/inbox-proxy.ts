/**
 * A loopback TCP proxy that can fail on demand, to stage a store outage without touching the
 * shared server: `down()` resets every open connection and every new one until `up()`.
 */
import { createConnection, createServer, type Socket } from 'node:net';

/** A running proxy. */
export interface TcpProxy {
  /** The port to connect to instead of the server's. */
  readonly port: number;
  /** Reset every connection and refuse new ones (they are accepted and reset at once). */
  down(): void;
  /** Forward again. */
  up(): void;
  /** Stop listening and drop every connection. */
  close(): Promise<void>;
}

/** Start a proxy on 127.0.0.1 in front of `target`. */
export async function tcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let failing = false;
  const track = (socket: Socket) => {
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const server = createServer((client) => {
    track(client);
    if (failing) {
      client.resetAndDestroy();
      return;
    }
    const upstream = createConnection(target);
    track(upstream);
    client.pipe(upstream).pipe(client);
    upstream.on('close', () => client.destroy());
    client.on('close', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const dropAll = () => {
    for (const socket of open) {
      // A socket still connecting cannot be reset; destroying it is the same to the driver.
      if (socket.connecting) socket.destroy();
      else socket.resetAndDestroy();
    }
  };
  return {
    port: (server.address() as { port: number }).port,
    down() {
      failing = true;
      dropAll();
    },
    up() {
      failing = false;
    },
    async close() {
      dropAll();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
