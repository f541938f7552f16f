import { webhookMiddleware } from '@hooklatch/express';
import express from 'express';
import { adapter, handler, store } from './setup';

export const app = express();

// Reads the raw body itself: no express.raw() needed. Mount it before app-wide body parsers.
app.post('/webhooks/stripe', webhookMiddleware({ adapter, store, handler }));

app.use(express.json()); // the rest of the app parses JSON as usual
