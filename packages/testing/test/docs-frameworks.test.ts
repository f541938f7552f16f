/**
 * The framework examples in docs/receiving-requests.md, run for real: each one serves signed
 * Stripe deliveries over HTTP on 127.0.0.1 (Hono through its fetch interface), processes a
 * delivery once, answers its retry as a duplicate and a forgery with 401. The page's code blocks
 * must be the snippet files character for character.
 */
import { readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleWebhook } from '@hooklatch/core';
import { signedStripeRequest } from '@hooklatch/stripe/testing';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app as expressApp } from '../../../docs/snippets/frameworks/express';
import { app as fastifyApp } from '../../../docs/snippets/frameworks/fastify';
import { app as honoApp } from '../../../docs/snippets/frameworks/hono';
import { server as nodeServer } from '../../../docs/snippets/frameworks/node-http';
import { adapter, handled, handler, store } from '../../../docs/snippets/frameworks/setup';

const SECRET = 'whsec_docs_example';
const repo = new URL('../../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, repo), 'utf8');

function stripeEvent(id: string) {
  return {
    id,
    object: 'event',
    api_version: '2024-06-20',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type: 'payment_intent.succeeded',
    data: {
      object: {
        id: 'pi_docs',
        object: 'payment_intent',
        amount: 2000,
        amount_received: 2000,
        currency: 'usd',
        status: 'succeeded',
        customer: 'cus_docs',
        latest_charge: 'ch_docs',
        metadata: {},
        created: 1_721_954_000,
        livemode: false,
      },
    },
  };
}

type Send = (headers: Record<string, string>, body: string) => Promise<Response>;

function overHttp(base: () => string): Send {
  return (headers, body) => fetch(`${base()}/webhooks`, { method: 'POST', headers, body });
}

const honoSend: Send = async (headers, body) =>
  honoApp.request('/webhooks', { method: 'POST', headers, body });

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let nodeBase = '';
let expressServer: Server;
let expressBase = '';
let fastifyBase = '';
beforeAll(async () => {
  nodeBase = await listen(nodeServer);
  expressServer = expressApp.listen(0, '127.0.0.1');
  await new Promise((resolve) => expressServer.once('listening', resolve));
  expressBase = `http://127.0.0.1:${(expressServer.address() as AddressInfo).port}`;
  fastifyBase = await fastifyApp.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(async () => {
  await new Promise((resolve) => nodeServer.close(resolve));
  await new Promise((resolve) => expressServer.close(resolve));
  await fastifyApp.close();
});

describe('receiving-requests.md', () => {
  it('shows the snippet files exactly', () => {
    const page = read('docs/receiving-requests.md');
    const shown = [...page.matchAll(/<!-- file: (\S+) -->\n```ts\n([\s\S]*?)```/g)];
    expect(shown.map((m) => m[1])).toEqual([
      'docs/snippets/frameworks/setup.ts',
      'docs/snippets/frameworks/node-http.ts',
      'docs/snippets/frameworks/express.ts',
      'docs/snippets/frameworks/fastify.ts',
      'docs/snippets/frameworks/hono.ts',
    ]);
    for (const [, path, code] of shown) expect(code, path).toBe(read(path as string));
  });
});

describe.each([
  ['node:http', overHttp(() => nodeBase)],
  ['Express', overHttp(() => expressBase)],
  ['Fastify', overHttp(() => fastifyBase)],
  ['Hono', honoSend],
] as const)('the %s example', (name, send) => {
  const id = `evt_docs_${name.replace(/\W/g, '')}`;

  it('processes a delivery once, answers the retry as a duplicate and a forgery with 401', async () => {
    const body = JSON.stringify(stripeEvent(id));
    const first = await send(signedStripeRequest({ secret: SECRET, payload: body }).headers, body);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ outcome: 'processed' });

    const retry = await send(signedStripeRequest({ secret: SECRET, payload: body }).headers, body);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual({ outcome: 'duplicate' });

    const forged = await send(
      signedStripeRequest({ secret: 'whsec_someone_else', payload: body }).headers,
      body,
    );
    expect(forged.status).toBe(401);
    expect(((await forged.json()) as { error: { code: string } }).error.code).toBe(
      'SIGNATURE_INVALID',
    );
    expect(handled.filter((h) => h === id)).toEqual([id]);
  });
});

describe('a misconfigured Express app', () => {
  it('answers 500 RAW_BODY_REQUIRED when express.json() parsed the body first', async () => {
    const wrong = express();
    wrong.use(express.json());
    wrong.post('/webhooks', async (req, res) => {
      const reply = await handleWebhook(req, { adapter, store, handler });
      res.status(reply.status).set(reply.headers).send(reply.body);
    });
    const server = wrong.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const body = JSON.stringify(stripeEvent('evt_docs_parsed'));
      const { headers } = signedStripeRequest({ secret: SECRET, payload: body });
      const port = (server.address() as AddressInfo).port;
      const response = await fetch(`http://127.0.0.1:${port}/webhooks`, {
        method: 'POST',
        headers,
        body,
      });
      // 500, so the provider keeps retrying until the route is fixed; the event is not lost.
      expect(response.status).toBe(500);
      const answer = (await response.json()) as { error: { code: string; message: string } };
      expect(answer.error.code).toBe('RAW_BODY_REQUIRED');
      expect(answer.error.message).toContain('express.raw');
      expect(handled).not.toContain('evt_docs_parsed');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
