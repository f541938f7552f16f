/**
 * Checks for the integration guides: a page's code blocks are its snippet files character for
 * character, and a snippet app serves the shared setup's router as documented (a payment is
 * fulfilled once, its retry is a duplicate, a type newer than the adapter reaches the fallback
 * as unknown, a forgery is 401).
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { adapter, paid, unknownTypes } from '../../../../docs/snippets/integrations/setup';
import { type ProofDelivery, stripeSigned } from './deliveries';

const repo = new URL('../../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, repo), 'utf8');

/** Assert that `page` shows exactly `paths`, in order, each block equal to its file. */
export function expectPageShowsSnippets(page: string, paths: readonly string[]): void {
  const text = read(page);
  const shown = [...text.matchAll(/<!-- file: (\S+) -->\n```ts\n([\s\S]*?)```/g)];
  expect(shown.map((m) => m[1])).toEqual(paths);
  for (const [, path, code] of shown) expect(code, path).toBe(read(path as string));
}

/** The secret the snippets' adapter falls back to. */
export const DOCS_SECRET = 'whsec_docs_example';

let counter = 0;

/** Run the documented behaviour of the shared setup through `send`. */
export async function expectDocumentedRouting(
  send: (delivery: ProofDelivery) => Promise<Response>,
): Promise<void> {
  const id = `evt_docs_${Date.now().toString(36)}_${counter++}`;
  const signed = (type?: string, eventId = id) =>
    stripeSigned(adapter, eventId, { secret: DOCS_SECRET, ...(type ? { type } : {}) });
  const before = paid.length;

  const first = await send(signed());
  expect(first.status).toBe(200);
  expect(await first.json()).toEqual({ outcome: 'processed' });
  const retry = await send(signed());
  expect(retry.status).toBe(200);
  expect(await retry.json()).toEqual({ outcome: 'duplicate' });
  expect(paid.length - before).toBe(1);

  const newer = await send(signed('brand_new.event', `${id}_new`));
  expect(newer.status).toBe(200);
  expect(unknownTypes).toContain('brand_new.event');

  const genuine = signed(undefined, `${id}_forged`);
  const forged = await send({
    ...genuine,
    body: genuine.body.replace('"amount":2000', '"amount":1'),
  });
  expect(forged.status).toBe(401);
  expect(paid.length - before).toBe(1);
}
