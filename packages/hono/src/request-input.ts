/**
 * The delivery in a Hono request. Hono caches what its body readers read, so a middleware that
 * called `c.req.text()`, `c.req.json()`, `c.req.arrayBuffer()` or `c.req.blob()` first leaves the exact bytes
 * (or their UTF-8 text) behind, and they are used. Only a body read past Hono's cache (through
 * `c.req.raw` itself) is lost: CONFIG_INVALID.
 */
import { bodyConsumedError, type DeliveryInput } from '@hooklatch/core';
import type { HonoRequest } from 'hono';

const hint = {
  integration: 'hono',
  fix:
    'Do not read c.req.raw before the webhook route; read the body through c.req.text(), ' +
    'c.req.json() or c.req.arrayBuffer(), whose cache keeps the raw bytes.',
};

/**
 * The untouched `Request`, or the body Hono cached when something read it first. With
 * `keepBody` (the middleware, whose route runs afterwards and may read the body too) hooklatch
 * reads a clone, so `c.req.json()` and the other readers still find the stream unread.
 */
export async function honoRequestInput(
  request: HonoRequest,
  keepBody = false,
): Promise<DeliveryInput> {
  const { raw, bodyCache } = request;
  if (!raw.bodyUsed) return keepBody ? raw.clone() : raw;
  // Hono types the cache by value, but keeps the readers' promises in it.
  const blob = bodyCache.blob as Blob | Promise<Blob> | undefined;
  const kept =
    bodyCache.arrayBuffer ??
    bodyCache.text ??
    (blob === undefined ? undefined : Promise.resolve(blob).then((b) => b.arrayBuffer()));
  if (kept === undefined) throw bodyConsumedError(hint);
  return { method: raw.method, headers: raw.headers, body: await kept };
}
