/**
 * What integrations share: finding the raw body in what a framework left (on real Node requests
 * over 127.0.0.1 and real Web Requests), and answering a delivery refused before it was read
 * through the same path as any other (reply, hooks, logger).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import {
  bodyConsumedError,
  type FrameworkNodeRequest,
  handleNodeRequest,
  handleWebhookInput,
  memoryStore,
  nodeRequestInput,
  type OutcomeReport,
  readDelivery,
  webRequestInput,
} from '../src/index';
import { SECRET, sign, testAdapter } from './support/hmac-adapter';

const hint = { integration: 'acme', fix: 'Do the documented thing.' };
const body = JSON.stringify({ id: 'evt_1', type: 'order.paid' });

/** Send `body` to a one-shot server and hand the live request to `inspect` before it answers. */
async function withRequest<T>(
  prepare: (req: IncomingMessage) => Promise<void> | void,
  inspect: (req: FrameworkNodeRequest) => Promise<T>,
): Promise<T> {
  let result!: Promise<T>;
  const server = createServer(async (req, res) => {
    result = (async () => {
      await prepare(req);
      return inspect(req as IncomingMessage & FrameworkNodeRequest);
    })();
    await result.catch(() => {});
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const port = (server.address() as AddressInfo).port;
    await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body });
    return await result;
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

async function drain(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const text = async (input: Parameters<typeof readDelivery>[0]) =>
  new TextDecoder().decode((await readDelivery(input)).rawBody);

describe('nodeRequestInput', () => {
  it('passes an unread request through, and readDelivery reads its stream', async () => {
    const read = await withRequest(
      () => {},
      async (req) => text(nodeRequestInput(req, hint)),
    );
    expect(read).toBe(body);
  });

  it('uses the bytes a parser kept: rawBody first, then a Buffer or string body', async () => {
    const kept = await withRequest(
      async (req) => {
        const raw = await drain(req);
        Object.assign(req, { body: { parsed: true }, rawBody: raw });
      },
      async (req) => text(nodeRequestInput(req, hint)),
    );
    expect(kept).toBe(body);
    const buffer = await withRequest(
      async (req) => {
        Object.assign(req, { body: await drain(req) });
      },
      async (req) => text(nodeRequestInput(req, hint)),
    );
    expect(buffer).toBe(body);
  });

  it('reads the stream behind the `{}` placeholder of a parser that skipped it', async () => {
    const read = await withRequest(
      (req) => {
        Object.assign(req, { body: {} }); // body-parser 1.x, for another content type
      },
      async (req) => text(nodeRequestInput(req, hint)),
    );
    expect(read).toBe(body);
  });

  it('refuses a consumed stream with only a parsed object kept: CONFIG_INVALID', async () => {
    const error = await withRequest(
      async (req) => {
        Object.assign(req, { body: JSON.parse((await drain(req)).toString()), _body: true });
      },
      async (req) => {
        try {
          nodeRequestInput(req, hint);
        } catch (thrown) {
          return thrown;
        }
        return undefined;
      },
    );
    expect(error).toMatchObject({
      code: 'CONFIG_INVALID',
      httpStatus: 500,
      details: { integration: 'acme' },
    });
    const message = (error as Error).message;
    expect(message).toContain('acme:');
    expect(message).toContain('Do the documented thing.');
    expect(message).not.toContain('evt_1');
  });
});

describe('webRequestInput', () => {
  it('passes an unread Request, refuses a read one', async () => {
    const request = new Request('http://x/', { method: 'POST', body });
    expect(webRequestInput(request, hint)).toBe(request);
    await request.text();
    expect(() => webRequestInput(request, hint)).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });

  it('refuses a Request whose body a reader locked, though nothing was read yet', () => {
    const request = new Request('http://x/', { method: 'POST', body });
    request.body?.getReader();
    expect(request.bodyUsed).toBe(false);
    expect(() => webRequestInput(request, hint)).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });
});

describe('handleWebhookInput', () => {
  const adapter = testAdapter();
  const signed = () => ({
    headers: { 'x-test-signature': sign(body, SECRET) },
    body,
  });

  it('handles what read returns exactly as handleWebhook does', async () => {
    const handler = vi.fn(() => 'done');
    const store = memoryStore();
    const reply = await handleWebhookInput(signed, { adapter, store, handler, logger: false });
    expect(reply).toMatchObject({ status: 200, outcome: { outcome: 'processed' } });
    const again = await handleWebhookInput(async () => signed(), {
      adapter,
      store,
      handler,
      logger: false,
    });
    expect(again.outcome).toMatchObject({ outcome: 'duplicate' });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('answers a refusal with its code, reports it to hooks and logger, runs nothing', async () => {
    const outcomes: OutcomeReport[] = [];
    const lines: unknown[][] = [];
    const handler = vi.fn();
    const reply = await handleWebhookInput(
      () => {
        throw bodyConsumedError(hint);
      },
      {
        adapter,
        store: memoryStore(),
        handler,
        hooks: { onOutcome: (report) => void outcomes.push(report) },
        logger: { error: (...args: unknown[]) => void lines.push(args) },
      },
    );
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'CONFIG_INVALID' } });
    expect(outcomes).toEqual([
      expect.objectContaining({
        outcome: 'rejected',
        provider: 'test',
        errorCode: 'CONFIG_INVALID',
      }),
    ]);
    expect(JSON.stringify(lines)).toContain('setup_invalid');
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers a foreign error 500 INTERNAL without its message', async () => {
    const reply = await handleWebhookInput(
      () => {
        throw new Error('secret internals');
      },
      { adapter, store: memoryStore(), handler: () => {}, logger: false },
    );
    expect(reply.status).toBe(500);
    expect(reply.body).not.toContain('secret internals');
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'INTERNAL' } });
  });

  it('names a missing adapter before the refusal', async () => {
    const reply = await handleWebhookInput(
      () => {
        throw bodyConsumedError(hint);
      },
      // biome-ignore lint/suspicious/noExplicitAny: a setup mistake on purpose
      { adapter: undefined as any, store: memoryStore(), handler: () => {}, logger: false },
    );
    expect(reply.status).toBe(500);
    expect(reply.error).toMatchObject({ code: 'CONFIG_INVALID', details: { option: 'adapter' } });
  });
});

describe('handleNodeRequest', () => {
  async function serve(answeredFirst: boolean) {
    const adapter = testAdapter();
    const handled: string[] = [];
    const server = createServer(async (req, res) => {
      if (answeredFirst) res.writeHead(503).end('busy');
      await handleNodeRequest(
        req as IncomingMessage & FrameworkNodeRequest,
        res,
        { adapter, store: memoryStore(), handler: (e) => void handled.push(e.id), logger: false },
        hint,
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: { 'x-test-signature': sign(body, SECRET) },
      body,
    });
    const text = await response.text();
    await new Promise((resolve) => server.close(resolve));
    return { status: response.status, text, handled };
  }

  it('reads the request, handles it and writes the reply', async () => {
    const { status, text, handled } = await serve(false);
    expect(status).toBe(200);
    expect(JSON.parse(text)).toEqual({ outcome: 'processed' });
    expect(handled).toEqual(['evt_1']);
  });

  it('writes nothing over an answer something else already sent', async () => {
    const { status, text } = await serve(true);
    expect(status).toBe(503);
    expect(text).toBe('busy');
  });
});
