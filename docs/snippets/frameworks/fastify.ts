import { handleWebhook } from '@hooklatch/core';
import Fastify from 'fastify';
import { adapter, handler, store } from './setup';

export const app = Fastify();

// A plugin scope of its own: raw buffers here, Fastify's JSON parsing everywhere else.
app.register(async (webhooks) => {
  webhooks.removeAllContentTypeParsers();
  webhooks.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) => {
    done(null, body);
  });
  webhooks.post('/webhooks', async (request, reply) => {
    const input = {
      method: request.method,
      headers: request.headers,
      body: request.body as Buffer,
    };
    const answer = await handleWebhook(input, { adapter, store, handler });
    return reply.code(answer.status).headers(answer.headers).send(answer.body);
  });
});
