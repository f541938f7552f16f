/**
 * @hooklatch/express on real Express 5 and Express 4 servers on 127.0.0.1: the integration
 * proof, plus what only Express does (body-parser placeholders, kept raw bodies, errors).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { memoryStore } from '@hooklatch/core';
import express5 from 'express';
import express4 from 'express4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookMiddleware } from '../src/index';
import { stripeAdapter, stripePaymentIntent, stripeSigned } from './support/deliveries';
import {
  describeIntegrationProof,
  httpTarget,
  type ProofDelivery,
  type ProofOptions,
} from './support/integration-proof';

type ExpressApp = ReturnType<typeof express5>;
type ExpressFactory = (() => ExpressApp) & {
  json: typeof express5.json;
  raw: typeof express5.raw;
  text: typeof express5.text;
};

async function listen(app: ExpressApp) {
  const server: Server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return httpTarget(base, () => new Promise((resolve) => server.close(() => resolve())));
}

const versions: [string, ExpressFactory][] = [
  ['Express 5', express5 as unknown as ExpressFactory],
  ['Express 4', express4 as unknown as ExpressFactory],
];

describe.each(versions)('%s', (_version, express) => {
  describeIntegrationProof('express', {
    async start(options: ProofOptions) {
      const app = express();
      app.post('/webhooks', webhookMiddleware(options));
      app.use(express.json()); // the rest of the app parses JSON as usual
      return listen(app);
    },
    async startMisconfigured(options: ProofOptions) {
      const app = express();
      app.use(express.json()); // app-wide, before the webhook route: the classic mistake
      app.post('/webhooks', webhookMiddleware(options));
      return listen(app);
    },
    fix: /before app\.use\(express\.json\(\)\)/,
  });

  describe('Express specifics', () => {
    const adapter = stripeAdapter();
    const stripeDelivery = (id: string, note?: string) =>
      stripeSigned(adapter, id, note === undefined ? {} : { metadata: { note } });
    let handled: string[] = [];
    const options = {
      adapter,
      store: memoryStore(),
      handler: (event: { id: string }) => {
        handled.push(event.id);
        if (event.id.startsWith('evt_throw')) throw new Error('business logic failed');
      },
      logger: false as const,
    };
    let target: Awaited<ReturnType<typeof listen>>;
    beforeAll(async () => {
      handled = [];
      const app = express();
      app.use('/webhooks', (req, _res, next) => {
        // A parser skipped by content type: Express 4 leaves `req.body = {}` unread.
        if (req.headers['x-proof-route'] === 'json-first') return express.json()(req, _res, next);
        if (req.headers['x-proof-route'] === 'raw')
          return express.raw({ type: '*/*' })(req, _res, next);
        if (req.headers['x-proof-route'] === 'text')
          return express.text({ type: '*/*' })(req, _res, next);
        if (req.headers['x-proof-route'] === 'verify') {
          return express.json({
            verify: (r, _s, buf) => {
              (r as unknown as { rawBody?: Buffer }).rawBody = buf;
            },
          })(req, _res, next);
        }
        next();
      });
      app.post('/webhooks', webhookMiddleware({ ...options, parse: { maxBodyBytes: 4096 } }));
      target = await listen(app);
    });
    afterAll(() => target.close());

    /** Signed over exactly these bytes (the proof's deliveries are UTF-8 text). */
    const viaAdapter = (body: string | Uint8Array, type = 'application/json'): ProofDelivery => {
      const signed = adapter.sign?.(body, { headers: { 'content-type': type } });
      return { method: 'POST', headers: { ...signed?.headers }, body: body as string };
    };
    const send = (delivery: ProofDelivery, route: string, type?: string) =>
      target.send({
        ...delivery,
        headers: {
          ...delivery.headers,
          'x-proof-route': route,
          ...(type ? { 'content-type': type } : {}),
        },
      });

    it('reads the stream behind a parser that skipped the content type', async () => {
      const response = await send(stripeDelivery('evt_skipped'), 'json-first', 'text/plain');
      expect(response.status).toBe(200);
      expect(handled).toEqual(['evt_skipped']);
    });

    it('uses the bytes express.raw() kept, and a parser verify that set req.rawBody', async () => {
      expect((await send(stripeDelivery('evt_raw'), 'raw')).status).toBe(200);
      expect((await send(stripeDelivery('evt_verify'), 'verify')).status).toBe(200);
      expect(handled).toContain('evt_raw');
      expect(handled).toContain('evt_verify');
    });

    it('express.text(): UTF-8 text works; text that lost the bytes sent is 500 RAW_BODY_REQUIRED, not 401', async () => {
      expect((await send(stripeDelivery('evt_text'), 'text')).status).toBe(200);
      expect(handled).toContain('evt_text');
      // A byte-order mark (body-parser drops it while decoding) and a Latin-1 body (decoded by
      // its declared charset): authentic deliveries whose text no longer encodes to the bytes.
      const event = JSON.stringify(stripePaymentIntent('evt_bom'));
      const bom = viaAdapter(`\uFEFF${event}`);
      const latin1 = Buffer.from(
        JSON.stringify(stripePaymentIntent('evt_latin1', { n: 'café' })),
        'latin1',
      );
      const signedLatin1 = viaAdapter(latin1, 'application/json; charset=iso-8859-1');
      for (const delivery of [bom, signedLatin1]) {
        const response = await send(delivery, 'text');
        expect(response.status).toBe(500);
        const body = await response.json();
        expect(body.error.code).toBe('RAW_BODY_REQUIRED');
        expect(body.error.message).toContain('express.raw');
      }
      expect(handled).not.toContain('evt_bom');
      expect(handled).not.toContain('evt_latin1');
      // A forged one through the same parser is still 401.
      const forged = { ...bom, headers: { ...bom.headers, 'stripe-signature': 't=1,v1=00' } };
      expect((await send(forged, 'text')).status).toBe(401);
    });

    it('answers a handler failure itself with JSON 500, never Express’s error page', async () => {
      const response = await send(stripeDelivery('evt_throw_1'), 'none');
      expect(response.status).toBe(500);
      expect(response.headers.get('content-type')).toBe('application/json');
      expect(await response.json()).toEqual({ outcome: 'failed' });
    });

    it('passes parse options through: a body over maxBodyBytes is 413', async () => {
      const big = stripeDelivery('evt_big', 'x'.repeat(5000));
      const response = await send(big, 'none');
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: { code: 'BODY_TOO_LARGE' } });
      expect(handled).not.toContain('evt_big');
    });
  });
});
