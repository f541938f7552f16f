/**
 * A private redis-server on a spare loopback port, for fault tests that must kill a server.
 * The shared server in HOOKLATCH_REDIS_URL is never touched.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/** A running throwaway server. */
export interface ThrowawayRedis {
  url: string;
  /** SIGKILL the server (no shutdown handshake, like a crashed host). */
  kill(): Promise<void>;
  /** SIGSTOP the server: connections stay open, nothing answers (a frozen host). */
  freeze(): void;
}

async function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

async function waitForPing(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
    const probe = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => {});
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      // not up yet
    } finally {
      probe.disconnect();
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('throwaway redis-server did not answer within 10 s');
}

/**
 * Start `redis-server` bound to 127.0.0.1 on a free port, without persistence. `extraArgs` are
 * more config directives (`--requirepass x`); `password` is what the readiness probe sends.
 */
export async function startThrowawayRedis(
  extraArgs: string[] = [],
  password?: string,
): Promise<ThrowawayRedis> {
  const port = await sparePort();
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      ...extraArgs,
    ],
    { stdio: 'ignore' },
  );
  const url = `redis://127.0.0.1:${port}`;
  await waitForPing(password ? `redis://:${password}@127.0.0.1:${port}` : url, child);
  return {
    url,
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
    freeze: () => void child.kill('SIGSTOP'),
  };
}
