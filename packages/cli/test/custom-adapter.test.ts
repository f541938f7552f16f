/** `--provider ./path#factory`: the commands work with a user's own adapter module too. */
import { describe, expect, it } from 'vitest';
import { hooklatch } from './child';
import { acme } from './fixtures/acme-adapter';

const SECRET = 'acme-secret-5150';
const module = './packages/cli/test/fixtures/acme-adapter.ts#acme';
const body = JSON.stringify({ id: 'acme_1', kind: 'order.paid' });

describe('a custom adapter module', { timeout: 30_000 }, () => {
  it('verifies a delivery it signed, and explains its key', async () => {
    const signed = acme({ secret: SECRET }).sign?.(body) as { headers: Record<string, string> };
    const capture = JSON.stringify({ headers: signed.headers, body });
    const run = await hooklatch(
      ['verify', '--provider', module, '--secret-env', 'ACME', '--json'],
      {
        input: capture,
        env: { ACME: SECRET },
      },
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({
      verified: true,
      keyIndex: 0,
      event: { dedupeKey: 'acme:acme_1' },
    });
    const explained = await hooklatch(['explain', module, '-'], { input: body });
    expect(explained.code).toBe(0);
    expect(explained.out).toContain(
      "dedupe key acme:acme_1 (the provider's own ID: no fingerprint)",
    );
  });

  it('says which module or export is missing', async () => {
    const missing = await hooklatch(['explain', './nowhere/adapter.js', '-'], { input: body });
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(
      'hooklatch explain: no adapter module at ./nowhere/adapter.js (--provider).\n',
    );
    const noExport = await hooklatch(['explain', module.replace('#acme', '#nope'), '-'], {
      input: body,
    });
    expect(noExport.code).toBe(2);
    expect(noExport.err).toContain('exports no nope()');
  });
});
