import { handleWebhook } from '@hooklatch/core';
import { bodyParser } from '@koa/bodyparser';
import Router from '@koa/router';
import Koa from 'koa';
import { adapter, handler, store } from './setup';

export const app = new Koa();

export const webhooks = new Router();
webhooks.post('/webhooks/stripe', async (ctx) => {
  // ctx.req is Node's request with its stream unread: hooklatch reads the raw bytes itself.
  const reply = await handleWebhook(ctx.req, { adapter, store, handler });
  ctx.status = reply.status;
  ctx.set(reply.headers);
  ctx.body = reply.body;
});

// Webhook routes first: they answer without calling next(), so the parser never sees them.
app.use(webhooks.routes());
app.use(bodyParser());
