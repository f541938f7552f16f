import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { toHex } from '../src/crypto/index';
import {
  ConfigurationError,
  handleWebhook,
  memoryStore,
  nodeRequestInput,
  PayloadError,
  parseEvent,
  readDelivery,
  VerificationError,
} from '../src/index';
import { hmacSha256 } from '../src/kit';
import { SECRET, sign, signedInput, testAdapter } from './support/hmac-adapter';

const adapter = testAdapter();
const payload = { id: 'evt_1', type: 'order.created', orderId: 'ord_9' };

async function expectError(promise: Promise<unknown>, cls: Function, code: string, status: number) {
  const error = await promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(cls);
  expect(error).toMatchObject({ code, httpStatus: status });
  expect(String((error as Error).message)).not.toContain(SECRET);
  return error as Error;
}

describe('parseEvent input kinds', () => {
  it('plain { headers, body } with string, Buffer, Uint8Array and ArrayBuffer bodies', async () => {
    const { headers, body } = signedInput(payload);
    const bytes = new TextEncoder().encode(body);
    for (const b of [body, Buffer.from(body), bytes, bytes.buffer.slice(0)]) {
      const event = await parseEvent(adapter, { headers, body: b });
      expect(event).toMatchObject({
        provider: 'test',
        type: 'order.created',
        id: 'evt_1',
        idSource: 'event',
        dedupeKey: 'test:evt_1',
        subject: 'ord_9',
        retentionMs: 60_000,
        payload,
      });
    }
  });

  it('Web Request', async () => {
    const { headers, body } = signedInput(payload);
    const event = await parseEvent(
      adapter,
      new Request('https://example.test/hook', { method: 'POST', headers, body }),
    );
    expect(event.dedupeKey).toBe('test:evt_1');
  });

  it('Node IncomingMessage with an unread stream, and one whose body middleware kept as Buffer', async () => {
    const { headers, body } = signedInput(payload);
    const seen: string[] = [];
    const server = createServer(async (req: IncomingMessage, res) => {
      try {
        if (req.url === '/kept') {
          const chunks: Buffer[] = [];
          for await (const c of req) chunks.push(c as Buffer);
          (req as IncomingMessage & { body?: unknown }).body = Buffer.concat(chunks);
        }
        const event = await parseEvent(adapter, req);
        seen.push(event.dedupeKey);
        res.end('ok');
      } catch (error) {
        res.statusCode = (error as { httpStatus?: number }).httpStatus ?? 500;
        res.end(String((error as Error).message));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const path of ['/stream', '/kept']) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, {
          method: 'POST',
          headers,
          body,
        });
        expect(response.status).toBe(200);
      }
      expect(seen).toEqual(['test:evt_1', 'test:evt_1']);
    } finally {
      server.close();
    }
  });

  it('a sender that hangs up mid-body -> BODY_INCOMPLETE (400), for a Node request and a Web Request', async () => {
    const errors: unknown[] = [];
    const server = createServer(async (req: IncomingMessage, res) => {
      errors.push(await parseEvent(adapter, req).catch((e: unknown) => e));
      res.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const socket = connect(port, '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{"id":');
      await new Promise((resolve) => setTimeout(resolve, 50));
      socket.destroy();
      await vi.waitFor(() => expect(errors).toHaveLength(1));
    } finally {
      server.close();
    }
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error('socket hang up'));
      },
    });
    const request = new Request('http://x/', {
      method: 'POST',
      body: broken,
      duplex: 'half',
    } as RequestInit);
    errors.push(await parseEvent(adapter, request).catch((e: unknown) => e));
    for (const error of errors) {
      expect(error).toBeInstanceOf(PayloadError);
      expect(error).toMatchObject({ code: 'BODY_INCOMPLETE', httpStatus: 400 });
    }
  });

  it.each([
    ['a Node request', (req: IncomingMessage) => req],
    // Express 4's body-parser leaves `{}` on a request it skipped: the router wraps the stream.
    [
      'the router behind a `{}` placeholder',
      (req: IncomingMessage) =>
        nodeRequestInput(Object.assign(req, { body: {} }), { integration: 'x', fix: '' }),
    ],
  ])(
    'a chunked body over the limit is answered 413 and its keep-alive connection serves the next request (%s)',
    async (_name, input) => {
      const server = createServer(async (req: IncomingMessage, res) => {
        const status = await parseEvent(adapter, input(req), { maxBodyBytes: 1024 }).then(
          () => 200,
          (e: { httpStatus?: number }) => e.httpStatus ?? 500,
        );
        res.writeHead(status, { 'content-length': '0' }).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const { port } = server.address() as AddressInfo;
      const socket = connect(port, '127.0.0.1');
      try {
        await new Promise((resolve) => socket.once('connect', resolve));
        let answers = '';
        socket.on('data', (data) => {
          answers += data.toString('latin1');
        });
        const chunk = `400\r\n${'x'.repeat(1024)}\r\n`;
        socket.write(
          `POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${chunk.repeat(64)}0\r\n\r\n`,
        );
        // The same connection's next request: a small body, which a missing signature refuses.
        socket.write('POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}');
        await vi.waitFor(() => expect(answers.match(/HTTP\/1\.1 \d+/g)).toHaveLength(2), {
          timeout: 3_000,
        });
        expect(answers.match(/HTTP\/1\.1 \d+/g)).toEqual(['HTTP/1.1 413', 'HTTP/1.1 401']);
      } finally {
        socket.destroy();
        server.close();
      }
    },
  );

  it('receivedAt for queued processing; occurredAt falls back to it', async () => {
    const receivedAt = new Date('2025-01-05T10:15:32Z');
    const event = await parseEvent(adapter, signedInput(payload), { receivedAt });
    expect(event.receivedAt).toEqual(receivedAt);
    expect(event.occurredAt).toEqual(receivedAt);
  });

  it('header names are case-insensitive and arrays are joined', async () => {
    const { body } = signedInput(payload);
    const event = await parseEvent(adapter, { headers: [['X-TEST-SIGNATURE', sign(body)]], body });
    expect(event.id).toBe('evt_1');
  });

  it('a header record is lower-cased and a name met twice is joined, whichever case comes first', async () => {
    const read = (headers: Record<string, string | string[] | undefined>) =>
      readDelivery({ headers, body: '' }).then((delivery) => delivery.headers);
    expect(await read({ 'x-a': '1', 'X-A': '2', 'x-b': '3' })).toEqual({
      'x-a': '1, 2',
      'x-b': '3',
    });
    expect(await read({ 'X-A': '1', 'x-a': '2', 'x-b': '3' })).toEqual({
      'x-a': '1, 2',
      'x-b': '3',
    });
    expect(await read({ b: ['3', '4'], B: '5', c: undefined, constructor: 'k' })).toEqual({
      b: '3, 4, 5',
      constructor: 'k',
    });
    expect(await read({ a: '1', b: '2' })).toEqual({ a: '1', b: '2' });
  });
});

describe('parseEvent bad input', () => {
  it('an already-parsed object body -> RAW_BODY_REQUIRED with a hint', async () => {
    const { headers } = signedInput(payload);
    const error = await expectError(
      parseEvent(adapter, { headers, body: payload as unknown as string }),
      ConfigurationError,
      'RAW_BODY_REQUIRED',
      500,
    );
    expect(error.message).toMatch(/express\.raw/);
  });

  it('text that is not the bytes sent (a BOM dropped, Latin-1 decoded) -> RAW_BODY_REQUIRED, not 401', async () => {
    const json = JSON.stringify({ ...payload, note: 'café' });
    const cases = [
      // `await request.text()` drops a byte-order mark.
      { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)]), read: 'utf8' },
      // A body parser decoding a declared charset=iso-8859-1.
      { bytes: Buffer.from(json, 'latin1'), read: 'latin1' },
    ] as const;
    for (const { bytes, read } of cases) {
      const text = read === 'utf8' ? new TextDecoder().decode(bytes) : bytes.toString('latin1');
      const headers = {
        'x-test-signature': toHex(hmacSha256(SECRET, bytes)),
        'content-length': String(bytes.length),
      };
      const error = await expectError(
        parseEvent(adapter, { headers, body: text }),
        ConfigurationError,
        'RAW_BODY_REQUIRED',
        500,
      );
      expect(error.message).toContain(`Content-Length declares ${bytes.length} bytes`);
      expect(error.message).not.toContain('café');
      // The same bytes as bytes verify.
      expect((await parseEvent(adapter, { headers, body: bytes })).id).toBe('evt_1');
      // Nothing to compare against: the signature failure stays a signature failure.
      const { 'content-length': _, ...unsized } = headers;
      await expectError(
        parseEvent(adapter, { headers: unsized, body: text }),
        VerificationError,
        'SIGNATURE_INVALID',
        401,
      );
      await expectError(
        parseEvent(adapter, { headers: { ...headers, 'content-encoding': 'gzip' }, body: text }),
        VerificationError,
        'SIGNATURE_INVALID',
        401,
      );
    }
    // Nothing signed over the bytes (an API-key adapter): decoded text parses as it is.
    const bom = new TextDecoder().decode(cases[0].bytes);
    const unsigned = {
      name: 'keyed',
      retentionMs: 60_000,
      parse: (d: { rawBody: Uint8Array }) => {
        const body = JSON.parse(new TextDecoder().decode(d.rawBody)) as { id: string };
        return { type: 't', id: body.id, idSource: 'event' as const, payload: body };
      },
    };
    const keyed = await parseEvent(unsigned, {
      headers: { 'content-length': String(cases[0].bytes.length) },
      body: bom,
    });
    expect(keyed.id).toBe('evt_1');
    // Text whose length matches and whose signature is wrong: a plain forgery.
    await expectError(
      parseEvent(adapter, {
        headers: {
          'x-test-signature': sign(json, 'other'),
          'content-length': String(Buffer.byteLength(json)),
        },
        body: json,
      }),
      VerificationError,
      'SIGNATURE_INVALID',
      401,
    );
  });

  it('a header value that is not text (null, a number, a list of numbers) -> CONFIG_INVALID', async () => {
    const { headers, body } = signedInput(payload);
    const bad: unknown[] = [
      { ...headers, 'x-extra': null },
      { ...headers, 'content-length': 5 },
      { ...headers, 'x-list': [1, 2] },
      [['x-extra', 7]],
      [null],
    ];
    for (const input of bad) {
      const error = await expectError(
        parseEvent(adapter, { headers: input as Record<string, string>, body }),
        ConfigurationError,
        'CONFIG_INVALID',
        500,
      );
      expect(error).toMatchObject({ details: { option: 'headers' } });
    }
  });

  it('an object-mode stream that yields objects -> RAW_BODY_REQUIRED', async () => {
    const objects = Object.assign(
      (async function* () {
        yield { not: 'bytes' };
      })(),
      { headers: {}, on() {} },
    );
    await expectError(parseEvent(adapter, objects), ConfigurationError, 'RAW_BODY_REQUIRED', 500);
  });

  it('a Node request whose stream was consumed and nothing kept -> RAW_BODY_REQUIRED', async () => {
    const fake = Object.assign((async function* () {})(), {
      headers: {},
      readableEnded: true,
      on() {},
    });
    await expectError(parseEvent(adapter, fake), ConfigurationError, 'RAW_BODY_REQUIRED', 500);
    const parsed = Object.assign((async function* () {})(), {
      headers: {},
      body: { id: 1 },
      on() {},
    });
    await expectError(parseEvent(adapter, parsed), ConfigurationError, 'RAW_BODY_REQUIRED', 500);
  });

  it('a Request whose body was already read -> RAW_BODY_REQUIRED', async () => {
    const request = new Request('https://x.test', { method: 'POST', body: '{}' });
    await request.text();
    await expectError(parseEvent(adapter, request), ConfigurationError, 'RAW_BODY_REQUIRED', 500);
    // A reader taken and nothing read: just as gone (not a TypeError answered INTERNAL).
    const locked = new Request('https://x.test', { method: 'POST', body: '{}' });
    locked.body?.getReader();
    await expectError(parseEvent(adapter, locked), ConfigurationError, 'RAW_BODY_REQUIRED', 500);
  });

  it('oversize body -> BODY_TOO_LARGE before the adapter runs (declared, buffered and streamed)', async () => {
    const big = JSON.stringify({ ...payload, pad: 'x'.repeat(2_000) });
    const headers = { 'x-test-signature': sign(big) };
    await expectError(
      parseEvent(adapter, { headers, body: big }, { maxBodyBytes: 1000 }),
      PayloadError,
      'BODY_TOO_LARGE',
      413,
    );
    await expectError(
      parseEvent(adapter, new Request('https://x.test', { method: 'POST', headers, body: big }), {
        maxBodyBytes: 1000,
      }),
      PayloadError,
      'BODY_TOO_LARGE',
      413,
    );
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (let i = 0; i < 10; i++) c.enqueue(new Uint8Array(200));
        c.close();
      },
    });
    const streamed = new Request('https://x.test', {
      method: 'POST',
      headers,
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectError(
      parseEvent(adapter, streamed, { maxBodyBytes: 1000 }),
      PayloadError,
      'BODY_TOO_LARGE',
      413,
    );
    const declared = { headers: { ...headers, 'content-length': '5000000' }, body: '{}' };
    await expectError(parseEvent(adapter, declared), PayloadError, 'BODY_TOO_LARGE', 413);
  });

  it('default limit is 1 MiB', async () => {
    const body = 'x'.repeat(1_048_577);
    await expectError(
      parseEvent(adapter, { headers: {}, body }),
      PayloadError,
      'BODY_TOO_LARGE',
      413,
    );
  });

  it('missing, malformed and wrong signatures', async () => {
    const { body } = signedInput(payload);
    await expectError(
      parseEvent(adapter, { headers: {}, body }),
      VerificationError,
      'SIGNATURE_MISSING',
      401,
    );
    await expectError(
      parseEvent(adapter, { headers: { 'x-test-signature': 'zz' }, body }),
      VerificationError,
      'SIGNATURE_MALFORMED',
      400,
    );
    const wrong = await expectError(
      parseEvent(adapter, { headers: { 'x-test-signature': sign(body, 'other') }, body }),
      VerificationError,
      'SIGNATURE_INVALID',
      401,
    );
    expect(wrong.message).toMatch(/raw body/);
  });

  it('re-serialized body fails verification', async () => {
    const original = '{ "id": "evt_1", "type": "order.created" }';
    const reserialized = JSON.stringify(JSON.parse(original));
    await expectError(
      parseEvent(adapter, { headers: { 'x-test-signature': sign(original) }, body: reserialized }),
      VerificationError,
      'SIGNATURE_INVALID',
      401,
    );
  });

  it('empty, non-JSON and schema-failing bodies', async () => {
    for (const [body, code, status] of [
      ['', 'BODY_EMPTY', 400],
      ['  \n', 'BODY_EMPTY', 400],
      ['{not json', 'PAYLOAD_MALFORMED', 400],
      ['{"id": 5, "type": "x"}', 'PAYLOAD_INVALID', 422],
    ] as const) {
      const error = await expectError(
        parseEvent(adapter, { headers: { 'x-test-signature': sign(body) }, body }),
        PayloadError,
        code,
        status,
      );
      if (code === 'PAYLOAD_INVALID') {
        expect(error.message).toContain('id:');
        expect((error as PayloadError).details.issues).toEqual([
          { path: 'id', message: expect.any(String) },
        ]);
      }
    }
  });

  it('a method the adapter does not accept -> METHOD_NOT_ALLOWED', async () => {
    const { headers } = signedInput(payload);
    await expectError(
      parseEvent(adapter, new Request('https://x.test', { method: 'GET', headers })),
      PayloadError,
      'METHOD_NOT_ALLOWED',
      405,
    );
    await expectError(
      parseEvent(adapter, { ...signedInput(payload), method: 'put' }),
      PayloadError,
      'METHOD_NOT_ALLOWED',
      405,
    );
    // A method that is not one is never echoed; the answer names what the route takes.
    const odd = await expectError(
      parseEvent(adapter, { ...signedInput(payload), method: `X${'<script>'.repeat(40)}` }),
      PayloadError,
      'METHOD_NOT_ALLOWED',
      405,
    );
    expect(odd.message).not.toContain('script');
    expect(JSON.stringify((odd as PayloadError).details)).not.toContain('script');
    const reply = await handleWebhook(
      { ...signedInput(payload), method: 'DELETE' },
      { adapter, store: memoryStore(), handler: () => 'never' },
    );
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe('POST');
  });

  it('rejects input that is no request at all', async () => {
    await expectError(parseEvent(adapter, 42 as never), ConfigurationError, 'CONFIG_INVALID', 500);
  });
});
