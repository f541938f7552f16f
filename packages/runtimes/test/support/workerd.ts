/**
 * Run a bundled Worker in workerd, the runtime Cloudflare Workers run on, from the binary its
 * npm package ships: a config naming the module and its compatibility flags, a socket on a
 * free loopback port, and workerd's control descriptor to learn which port it bound.
 */
import type { ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { onLines, type RuntimeServer, spawnServer } from './spawn-server';

/** Options of {@link serveWorker}. */
export interface ServeWorkerOptions {
  /** The workerd binary. */
  binary: string;
  /** The bundled ES module (its folder receives the config). */
  bundle: string;
  /** Turn on `nodejs_compat`. */
  nodejsCompat: boolean;
  /** Text bindings (the Worker's `env`), e.g. secrets. @default {} */
  bindings?: Record<string, string>;
}

/** A date this workerd supports, after Node compatibility v2 became the default for the flag. */
const COMPATIBILITY_DATE = '2025-09-01';

function config(options: ServeWorkerOptions): string {
  const flags = options.nodejsCompat ? '"nodejs_compat"' : '';
  const bindings = Object.entries(options.bindings ?? {})
    .map(([name, text]) => `(name = ${JSON.stringify(name)}, text = ${JSON.stringify(text)})`)
    .join(', ');
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker.mjs", esModule = embed "bundle.mjs")],
  compatibilityDate = "${COMPATIBILITY_DATE}",
  compatibilityFlags = [${flags}],
  bindings = [${bindings}],
);
`;
}

function controlPort(child: ChildProcess, onPort: (port: number) => void): void {
  onLines(child.stdio[3] as Readable, (line) => {
    const message = JSON.parse(line) as { event?: string; socket?: string; port?: number };
    if (message.event === 'listen' && message.socket === 'http' && message.port) {
      onPort(message.port);
    }
  });
}

/** Serve the bundle in workerd until `stop()`. */
export function serveWorker(options: ServeWorkerOptions): Promise<RuntimeServer> {
  const file = join(dirname(options.bundle), 'config.capnp');
  writeFileSync(file, config(options));
  return spawnServer({
    command: options.binary,
    args: ['serve', file, '--control-fd=3', '--verbose'],
    port: controlPort,
  });
}
