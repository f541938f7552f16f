/**
 * Runtimes without `node:diagnostics_channel` (browsers, Workers without nodejs_compat): the
 * package still loads and processes, hooks still fire, `metrics()` says why it cannot run, and
 * the portable build never imports a `node:` module.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';

const runtime = process as { getBuiltinModule?: unknown };
const original = runtime.getBuiltinModule;

afterEach(() => {
  runtime.getBuiltinModule = original;
  vi.resetModules();
});

async function withoutChannels(): Promise<typeof import('../src/index')> {
  runtime.getBuiltinModule = undefined;
  vi.resetModules();
  return import('../src/index');
}

const event = {
  provider: 'test',
  type: 'order.paid',
  id: 'p1',
  idSource: 'event' as const,
  dedupeKey: 'test:p1',
  occurredAt: new Date(0),
  receivedAt: new Date(0),
  meta: {},
  payload: {},
};

describe('without node:diagnostics_channel', () => {
  it('processes, fires hooks, and publishes nothing', async () => {
    const core = await withoutChannels();
    expect(core.diagnosticsChannel()).toBeUndefined();
    const dc = await import('node:diagnostics_channel');
    const seen = vi.fn();
    dc.subscribe('tracing:hooklatch:process:start', seen);
    try {
      const onOutcome = vi.fn();
      const onReceipt = vi.fn();
      const store = core.memoryStore();
      const first = await core.processOnce(store, event, () => 'ok', {
        hooks: { onOutcome, onReceipt },
        logger: false,
      });
      const again = await core.processOnce(store, event, () => 'ok', { logger: false });
      expect([first.outcome, again.outcome]).toEqual(['processed', 'duplicate']);
      expect(onReceipt).toHaveBeenCalledTimes(1);
      expect(onOutcome).toHaveBeenCalledWith(expect.objectContaining({ outcome: 'processed' }));
      expect(seen).not.toHaveBeenCalled();
    } finally {
      dc.unsubscribe('tracing:hooklatch:process:start', seen);
    }
  });

  it('metrics() is CONFIG_INVALID, pointing at the hooks', async () => {
    const core = await withoutChannels();
    expect(() => core.metrics()).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: expect.stringContaining('hooks'),
      }),
    );
  });

  it('a runtime whose lookup throws counts as one without channels', async () => {
    runtime.getBuiltinModule = () => {
      throw new Error('sandboxed');
    };
    vi.resetModules();
    const core = await import('../src/index');
    expect(core.diagnosticsChannel()).toBeUndefined();
    const outcome = await core.processOnce(core.memoryStore(), event, () => 'ok', {
      logger: false,
    });
    expect(outcome.outcome).toBe('processed');
  });
});

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const built = existsSync(`${dist}index.js`);

describe.skipIf(!built)('the portable build (dist/index.js)', () => {
  it('has no static import or require of a node: module', () => {
    for (const file of ['index.js', 'index.cjs']) {
      const code = readFileSync(`${dist}${file}`, 'utf8');
      expect(code).not.toMatch(/\bfrom\s*["']node:/);
      expect(code).not.toMatch(/\bimport\s*\(\s*["']node:/);
      expect(code).not.toMatch(/\brequire\s*\(\s*["']node:/);
    }
    // The types do not need @types/node either.
    expect(readFileSync(`${dist}index.d.ts`, 'utf8')).not.toMatch(/from ['"]node:/);
  });

  it('loads and processes in a Node without getBuiltinModule', () => {
    const script = `
      delete process.getBuiltinModule;
      const core = await import(${JSON.stringify(`${dist}index.js`)});
      const event = { provider: 'p', type: 't', id: '1', idSource: 'event', dedupeKey: 'p:1',
        occurredAt: new Date(), receivedAt: new Date(), meta: {}, payload: {} };
      const outcome = await core.processOnce(core.memoryStore(), event, () => 1, { logger: false });
      let metrics = 'ran';
      try { core.metrics(); } catch (e) { metrics = e.code; }
      console.log(JSON.stringify([core.diagnosticsChannel() === undefined, outcome.outcome, metrics]));
    `;
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual([true, 'processed', 'CONFIG_INVALID']);
  });
});
