/**
 * Throwaway PostgreSQL and MariaDB instances on spare ports, in temp directories, for the fault
 * tests: they get killed, so the shared servers never are.
 */
import { execFile, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A server this process started. */
export interface ThrowawayServer {
  url: string;
  /** Kill the server at once (no clean shutdown). */
  kill(): Promise<void>;
  /** Kill if still running and delete its data directory. */
  dispose(): Promise<void>;
}

async function sparePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function pgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const version = readdirSync(root).sort().pop();
  const bin = version ? join(root, version, 'bin') : undefined;
  return bin && existsSync(join(bin, 'initdb')) ? bin : undefined;
}

/** Why a throwaway server cannot be started here, or undefined when it can. */
export function cannotStart(kind: 'postgres' | 'mariadb'): string | undefined {
  if (process.getuid?.() !== 0) return 'needs root to run the server as its OS user';
  if (kind === 'postgres') return pgBin() ? undefined : 'PostgreSQL binaries not installed';
  return existsSync('/usr/sbin/mariadbd') ? undefined : 'mariadbd not installed';
}

/** initdb a temp cluster as the `postgres` OS user and start it on a spare port. */
export async function startPostgres(): Promise<ThrowawayServer> {
  const bin = pgBin() as string;
  const dir = mkdtempSync(join(tmpdir(), 'hooklatch-pg-'));
  const uid = Number((await run('id', ['-u', 'postgres'])).stdout.trim());
  const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
  chownSync(dir, uid, gid);
  const asPostgres = (cmd: string, args: string[]) =>
    run('runuser', ['-u', 'postgres', '--', join(bin, cmd), ...args]);
  const data = join(dir, 'data');
  await asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const port = await sparePort();
  await asPostgres('pg_ctl', [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-w',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    'start',
  ]);
  let running = true;
  const kill = async () => {
    if (!running) return;
    running = false;
    await asPostgres('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
  };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    kill,
    async dispose() {
      await kill().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** mariadb-install-db into a temp dir and start mariadbd on a spare port. */
export async function startMariadb(): Promise<ThrowawayServer> {
  const dir = mkdtempSync(join(tmpdir(), 'hooklatch-my-'));
  const data = join(dir, 'data');
  await run('mariadb-install-db', [
    '--no-defaults',
    `--datadir=${data}`,
    '--user=root',
    '--auth-root-authentication-method=normal',
    '--skip-test-db',
  ]);
  const port = await sparePort();
  const child = spawn(
    '/usr/sbin/mariadbd',
    [
      '--no-defaults',
      `--datadir=${data}`,
      `--port=${port}`,
      `--socket=${join(dir, 'sock')}`,
      `--pid-file=${join(dir, 'pid')}`,
      '--bind-address=127.0.0.1',
      // Loopback only: a reverse-DNS lookup per new connection is a stall on a machine without
      // network, and nothing here needs host names.
      '--skip-name-resolve',
      '--user=root',
      '--skip-log-bin',
      '--innodb-buffer-pool-size=16M',
      `--log-error=${join(dir, 'err.log')}`,
    ],
    { stdio: 'ignore' },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const tool = (name: string, ...args: string[]) =>
    run(name, ['--no-defaults', '-h', '127.0.0.1', '-P', `${port}`, '-u', 'root', ...args]);
  // Ready once it accepts a TCP connection.
  for (let i = 0; ; i++) {
    const ok = await tool('mariadb-admin', 'ping').then(
      () => true,
      () => false,
    );
    if (ok) break;
    if (i > 100 || child.exitCode !== null) throw new Error('throwaway mariadbd did not start');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await tool('mariadb', '-e', 'CREATE DATABASE hooklatch');
  const kill = async () => {
    if (child.exitCode !== null) return;
    child.kill('SIGKILL');
    await exited;
  };
  return {
    url: `mysql://root@127.0.0.1:${port}/hooklatch`,
    kill,
    async dispose() {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
