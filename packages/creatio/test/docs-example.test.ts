/**
 * The example in docs/providers/creatio.md, run for real. The page's first code block must be
 * support/docs-example.ts character for character, so it can never show code that does not work.
 */
import { readFileSync } from 'node:fs';
import type { CreatioAuth as CreatioRequestAuth } from '@hooklatch/creatio';
import { signedCreatioRequest } from '@hooklatch/creatio/testing';
import { describe, expect, it } from 'vitest';
import { POST, synced } from './support/docs-example';
import { ORDER_UPDATE } from './support/examples';

const docsPath = new URL('../../../docs/providers/creatio.md', import.meta.url);
const examplePath = new URL('./support/docs-example.ts', import.meta.url);
const auth: CreatioRequestAuth = {
  scheme: 'basic',
  username: 'creatio',
  password: 'dev-only-password',
};

function request(payload: object | string, using = auth): Request {
  const signed = signedCreatioRequest({ payload, auth: using });
  return new Request('https://example.test/webhooks/creatio', signed);
}

describe('docs/providers/creatio.md example', () => {
  it('is the verified example file, verbatim', () => {
    const docs = readFileSync(docsPath, 'utf8');
    const block = docs.match(/```ts\n([\s\S]*?)```/)?.[1];
    expect(block).toBe(readFileSync(examplePath, 'utf8'));
  });

  it('processes once, answers the re-sent copy as a duplicate, and refuses bad input', async () => {
    const first = await POST(request(ORDER_UPDATE));
    expect(await first.json()).toEqual({ outcome: 'processed' });
    const resent = await POST(request(JSON.stringify(ORDER_UPDATE, null, 2)));
    expect(await resent.json()).toEqual({ outcome: 'duplicate' });
    const edit = await POST(request({ ...ORDER_UPDATE, Status: 'delivered' }));
    expect(await edit.json()).toEqual({ outcome: 'processed' });
    expect(synced).toEqual(['Order:12345 status_update', 'Order:12345 status_update']);

    const forged = await POST(
      request(ORDER_UPDATE, { scheme: 'basic', username: 'creatio', password: 'x' }),
    );
    expect(forged.status).toBe(401);
    const { OrderID: _, ...noKey } = ORDER_UPDATE;
    const invalid = await POST(request(noKey));
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { error: { message: string } }).error.message).toContain(
      'OrderID',
    );
  });
});
