import { createServer } from 'node:http';
import { handleWebhook } from '@hooklatch/core';
import { adapter, handler, store } from './setup';

// node:http: parseEvent reads the request stream itself, so the raw bytes are intact.
export const server = createServer(async (req, res) => {
  const reply = await handleWebhook(req, { adapter, store, handler });
  res.writeHead(reply.status, reply.headers).end(reply.body);
});
