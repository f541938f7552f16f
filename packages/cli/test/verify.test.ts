/**
 * `hooklatch verify` on deliveries signed by the adapters' own `sign`: which secret verified
 * (keyIndex and its variable), why one does not (header, code, skew, a changed body), in both
 * capture forms, and never a secret in the output.
 */
import { qualio } from '@hooklatch/qualio';
import { stripe } from '@hooklatch/stripe';
import { describe, expect, it } from 'vitest';
import { hooklatch } from './child';
import { stripeEventBody } from './fixtures/events';
import { cli } from './support';

const NEW = 'qualio-new-secret-4f1c';
const OLD = 'qualio-old-secret-9a2b';
const env = { QUALIO_NEW: NEW, QUALIO_OLD: OLD, WRONG: 'not-the-secret-77' };
const body = JSON.stringify({
  eventType: 'nc.updated',
  ncId: 'NC-7',
  timestamp: '2025-01-05T10:15:32Z',
  status: 'open',
});
// The sender still signs with the old secret, the receiver lists [new, old]: keyIndex 1.
const signed = qualio({ auth: { scheme: 'hmac', secrets: [OLD] } }).sign?.(body) as {
  headers: Record<string, string>;
};

const httpCapture = (headers: Record<string, string>, text: string, eol = '\r\n') =>
  [
    `POST /webhooks/qualio HTTP/1.1`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    '',
    text,
  ].join(eol);
const jsonCapture = (
  headers: Record<string, string>,
  text: string,
  extra: Record<string, unknown> = {},
) => JSON.stringify({ method: 'POST', headers, body: text, ...extra });

const verify = (capture: string | Uint8Array, ...args: string[]) =>
  cli(['verify', '--provider', 'qualio', ...args, 'capture'], {}, env, {
    bytes: { capture: typeof capture === 'string' ? new TextEncoder().encode(capture) : capture },
  });
const noSecrets = (text: string) => {
  for (const secret of [NEW, OLD, env.WRONG]) expect(text).not.toContain(secret);
};

describe('hooklatch verify', { timeout: 30_000 }, () => {
  it('names the secret that verified (keyIndex in --secret-env order) from raw HTTP text', async () => {
    const run = await verify(
      httpCapture(signed.headers, body),
      '--secret-env',
      'QUALIO_NEW',
      '--secret-env',
      'QUALIO_OLD',
    );
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('verified: the qualio delivery is authentic.');
    expect(run.out).toMatch(/secret\s+keyIndex 1 \(QUALIO_OLD\)/);
    expect(run.out).toMatch(/dedupe key\s+qualio:fp1:[0-9a-f]{64}/);
    noSecrets(run.out);
  });

  it('explains a wrong secret: code, header, the variables tried, no secret', async () => {
    const run = await verify(jsonCapture(signed.headers, body), '--secret-env', 'WRONG', '--json');
    expect(run.code).toBe(1);
    const report = JSON.parse(run.out);
    expect(report).toMatchObject({
      verified: false,
      code: 'SIGNATURE_INVALID',
      header: 'x-qualio-signature',
    });
    expect(report.diagnosis).toBeUndefined();
    const text = await verify(jsonCapture(signed.headers, body), '--secret-env', 'WRONG');
    expect(text.out).toContain('not verified: SIGNATURE_INVALID.');
    expect(text.out).toMatch(/secrets\s+1 tried, in keyIndex order: WRONG/);
    noSecrets(`${run.out}${text.out}`);
  });

  it('finds the newline a capture tool added to the body', async () => {
    const run = await verify(
      jsonCapture(signed.headers, `${body}\n`),
      '--secret-env',
      'QUALIO_OLD',
    );
    expect(run.code).toBe(1);
    expect(run.out).toMatch(
      /diagnosis\s+the signature matches the body without the trailing newline/,
    );
  });

  it('finds a body that was re-formatted after it was signed', async () => {
    const pretty = JSON.stringify(JSON.parse(body), null, 2);
    const run = await verify(jsonCapture(signed.headers, pretty), '--secret-env', 'QUALIO_OLD');
    expect(run.code).toBe(1);
    expect(run.out).toContain('the signature matches the body as compact JSON');
  });

  it('lists the headers a capture has when the signature header is missing', async () => {
    const run = await verify(
      httpCapture({ 'Content-Type': 'application/json' }, body, '\n'),
      '--secret-env',
      'QUALIO_OLD',
    );
    expect(run.code).toBe(1);
    expect(run.out).toContain('not verified: SIGNATURE_MISSING.');
    expect(run.out).toMatch(/header\s+x-qualio-signature/);
    expect(run.out).toMatch(/diagnosis\s+the capture's headers: content-type\./);
  });

  it('reads Content-Length, a chunked body and a base64 body exactly', async () => {
    const bytes = new TextEncoder().encode(body).length;
    const padded = await verify(
      httpCapture({ ...signed.headers, 'Content-Length': String(bytes) }, `${body}\n\n`),
      '--secret-env',
      'QUALIO_OLD',
    );
    expect(padded.code).toBe(0);
    expect(padded.out).toContain('note: ignored 2 byte(s) after Content-Length');
    const half = Math.floor(body.length / 2);
    const chunked = `${half.toString(16)}\r\n${body.slice(0, half)}\r\n${(body.length - half).toString(16)}\r\n${body.slice(half)}\r\n0\r\n\r\n`;
    const dechunked = await verify(
      httpCapture({ ...signed.headers, 'Transfer-Encoding': 'chunked' }, chunked),
      '--secret-env',
      'QUALIO_OLD',
    );
    expect(dechunked.code).toBe(0);
    expect(dechunked.out).toContain('note: decoded the chunked body');
    const b64 = jsonCapture(signed.headers, Buffer.from(body).toString('base64'), {
      bodyEncoding: 'base64',
    });
    expect((await verify(b64, '--secret-env', 'QUALIO_OLD')).code).toBe(0);
    const short = await verify(
      httpCapture({ 'Content-Length': '999' }, body),
      '--secret-env',
      'QUALIO_OLD',
    );
    expect(short.code).toBe(2);
    expect(short.err).toContain('fewer than its Content-Length 999');
    // A capture saved by an editor that adds a byte-order mark, in both forms.
    for (const capture of [httpCapture(signed.headers, body), jsonCapture(signed.headers, body)]) {
      const marked = await verify(`\uFEFF${capture}`, '--secret-env', 'QUALIO_OLD');
      expect(marked.code).toBe(0);
      expect(marked.out).toContain('note: a byte-order mark before the capture was ignored');
    }
  });

  it('refuses a base64 body that is spaces then a stray character at once, whatever its size', async () => {
    // Quadratic before: 200 000 spaces took about 14 s to refuse.
    const body = `${' '.repeat(200_000)}!`;
    const started = performance.now();
    const run = await verify(
      jsonCapture({}, body, { bodyEncoding: 'base64' }),
      '--secret-env',
      'QUALIO_OLD',
    );
    expect(run.code).toBe(2);
    expect(run.err).toContain('"body" is not base64');
    expect(performance.now() - started).toBeLessThan(3_000);
  });

  it('reports the timestamp skew of a stale Stripe delivery and that its signature is right', async () => {
    const secret = 'whsec_cli_verify_test';
    const event = stripeEventBody('evt_cli_1');
    // Whole seconds: Stripe signs a Unix time.
    const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000 - 3_600_000);
    const delivery = stripe({ secret }).sign?.(event, { timestamp: signedAt });
    const capture = jsonCapture(delivery?.headers as Record<string, string>, event);
    const run = (...args: string[]) =>
      cli(
        ['verify', '--provider', 'stripe', '--secret-env', 'STRIPE', ...args, 'c'],
        {},
        { STRIPE: secret },
        {
          bytes: { c: new TextEncoder().encode(capture) },
        },
      );
    const stale = await run('--json');
    expect(stale.code).toBe(1);
    const report = JSON.parse(stale.out);
    expect(report).toMatchObject({
      code: 'TIMESTAMP_OUT_OF_TOLERANCE',
      header: 'stripe-signature',
      toleranceSeconds: 300,
    });
    expect(report.skewSeconds).toBeGreaterThanOrEqual(3599);
    expect(report.skewSeconds).toBeLessThan(3700);
    expect(report.diagnosis).toContain('the signature itself matches');
    const onTime = await run('--received-at', new Date(signedAt.getTime() + 2000).toISOString());
    expect(onTime.code).toBe(0);
    expect(onTime.out).toMatch(/event\s+balance\.available evt_cli_1/);
    expect(onTime.out).toMatch(/signed\s+.*, 2 s before it was received/);
    expect(onTime.out).toMatch(/secret\s+keyIndex 0 \(STRIPE\)/);
    expect(`${stale.out}${onTime.out}`).not.toContain(secret);
  });

  it('an authentic delivery its typed schema refuses is verified, with the paths, exit 0', async () => {
    const secret = 'whsec_cli_verify_schema';
    const event = JSON.parse(stripeEventBody('evt_cli_schema'));
    event.type = 'payment_intent.succeeded';
    event.data.object = { object: 'payment_intent', id: 'pi_1', amount: 'twelve-50-secret' };
    const text = JSON.stringify(event);
    const delivery = stripe({ secret }).sign?.(text);
    const capture = jsonCapture(delivery?.headers as Record<string, string>, text);
    const run = (...args: string[]) =>
      cli(
        ['verify', '--provider', 'stripe', '--secret-env', 'STRIPE', ...args, 'c'],
        {},
        { STRIPE: secret },
        { bytes: { c: new TextEncoder().encode(capture) } },
      );
    const json = await run('--json');
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out);
    expect(report).toMatchObject({
      verified: true,
      code: 'PAYLOAD_SCHEMA_MISMATCH',
      keyIndex: 0,
      event: { id: 'evt_cli_schema', dedupeKey: 'stripe:evt_cli_schema' },
    });
    expect(report.schemaIssues).toContain('data.object.amount');
    const human = await run();
    expect(human.code).toBe(0);
    expect(human.out).toContain('verified: the stripe delivery is authentic.');
    expect(human.out).toMatch(/schema\s+the payload does not fit .*data\.object\.amount/);
    expect(`${json.out}${human.out}`).not.toContain('twelve-50-secret');
    expect(`${json.out}${human.out}`).not.toContain(secret);
    // Captured with a trailing newline: the diagnosis still finds the authentic body.
    const padded = jsonCapture(delivery?.headers as Record<string, string>, `${text}\n`);
    const newline = await cli(
      ['verify', '--provider', 'stripe', '--secret-env', 'STRIPE', '--json', 'c'],
      {},
      { STRIPE: secret },
      { bytes: { c: new TextEncoder().encode(padded) } },
    );
    expect(newline.code).toBe(1);
    expect(JSON.parse(newline.out).diagnosis).toContain('without the trailing newline');
  });

  it('refuses usage mistakes with exit 2', async () => {
    const capture = httpCapture(signed.headers, body);
    expect((await verify(capture)).err).toContain('give --secret-env VAR');
    expect((await verify(capture, '--secret-env', 'UNSET_VARIABLE')).err).toContain(
      'UNSET_VARIABLE (--secret-env) is not set',
    );
    expect((await verify('GET\n\nx', '--secret-env', 'QUALIO_OLD')).code).toBe(2);
    expect((await verify('{"headers":{}}', '--secret-env', 'QUALIO_OLD')).err).toContain(
      '"body" as a string',
    );
    expect(
      (await verify(capture, '--secret-env', 'QUALIO_OLD', '--scheme', 'bearer')).err,
    ).toContain('--scheme is one of');
    const unknown = await cli(
      ['verify', '--provider', 'acme', '--secret-env', 'X'],
      {},
      { X: '1' },
    );
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('name a provider');
  });

  it('reads the capture from standard input in a real process', async () => {
    const run = await hooklatch(['verify', '--provider', 'qualio', '--secret-env', 'QUALIO_OLD'], {
      input: httpCapture(signed.headers, body),
      env,
    });
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain('verified: the qualio delivery is authentic.');
    const bad = await hooklatch(['verify', '--provider', 'qualio', '--secret-env', 'WRONG'], {
      input: httpCapture(signed.headers, body),
      env,
    });
    expect(bad.code).toBe(1);
    noSecrets(`${bad.out}${bad.err}`);
  });
});
