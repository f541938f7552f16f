/**
 * `hooklatch storm` against real HTTP endpoints on 127.0.0.1: a correct hooklatch route, one
 * that dedupes nothing, one that answers in-flight copies 200, a plain endpoint, and a wrong
 * secret.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleWebhook, memoryStore, type ProcessOnceOptions } from '@hooklatch/core';
import { qualio } from '@hooklatch/qualio';
import { standardWebhooks } from '@hooklatch/standard-webhooks';
import { stripe } from '@hooklatch/stripe';
import { afterEach, describe, expect, it } from 'vitest';
import { stripeEventBody } from './fixtures/events';
import { closedPort } from './servers';
import { cli } from './support';

const SECRET = 'storm-test-secret';
const adapter = qualio({ auth: { scheme: 'hmac', secret: SECRET } });
const body = JSON.stringify({
  eventType: 'nc.updated',
  ncId: 'NC-2025-001',
  timestamp: '2025-01-05T10:15:32Z',
  status: 'closed',
});
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks`;
}

/**
 * A hooklatch route whose handler takes 400 ms, so concurrent copies overlap it. `inFlightAnswer`
 * rewrites the in-flight status (hooklatch itself refuses a 2xx `inFlightStatus`).
 */
async function hooklatchRoute(
  runs: { n: number },
  process: ProcessOnceOptions = {},
  inFlightAnswer?: number,
  routeAdapter: Parameters<typeof handleWebhook>[1]['adapter'] = adapter,
) {
  const store = memoryStore();
  return serve(async (req, res) => {
    const reply = await handleWebhook(req, {
      adapter: routeAdapter,
      store,
      process,
      handler: async () => {
        runs.n++;
        await sleep(400);
      },
    });
    const status =
      inFlightAnswer !== undefined && reply.outcome?.outcome === 'in_flight'
        ? inFlightAnswer
        : reply.status;
    res.writeHead(status, reply.headers).end(reply.body);
  });
}

const storm = (url: string, extra: string[] = [], env = { QUALIO_SECRET: SECRET }) =>
  cli(
    [
      'storm',
      url,
      '--body',
      'nc.json',
      '--hmac-header',
      'X-Qualio-Signature',
      '--hmac-secret-env',
      'QUALIO_SECRET',
      '--hmac-prefix',
      'sha256=',
      ...extra,
    ],
    { 'nc.json': body },
    env,
  );

/** `hooklatch storm` of the JSON `event`, signed as `--provider` signs, with `secret` if given. */
const providerStorm = (
  url: string,
  provider: string,
  event: string,
  secret?: string,
  extra: string[] = [],
) => {
  const key = secret === undefined ? [] : ['--secret-env', 'KEY'];
  const argv = ['storm', url, '--body', 'e.json', '--provider', provider, ...key, ...extra];
  return cli(argv, { 'e.json': event }, secret === undefined ? {} : { KEY: secret });
};

describe('hooklatch storm', () => {
  it('passes a hooklatch route: one copy processed, the rest in flight or duplicates', async () => {
    const runs = { n: 0 };
    const run = await storm(await hooklatchRoute(runs), ['--copies', '4', '--retries', '2']);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(runs.n).toBe(1);
    expect(run.out.match(/ 200 processed/g)).toHaveLength(1);
    expect(run.out.match(/ 409 in_flight/g)).toHaveLength(3);
    expect(run.out.match(/retry \d +200 duplicate/g)).toHaveLength(2);
    expect(run.out).toContain('ok: processed once');
  });

  it('fails a route that processes every copy', async () => {
    let runs = 0;
    const url = await serve((_req, res) => {
      runs++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"outcome":"processed"}');
    });
    const run = await storm(url, ['--copies', '3', '--retries', '1']);
    expect(runs).toBe(4);
    expect(run.code).toBe(1);
    expect(run.err).toContain('problem: 4 copies were processed, expected exactly 1');
    expect(run.err).toContain('problem: retry 1 got processed, expected duplicate');
  });

  it('fails a route that answers in-flight copies with a 2xx', async () => {
    const runs = { n: 0 };
    const url = await hooklatchRoute(runs, {}, 202);
    const run = await storm(url, ['--copies', '3', '--retries', '0']);
    expect(runs.n).toBe(1);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/concurrent \d was in flight but answered 202: the sender would stop/);
  });

  it('reports a refused delivery (wrong secret) with its code', async () => {
    const run = await storm(await hooklatchRoute({ n: 0 }), ['--copies', '2'], {
      QUALIO_SECRET: 'not-the-secret',
    });
    expect(run.code).toBe(1);
    expect(run.out).toContain('401 SIGNATURE_INVALID');
    expect(run.err).toContain('refused the delivery (401 SIGNATURE_INVALID)');
    expect(`${run.out}${run.err}`).not.toContain('not-the-secret');
  });

  it('only reports statuses for an endpoint that does not answer like hooklatch', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200).end('OK');
    });
    const run = await storm(url, ['--copies', '2', '--retries', '1']);
    expect(run.code).toBe(0);
    expect(run.out.match(/ 200$/gm)).toHaveLength(3);
    expect(run.out).toContain('does not say what it did');
  });

  it('refuses usage mistakes with exit 2, and a secret given without its variable', async () => {
    expect((await cli(['storm'])).code).toBe(2);
    expect((await cli(['storm', 'http://127.0.0.1:9/x'])).err).toContain('--body');
    const noSecret = await storm('http://127.0.0.1:9/x', [], {} as never);
    expect(noSecret.code).toBe(2);
    expect(noSecret.err).toContain('--hmac-secret-env');
    expect((await storm('http://127.0.0.1:9/x', ['--copies', '0'])).code).toBe(2);
    expect((await storm('http://127.0.0.1:9/x', ['--header', 'nocolon'])).code).toBe(2);
    expect((await storm('http://127.0.0.1:9/x', ['--bogus'])).code).toBe(2);
  });

  it('signs with any adapter: a Stripe route, each retry signed anew', async () => {
    const secret = 'whsec_storm_test';
    const runs = { n: 0 };
    const url = await hooklatchRoute(runs, {}, undefined, stripe({ secret }));
    const event = stripeEventBody('evt_storm_1');
    const extra = ['--copies', '3', '--retries', '1', '--json'];
    const run = await providerStorm(url, 'stripe', event, secret, extra);
    expect(run.code).toBe(0);
    expect(runs.n).toBe(1);
    const report = JSON.parse(run.out) as {
      answers: { copy: string; outcome: string }[];
      problems: string[];
    };
    expect(report.problems).toEqual([]);
    expect(report.answers.filter((a) => a.outcome === 'processed')).toHaveLength(1);
    expect(report.answers.at(-1)).toMatchObject({ copy: 'retry 1', outcome: 'duplicate' });
    expect(run.out).not.toContain(secret);
  });

  it('storms a Standard Webhooks route with the headers its scheme signs', async () => {
    const secret = `whsec_${Buffer.from('storm-standard-webhooks-key-0123').toString('base64')}`;
    const runs = { n: 0 };
    const url = await hooklatchRoute(runs, {}, undefined, standardWebhooks({ secret }));
    const event = JSON.stringify({
      type: 'user.created',
      timestamp: '2025-01-01T00:00:00Z',
      data: { id: 'u1' },
    });
    const extra = ['--header', 'webhook-id: msg_storm_1', '--copies', '3', '--retries', '1'];
    const run = await providerStorm(url, 'standard-webhooks', event, secret, extra);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(runs.n).toBe(1);
    expect(run.out).toContain('ok: processed once');
  });

  it('signs with --provider qualio as the adapter does, and refuses two signing methods', async () => {
    const runs = { n: 0 };
    const url = await hooklatchRoute(runs);
    const run = await providerStorm(url, 'qualio', body, SECRET, [
      '--copies',
      '2',
      '--retries',
      '1',
    ]);
    expect(run.code).toBe(0);
    expect(runs.n).toBe(1);
    const both = await providerStorm(url, 'qualio', body, SECRET, ['--hmac-header', 'X']);
    expect(both.code).toBe(2);
    expect(both.err).toContain('not both');
    expect((await providerStorm(url, 'qualio', body)).err).toContain('--secret-env');
  });

  it('sends a URL’s user and password as basic auth, and never prints the password', async () => {
    const runs = { n: 0 };
    const seen: (string | undefined)[] = [];
    const inner = await hooklatchRoute(runs);
    const guarded = await serve(async (req, res) => {
      seen.push(req.headers.authorization);
      const forward = await fetch(inner, {
        method: 'POST',
        headers: req.headers as Record<string, string>,
        body: await new Response(req as unknown as ReadableStream).text(),
      });
      res.writeHead(forward.status, { 'content-type': 'application/json' });
      res.end(await forward.text());
    });
    const withCredentials = guarded.replace('http://', 'http://ops:S3cretPW@');
    const run = await storm(withCredentials, ['--copies', '2', '--retries', '0']);
    expect(run.code).toBe(0);
    expect(seen[0]).toBe(`Basic ${Buffer.from('ops:S3cretPW').toString('base64')}`);
    const closed = `http://ops:S3cretPW@127.0.0.1:${await closedPort()}/x`;
    const refused = await storm(closed, ['--copies', '1', '--retries', '0']);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('http://***@127.0.0.1:');
    for (const text of [run.out, run.err, refused.out, refused.err]) {
      expect(text).not.toContain('S3cretPW');
    }
  });

  it('says in words that the endpoint refused the connection', async () => {
    const closed = `http://127.0.0.1:${await closedPort()}/x`;
    const run = await storm(closed, ['--copies', '1', '--retries', '0']);
    expect(run.code).toBe(1);
    expect(run.err).toContain(`concurrent 1 to ${closed}: the connection was refused`);
    const silent = await serve(() => {});
    const slow = await storm(silent, ['--copies', '1', '--retries', '0', '--timeout-ms', '300']);
    expect(slow.code).toBe(1);
    expect(slow.err).toBe(`hooklatch storm: concurrent 1 to ${silent}: no answer within 300 ms.`);
  });
});
