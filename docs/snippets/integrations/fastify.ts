import { webhookPlugin } from '@hooklatch/fastify';
import Fastify from 'fastify';
import { adapter, handler, store } from './setup';

export const app = Fastify();

// The plugin's scope parses every content type as a raw Buffer; the rest of the app keeps
// Fastify's JSON parser.
await app.register(webhookPlugin({ path: '/webhooks/stripe', adapter, store, handler }));
