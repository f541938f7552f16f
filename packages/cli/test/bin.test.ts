/** The executable itself: a real process, arguments, standard input and exit codes. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const entry = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
const root = fileURLToPath(new URL('../../../', import.meta.url));

function hooklatch(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('the hooklatch executable', () => {
  it('prints help and exits 0', () => {
    const run = hooklatch(['help']);
    expect(run.code).toBe(0);
    expect(run.out).toContain('hooklatch explain <qualio|creatio>');
    expect(run.out).toContain('hooklatch storm <url>');
  });

  it('reads a body from standard input with -', () => {
    const body = JSON.stringify({
      eventType: 'capa.created',
      capaId: 'CAPA-7',
      timestamp: '2025-02-01T08:00:00Z',
    });
    const run = hooklatch(['explain', 'qualio', '-'], body);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^-: fp1:[0-9a-f]{64}$/m);
    expect(run.out).toContain('subject    CAPA-7');
  });

  it('exits 2 on a usage mistake, with the reason on stderr', () => {
    const run = hooklatch(['explain']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('name a provider');
  });
});
