/**
 * The example in docs/providers/qualio.md, run for real. The page's code block must be
 * support/docs-example.ts character for character, so it can never show code that does not work.
 */
import { readFileSync } from 'node:fs';
import { signedQualioRequest } from '@hooklatch/qualio/testing';
import { describe, expect, it } from 'vitest';
import { mirror, POST, qualioApi } from './support/docs-example';
import { NC_COMMENT, NC_STATUS } from './support/fixtures';

function request(payload: unknown, secret = 'new-secret'): Request {
  const signed = signedQualioRequest({ payload, auth: { scheme: 'hmac', secret: secret } });
  return new Request('https://example.test/webhooks/qualio', signed);
}

async function outcome(response: Response): Promise<unknown> {
  return ((await response.json()) as { outcome?: unknown; error?: { code: string } }).outcome;
}

describe('the documented example', () => {
  it('is exactly the code block on the docs page', () => {
    const example = readFileSync(new URL('./support/docs-example.ts', import.meta.url), 'utf8');
    const page = readFileSync(
      new URL('../../../docs/providers/qualio.md', import.meta.url),
      'utf8',
    );
    expect(page).toContain(`\`\`\`ts\n${example}\`\`\``);
  });

  it('refreshes once per event, acknowledges retries and refuses forgeries', async () => {
    qualioApi.set('NC-2025-001', { status: 'under_investigation' });
    const first = await POST(request(NC_STATUS));
    expect(first.status).toBe(200);
    expect(await outcome(first)).toBe('processed');
    expect(mirror.get('NC-2025-001')).toEqual({ status: 'under_investigation' });

    // The retry, re-serialized by the sender and signed with the old secret: same fingerprint.
    const retry = await POST(request(JSON.stringify(NC_STATUS, null, 2), 'old-secret'));
    expect(retry.status).toBe(200);
    expect(await outcome(retry)).toBe('duplicate');

    // A comment in the same second is another event; the handler re-reads the record again.
    qualioApi.set('NC-2025-001', { status: 'closed' });
    expect(await outcome(await POST(request(NC_COMMENT)))).toBe('processed');
    expect(mirror.get('NC-2025-001')).toEqual({ status: 'closed' });

    const forged = await POST(request(NC_STATUS, 'guessed-secret'));
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe(
      'SIGNATURE_INVALID',
    );
    const invalid = await POST(request({ ...NC_STATUS, ncId: undefined }));
    expect(invalid.status).toBe(422);
  });
});
