/**
 * The NestJS and Koa guides (no package of their own), run for real on 127.0.0.1: each page's
 * code is its snippet file, a delivery is processed once, its retry is a duplicate, a forgery
 * is 401, and the setup each guide warns about answers 500 (so the provider retries).
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bodyParser } from '@koa/bodyparser';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { app as koaApp, webhooks } from '../../../docs/snippets/integrations/koa';
import { AppModule, createApp } from '../../../docs/snippets/integrations/nestjs';
import { adapter, paid } from '../../../docs/snippets/integrations/setup';
import { stripeSigned } from './support/deliveries';
import {
  DOCS_SECRET,
  expectDocumentedRouting,
  expectPageShowsSnippets,
} from './support/docs-check';
import { httpTarget, type ProofTarget } from './support/integration-proof';

Logger.overrideLogger(false); // Nest's startup lines are noise here

async function serve(server: Server): Promise<ProofTarget> {
  if (!server.listening)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return httpTarget(base, close, '/webhooks/stripe');
}

async function refusal(target: ProofTarget, id: string) {
  const before = paid.length;
  const response = await target.send(stripeSigned(adapter, id, { secret: DOCS_SECRET }));
  expect(paid.length).toBe(before);
  return {
    status: response.status,
    body: (await response.json()) as { error: { code: string; message: string } },
  };
}

describe('docs/integrations/nestjs.md', () => {
  let nest: Awaited<ReturnType<typeof createApp>>;
  let target: ProofTarget;
  beforeAll(async () => {
    nest = await createApp();
    await nest.listen(0, '127.0.0.1');
    target = await serve(nest.getHttpServer());
  });
  afterAll(() => nest.close());

  it('shows the snippet file exactly', () => {
    expectPageShowsSnippets('docs/integrations/nestjs.md', [
      'docs/snippets/integrations/nestjs.ts',
    ]);
  });

  it('verifies req.rawBody with rawBody: true, once per event', async () => {
    await expectDocumentedRouting((delivery) => target.send(delivery));
  });

  it('takes a 200 KB delivery (past Nest’s default 100 KB parser limit)', async () => {
    const before = paid.length;
    const big = stripeSigned(adapter, 'evt_nest_big', {
      secret: DOCS_SECRET,
      metadata: { note: 'x'.repeat(200_000) },
    });
    const response = await target.send(big);
    expect(response.status).toBe(200);
    expect(paid.length - before).toBe(1);
  });

  it('answers 500 CONFIG_INVALID naming rawBody: true when the app lacks it', async () => {
    const wrong = await NestFactory.create(AppModule);
    await wrong.listen(0, '127.0.0.1');
    try {
      const { status, body } = await refusal(await serve(wrong.getHttpServer()), 'evt_nest_parsed');
      expect(status).toBe(500);
      expect(body.error.code).toBe('CONFIG_INVALID');
      expect(body.error.message).toContain('rawBody: true');
    } finally {
      await wrong.close();
    }
  });
});

describe('docs/integrations/koa.md', () => {
  let target: ProofTarget;
  beforeAll(async () => {
    target = await serve(koaApp.listen(0, '127.0.0.1'));
  });
  afterAll(() => target.close());

  it('shows the snippet file exactly', () => {
    expectPageShowsSnippets('docs/integrations/koa.md', ['docs/snippets/integrations/koa.ts']);
  });

  it('reads ctx.req itself, once per event', async () => {
    await expectDocumentedRouting((delivery) => target.send(delivery));
  });

  it('answers 500 RAW_BODY_REQUIRED when the body parser runs first', async () => {
    const wrong = new Koa();
    wrong.use(bodyParser());
    wrong.use(webhooks.routes());
    const server = wrong.listen(0, '127.0.0.1');
    const wrongTarget = await serve(server);
    try {
      const { status, body } = await refusal(wrongTarget, 'evt_koa_parsed');
      expect(status).toBe(500);
      expect(body.error.code).toBe('RAW_BODY_REQUIRED');
    } finally {
      await wrongTarget.close();
    }
  });
});
