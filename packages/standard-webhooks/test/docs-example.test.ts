/**
 * The example in docs/providers/standard-webhooks.md, run for real. The page's code block must be
 * support/docs-example.ts character for character, so it can never show code that does not work.
 */
import { readFileSync } from 'node:fs';
import { signedStandardWebhooksRequest } from '@hooklatch/standard-webhooks/testing';
import { describe, expect, it } from 'vitest';
import { POST, paidInvoices } from './support/docs-example';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

// When the event happened: fixed, because a retry re-sends the same body (a body that changed
// under the same webhook-id would be a mismatch, not a duplicate).
const OCCURRED_AT = new Date().toISOString();

function request(id: string, secret = SECRET): Request {
  const signed = signedStandardWebhooksRequest({
    secret,
    id,
    payload: {
      type: 'invoice.paid',
      timestamp: OCCURRED_AT,
      data: { id: 'inv_9', amount: 5 },
    },
  });
  return new Request('https://example.test/webhooks', {
    method: 'POST',
    headers: signed.headers,
    body: signed.body as string, // built from `payload`, so a string
  });
}

describe('the documented example', () => {
  it('is exactly the code block on the docs page', () => {
    const example = readFileSync(new URL('./support/docs-example.ts', import.meta.url), 'utf8');
    const page = readFileSync(
      new URL('../../../docs/providers/standard-webhooks.md', import.meta.url),
      'utf8',
    );
    expect(page).toContain(`\`\`\`ts\n${example}\`\`\``);
  });

  it('processes once, answers 200 duplicate to the retry, and 401 to a forgery', async () => {
    const first = await POST(request('msg_doc'));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ outcome: 'processed' });
    const retry = await POST(request('msg_doc'));
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ outcome: 'duplicate' });
    const forged = await POST(request('msg_forged', 'whsec_dGhpcyBpcyBub3QgdGhlIHNhbWUga2V5'));
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe(
      'SIGNATURE_INVALID',
    );
    expect(paidInvoices).toEqual(['inv_9']);
  });
});
