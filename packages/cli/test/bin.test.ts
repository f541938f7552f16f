/** The executable itself: a real process, arguments, standard input, help, version and exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sqliteStore } from '@hooklatch/store-sql/sqlite';
import { describe, expect, it } from 'vitest';
import { hooklatch, ROOT } from './child';

const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string };
const COMMANDS = [
  'list',
  'inspect',
  'release',
  'purge',
  'stats',
  'inbox',
  'dlq',
  'replay',
  'verify',
  'storm',
  'explain',
];

// Several processes per test: more than the default 5 s on a busy machine.
describe('the hooklatch executable', { timeout: 60_000 }, () => {
  it('prints help listing every command (exit 0), and exits 2 with no command', async () => {
    const run = await hooklatch(['help']);
    expect(run.code).toBe(0);
    for (const name of COMMANDS) expect(run.out).toMatch(new RegExp(`^  ${name}\\s+\\S`, 'm'));
    const bare = await hooklatch([]);
    expect(bare.code).toBe(2);
    expect(bare.out).toContain('Usage: hooklatch <command> [options]');
  });

  it('prints its version', async () => {
    const run = await hooklatch(['--version']);
    expect(run.code).toBe(0);
    expect(run.out).toBe(`${version}\n`);
  });

  it('answers --help on every command and inbox subcommand, before checking other options', async () => {
    const runs = await Promise.all(
      [...COMMANDS, 'inbox list', 'inbox inspect', 'inbox stats', 'inbox purge'].map((c) =>
        hooklatch([...c.split(' '), '--bogus', '--help']),
      ),
    );
    for (const [i, run] of runs.entries()) {
      expect(run.code, COMMANDS[i]).toBe(0);
      expect(run.out).toMatch(/^hooklatch \w+/);
      expect(run.err).toBe('');
    }
    expect(runs[0]?.out).toContain('--provider NAME');
  });

  it('reads a body from standard input with -', async () => {
    const body = JSON.stringify({
      eventType: 'capa.created',
      capaId: 'CAPA-7',
      timestamp: '2025-02-01T08:00:00Z',
    });
    const run = await hooklatch(['explain', 'qualio', '-'], { input: body });
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^-: fp1:[0-9a-f]{64}$/m);
    expect(run.out).toContain('subject    CAPA-7');
  });

  it('refuses a file far larger than any capture before reading it (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hl-cli-big-'));
    try {
      const big = join(dir, 'dump.json');
      // Sparse: 65 MiB by its size, nothing written to disk.
      writeFileSync(big, '');
      truncateSync(big, 65 * 1024 * 1024);
      const run = await hooklatch(['explain', 'qualio', big]);
      expect(run.code).toBe(2);
      expect(run.err).toContain('larger than 64 MiB');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 for a file it cannot read, saying why in words', async () => {
    const missing = await hooklatch(['explain', 'qualio', join(ROOT, 'no-such-capture.http')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('no-such-capture.http: no such file');
    expect(missing.err).not.toMatch(/ENOENT|\bat\s/);
    const directory = await hooklatch(['explain', 'qualio', ROOT]);
    expect(directory.code).toBe(2);
    expect(directory.err).toContain('it is a directory');
  });

  it('exits 2 on usage mistakes, with the reason and where help is, and no stack', async () => {
    const cases: [string[], string][] = [
      [['explain'], 'name a provider'],
      [['frobnicate'], 'unknown command "frobnicate"'],
      [['list'], 'name the store with --store URL'],
      [['list', '--store', 'ftp://x'], 'unknown scheme ftp:'],
      [
        ['list', '--store', 'sqlite:x.db', '--state', 'weird'],
        '--state is one of completed, in_flight, stalled',
      ],
      [['list', '--store', 'sqlite:x.db', '--older-than', '7 days'], 'is a duration such as'],
      [['list', '--store', 'sqlite:x.db', '--bogus'], "Unknown option '--bogus'"],
      [['purge', '--store', 'sqlite:x.db'], 'give one of --expired or --older-than'],
      [['inbox', 'frob'], 'unknown subcommand "frob"'],
      [['replay', '--store', 'sqlite:x.db', '--reason', 'r'], 'select entries'],
    ];
    const runs = await Promise.all(cases.map(([args]) => hooklatch(args)));
    for (const [i, run] of runs.entries()) {
      const [args, reason] = cases[i] as [string[], string];
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.err, args.join(' ')).toContain(reason);
      expect(run.err).toMatch(/Run `hooklatch (\w+ )?--help` for usage\./);
      expect(run.err).not.toMatch(/\n\s+at /);
    }
  });

  it('draws a progress line on a terminal only, and clears it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hooklatch-tty-'));
    try {
      const filename = join(dir, 'big.db');
      const store = sqliteStore({ filename });
      await store.createSchema();
      for (let i = 0; i < 300; i++) {
        const claim = await store.claim(`stripe:evt_${i}`, { leaseMs: 60_000, ttlMs: 3_600_000 });
        if (claim.status === 'claimed')
          await store.complete(`stripe:evt_${i}`, claim.token, { ttlMs: 3_600_000 });
      }
      await store.close();
      const args = ['purge', '--older-than', '0s', '--store', `sqlite:${filename}`];
      const piped = await hooklatch([...args, '--dry-run']);
      expect(piped.err).toBe('');
      expect(piped.out).toContain('would remove 300 of 300');
      // `script` gives the command a pseudo-terminal, as an operator's shell would.
      const entry = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
      const line = [process.execPath, '--import', 'tsx', entry, ...args]
        .map((a) => `'${a}'`)
        .join(' ');
      const tty = spawnSync('script', ['-qec', line, '/dev/null'], {
        cwd: ROOT,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(tty.status).toBe(0);
      // Each redraw returns to the line start and clears it (CR, ESC [2K).
      expect(tty.stdout).toContain('\r\u001b[2Kpurging [');
      expect(tty.stdout).toMatch(/purging \[[#.]{24}\] \d+\/300/);
      expect(tty.stdout).toContain('purging [########################] 300/300');
      expect(tty.stdout).toContain('removed 300 of 300 records');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
