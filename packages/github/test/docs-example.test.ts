import { readFileSync } from 'node:fs';
import { signedGithubRequest } from '@hooklatch/github/testing';
import { describe, expect, it } from 'vitest';
import { exampleOf } from './support/examples';

const docsPath = new URL('../../../docs/providers/github.md', import.meta.url);
const examplePath = new URL('./support/docs-example.ts', import.meta.url);

function toRequest(input: ReturnType<typeof signedGithubRequest>): Request {
  return new Request('https://example.test/webhooks/github', input);
}

describe('docs/providers/github.md example', () => {
  it('is the verified example file, verbatim', () => {
    const docs = readFileSync(docsPath, 'utf8');
    const block = docs.match(/```ts\n([\s\S]*?)```/)?.[1];
    expect(block).toBe(readFileSync(examplePath, 'utf8'));
  });

  it('processes a pull_request delivery once and acknowledges its redelivery', async () => {
    const { POST, opened } = await import('./support/docs-example');
    const pr = exampleOf('pull_request.opened');
    const delivery = () =>
      signedGithubRequest({
        secret: 'old-secret',
        event: 'pull_request',
        payload: pr.payload,
        deliveryId: 'docs-guid-1',
      });
    const first = await POST(toRequest(delivery()));
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ outcome: 'processed' });
    const again = await POST(toRequest(delivery()));
    expect(await again.json()).toEqual({ outcome: 'duplicate' });
    expect(opened).toHaveLength(1);
    const forged = signedGithubRequest({ secret: 'wrong', event: 'push', payload: {} });
    expect((await POST(toRequest(forged))).status).toBe(401);
  });
});
