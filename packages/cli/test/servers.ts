/** Loopback endpoints for failure tests: a port nothing listens on, and a server that never answers. */
import { createServer, type Server, type Socket } from 'node:net';

/** A port on 127.0.0.1 with nothing listening (taken and released at once). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const silent: Server[] = [];
const sockets = new Set<Socket>();

/** A listener on 127.0.0.1 that accepts connections and never sends a byte. */
export async function silentPort(): Promise<number> {
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  silent.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  return (server.address() as { port: number }).port;
}

/** Close every silent server (afterAll). */
export async function closeSilentServers(): Promise<void> {
  for (const socket of sockets) socket.destroy();
  await Promise.all(silent.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
}

/** A unique lower-case name for tables, prefixes and queues. */
export function uniqueName(base: string): string {
  return `${base}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
}
