/**
 * The README quick start is code that compiles: every line of its ```ts blocks stands, in
 * order, in docs/snippets/quick-start.ts, which the root tsconfig project typechecks under
 * exactOptionalPropertyTypes and noUncheckedIndexedAccess. The snippet also runs.
 */
import { readFileSync } from 'node:fs';
import { signedStripeRequest } from '@hooklatch/stripe/testing';
import { describe, expect, it, vi } from 'vitest';
import { fulfilled, oneCall, quickStart } from '../../../docs/snippets/quick-start';
import { eventWith, MINIMAL_PAYMENT_INTENT } from './support/fixtures';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const snippet = readFileSync(
  new URL('../../../docs/snippets/quick-start.ts', import.meta.url),
  'utf8',
);

function quickStartBlocks(): string[][] {
  const section = readme.split(/^## /m).find((s) => s.startsWith('Quick start')) ?? '';
  return [...section.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) =>
    (m[1] ?? '')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
  );
}

describe('README quick start', () => {
  it('has ts blocks, each contained line for line in docs/snippets/quick-start.ts', () => {
    const blocks = quickStartBlocks();
    expect(blocks.length).toBeGreaterThan(0);
    const lines = snippet.split('\n').map((line) => line.trim());
    for (const block of blocks) {
      let at = 0;
      for (const line of block) {
        const found = lines.indexOf(line, at);
        expect(found, `README line not in the snippet: ${line}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
    }
  });

  it('runs: the one-call route processes a signed delivery', async () => {
    const payload = eventWith('payment_intent.succeeded', MINIMAL_PAYMENT_INTENT);
    const signed = signedStripeRequest({ secret: 'whsec_docs_example', payload });
    const response = await oneCall(
      new Request('https://example.test/webhooks/stripe', { ...signed, method: 'POST' }),
    );
    expect(response.status).toBe(200);
    expect(fulfilled).toEqual(['pi_123']);
  });

  it('runs: the three calls answer a forged delivery 401 instead of throwing', async () => {
    const payload = eventWith('payment_intent.succeeded', MINIMAL_PAYMENT_INTENT);
    const forged = signedStripeRequest({ secret: 'whsec_not_the_one', payload });
    vi.stubEnv('STRIPE_WEBHOOK_SECRET', 'whsec_docs_example');
    const response = await quickStart(
      new Request('https://example.test/webhooks/stripe', { ...forged, method: 'POST' }),
    );
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'SIGNATURE_INVALID' } });
    vi.unstubAllEnvs();
  });
});
