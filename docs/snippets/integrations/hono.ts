import { webhookRoute } from '@hooklatch/hono';
import { Hono } from 'hono';
import { adapter, handler, store } from './setup';

export const app = new Hono();

app.post('/webhooks/stripe', webhookRoute({ adapter, store, handler }));
