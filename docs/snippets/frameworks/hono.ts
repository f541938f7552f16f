import { handleWebhook, replyResponse } from '@hooklatch/core';
import { Hono } from 'hono';
import { adapter, handler, store } from './setup';

// Hono (and Workers, Bun, Deno, Next.js route handlers): pass the Web Request as it is.
export const app = new Hono();

app.post('/webhooks', async (c) =>
  replyResponse(await handleWebhook(c.req.raw, { adapter, store, handler })),
);
