import { handleWebhook } from '@hooklatch/core';
import express from 'express';
import { adapter, handler, store } from './setup';

export const app = express();

// The webhook route gets the raw bytes; register it before any app-wide express.json(), which
// would parse the body and make every signature check fail (RAW_BODY_REQUIRED).
app.post('/webhooks', express.raw({ type: '*/*', limit: '1mb' }), async (req, res) => {
  const reply = await handleWebhook(req, { adapter, store, handler }); // req.body is a Buffer
  res.status(reply.status).set(reply.headers).send(reply.body);
});

app.use(express.json()); // the rest of the app may parse JSON as usual
