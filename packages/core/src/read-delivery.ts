/**
 * Turns whatever a handler has (a Web `Request`, a Node `IncomingMessage`, or plain
 * `{ headers, body }`) into a {@link RawDelivery} with the exact body bytes, enforcing the size
 * limit while reading so an oversize body is never buffered whole.
 */

import { concatBytes, utf8 } from './crypto/encoding';
import { ConfigurationError, HooklatchError, PayloadError } from './errors';
import type { RawDelivery } from './event';
import { optionInvalid, positiveIntegerOption } from './kit/options';

/** Header shapes accepted in plain input: a `Headers`, a record, or `[name, value]` pairs. */
export type HeaderInput =
  | Headers
  | Readonly<Record<string, string | readonly string[] | undefined>>
  | ReadonlyArray<readonly [string, string]>;

/** The framework-free input: headers plus the raw, unparsed body. */
export interface PlainDeliveryInput {
  headers: HeaderInput;
  /** The body exactly as received. An already-parsed object is rejected with RAW_BODY_REQUIRED. */
  body: string | Uint8Array | ArrayBuffer | null | undefined;
  /** @default 'POST' */
  method?: string;
}

/** The minimal shape of a Node `IncomingMessage` we rely on (no `node:http` import needed). */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  headers: Record<string, string | string[] | undefined>;
  // `| undefined`: Node's IncomingMessage declares them so, and must fit under
  // exactOptionalPropertyTypes.
  method?: string | undefined;
  readableEnded?: boolean | undefined;
  /** Set by body-parsing middleware (Express, Koa...). A Buffer/string is used as the raw body. */
  body?: unknown;
  rawBody?: unknown;
}

/** Anything `parseEvent` accepts. */
export type DeliveryInput = Request | NodeRequestLike | PlainDeliveryInput;

/** Options for reading a delivery. */
export interface ReadDeliveryOptions {
  /** When the delivery was received; pass the original time when processing from a queue. @default new Date() */
  receivedAt?: Date;
  /** Largest body accepted, in bytes; checked before any hashing or parsing. @default 1_048_576 */
  maxBodyBytes?: number;
}

/** 1 MiB: larger than any provider's documented maximum event size. */
export const DEFAULT_MAX_BODY_BYTES = 1_048_576;

const RAW_BODY_HINT =
  'Webhook signatures cover the exact raw bytes, so the body must reach hooklatch unparsed. ' +
  "Express: use express.raw({ type: '*/*' }) on this route (not express.json()); " +
  'Next.js/Hono/Workers: pass the Request itself; Fastify: parse the content type as a buffer.';

function rawBodyRequired(what: string): ConfigurationError {
  return new ConfigurationError('RAW_BODY_REQUIRED', `${what}. ${RAW_BODY_HINT}`);
}

/**
 * BODY_TOO_LARGE (413) for a body over `limit` bytes (`seen`, when known). Exported for
 * integrations whose framework refuses the body itself (Fastify's parser), so the answer and
 * the report are core's.
 */
export function bodyTooLargeError(limit: number, seen?: number): PayloadError {
  return new PayloadError(
    'BODY_TOO_LARGE',
    `Body exceeds the ${limit}-byte limit (maxBodyBytes)${seen === undefined ? '' : `: ${seen} bytes`}.`,
    { details: { maxBodyBytes: limit, ...(seen === undefined ? {} : { bytes: seen }) } },
  );
}

function isWebRequest(input: unknown): input is Request {
  if (typeof Request !== 'undefined' && input instanceof Request) return true;
  const r = input as Partial<Request> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof r.arrayBuffer === 'function' &&
    typeof (r.headers as Headers | undefined)?.get === 'function'
  );
}

function isNodeRequest(input: unknown): input is NodeRequestLike {
  const r = input as Partial<NodeRequestLike> | null;
  return (
    typeof r === 'object' &&
    r !== null &&
    typeof (r as { on?: unknown }).on === 'function' &&
    typeof r[Symbol.asyncIterator] === 'function' &&
    typeof r.headers === 'object'
  );
}

/**
 * Add one header, joining a repeated one as `Headers` and Node do (`a, b`). Own members only:
 * a header named `constructor` is not mistaken for a repeat of Object's.
 */
function add(out: Record<string, string>, name: string, value: string): void {
  if (typeof name !== 'string' || typeof value !== 'string') throw notAHeader();
  const key = name.toLowerCase();
  out[key] = Object.hasOwn(out, key) ? `${out[key]}, ${value}` : value;
}

/**
 * A header value (or name) that is not text, as hand-built headers can hold (`null`, a number).
 * Neither is named: the message must not repeat what a request carried.
 */
function notAHeader(): ConfigurationError {
  return new ConfigurationError(
    'CONFIG_INVALID',
    'headers: every header name and value must be a string (or, in a record, a list of strings).',
    { details: { option: 'headers' } },
  );
}

function normalizeHeaders(headers: HeaderInput): Record<string, string> {
  const out: Record<string, string> = {};
  if (typeof (headers as Headers).forEach === 'function' && !Array.isArray(headers)) {
    (headers as Headers).forEach((value, name) => {
      add(out, name, value);
    });
  } else if (Array.isArray(headers)) {
    for (const pair of headers as ReadonlyArray<readonly [string, string]>) {
      if (!Array.isArray(pair)) throw notAHeader();
      add(out, pair[0], pair[1]);
    }
  } else {
    // A record (Node's IncomingMessage.headers, a plain object): its own keys, no entry pairs.
    // A record's keys are distinct, so until one changes case (or a value is a list) no two
    // can meet: Node's own records are lower-case already and are copied without the checks.
    const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
    let merging = false;
    for (const name of Object.keys(record)) {
      const value = record[name];
      if (value === undefined) continue;
      if (typeof value === 'string') {
        const key = name.toLowerCase();
        if (!merging && key === name) out[key] = value;
        else {
          merging = true;
          add(out, name, value);
        }
      } else {
        if (!Array.isArray(value)) throw notAHeader();
        merging = true;
        for (const v of value as readonly string[]) add(out, name, v);
      }
    }
  }
  return out;
}

function checkDeclaredLength(headers: Record<string, string>, limit: number): void {
  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw bodyTooLargeError(limit, declared);
}

function bodyToBytes(body: unknown, what: string): Uint8Array {
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body === 'string') return utf8(body);
  if (body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  throw rawBodyRequired(
    `${what} is a ${Array.isArray(body) ? 'array' : typeof body}, not raw bytes`,
  );
}

/**
 * The Node request's chunks, read so that leaving early (a body over the limit) does not destroy
 * the request: the caller then resumes it, Node reads and drops the rest, and the keep-alive
 * connection serves the sender's next request. A destroyed (or merely abandoned) request left
 * that connection hanging: the next delivery on it timed out. Where the runtime lacks
 * `iterator()`, the request itself.
 */
function keptAlive(request: AsyncIterable<unknown>): AsyncIterable<unknown> {
  const iterator = (request as { iterator?: (o: object) => AsyncIterable<unknown> }).iterator;
  return typeof iterator === 'function'
    ? iterator.call(request, { destroyOnReturn: false })
    : request;
}

async function readChunks(source: AsyncIterable<unknown>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      // An object-mode stream can yield anything; only text and bytes are a body.
      if (typeof chunk !== 'string' && !(chunk instanceof Uint8Array)) {
        throw rawBodyRequired('The request stream yielded a chunk that is not bytes or text');
      }
      const bytes = typeof chunk === 'string' ? utf8(chunk) : chunk;
      total += bytes.length;
      if (total > limit) throw bodyTooLargeError(limit);
      chunks.push(bytes);
    }
  } catch (error) {
    throw error instanceof HooklatchError ? error : bodyIncompleteError(error);
  }
  return chunks.length === 1 ? (chunks[0] as Uint8Array) : concatBytes(...chunks);
}

/**
 * The stream failed while it was read: the sender hung up mid-body (`ECONNRESET`, `aborted`) or
 * the stream broke. The sender's own doing, so a 400 logged as a rejection, never a 500 (anyone
 * could flood the error log and the 5xx alerts by hanging up); the cause is kept, not echoed.
 */
export function bodyIncompleteError(cause?: unknown): PayloadError {
  return new PayloadError(
    'BODY_INCOMPLETE',
    'The request body ended before it was complete: the connection closed or the stream failed while it was read.',
    { cause },
  );
}

async function readWebBody(request: Request, limit: number): Promise<Uint8Array> {
  // A locked stream (a reader taken, nothing read yet) is as gone as a read one.
  if (request.bodyUsed || request.body?.locked === true) {
    throw rawBodyRequired('The Request body was already read');
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const source: AsyncIterable<Uint8Array> = {
    async *[Symbol.asyncIterator]() {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) return;
          yield value;
        }
      } finally {
        reader.releaseLock();
      }
    },
  };
  return readChunks(source, limit);
}

function checkLimit(body: Uint8Array, limit: number): Uint8Array {
  if (body.length > limit) throw bodyTooLargeError(limit, body.length);
  return body;
}

/**
 * Deliveries whose body came as text (`express.text()`, `await request.text()`) that, by their
 * Content-Length, no longer encodes to the bytes that were sent: decoding dropped a byte-order
 * mark, read a charset other than UTF-8, or replaced invalid UTF-8 (an HTTP server reads
 * exactly Content-Length bytes, so the two can only differ there). They parse as they are (a
 * credential adapter needs no exact bytes), but no signature over them can match: see
 * {@link decodedTextError}.
 */
const changedText = new WeakSet<RawDelivery>();

/** Whether `delivery` is decoded text that differs from the bytes sent. */
export function hasDecodedText(delivery: RawDelivery): boolean {
  return changedText.has(delivery);
}

function noteDecodedText(delivery: RawDelivery): void {
  const declared = delivery.headers['content-length'];
  const encoding = delivery.headers['content-encoding'];
  // A compressed body's Content-Length counts the compressed bytes: nothing to compare.
  if (declared === undefined || (encoding !== undefined && encoding !== 'identity')) return;
  const bytes = Number(declared);
  if (Number.isSafeInteger(bytes) && bytes !== delivery.rawBody.length) changedText.add(delivery);
}

/**
 * The RAW_BODY_REQUIRED to throw instead of `error` when a signature failed over decoded text
 * that is not the bytes sent (see {@link changedText}), or `undefined`.
 */
export function decodedTextError(delivery: RawDelivery, error: unknown): Error | undefined {
  if (!changedText.has(delivery)) return undefined;
  if ((error as { code?: unknown } | null)?.code !== 'SIGNATURE_INVALID') return undefined;
  return rawBodyRequired(
    `The body came as text that is not the bytes that were sent: Content-Length declares ${Number(delivery.headers['content-length'])} bytes, the text encodes to ${delivery.rawBody.length} (decoding dropped a byte-order mark, or read a charset other than UTF-8 or invalid UTF-8), so no signature over it can match`,
  );
}

/** Read any supported input into a {@link RawDelivery}. */
export async function readDelivery(
  input: DeliveryInput,
  options: ReadDeliveryOptions = {},
): Promise<RawDelivery> {
  return readDeliveryNow(input, options);
}

/**
 * {@link readDelivery}, synchronous when the body is already in memory (plain input, or a Node
 * request whose body middleware kept): a promise only when a stream must be read. Throws
 * synchronously for bad input.
 */
export function readDeliveryNow(
  input: DeliveryInput,
  options: ReadDeliveryOptions = {},
): RawDelivery | Promise<RawDelivery> {
  const limit =
    options.maxBodyBytes === undefined
      ? DEFAULT_MAX_BODY_BYTES
      : positiveIntegerOption('parseEvent', 'maxBodyBytes', options.maxBodyBytes, 0);
  const receivedAt = options.receivedAt ?? new Date();
  if (!(receivedAt instanceof Date) || Number.isNaN(receivedAt.getTime())) {
    throw optionInvalid('parseEvent', 'receivedAt', 'must be a valid Date');
  }

  if (isWebRequest(input)) {
    const headers = normalizeHeaders(input.headers);
    checkDeclaredLength(headers, limit);
    const method = input.method.toUpperCase();
    return readWebBody(input, limit).then((rawBody) => ({ method, headers, rawBody, receivedAt }));
  }

  if (isNodeRequest(input)) {
    const headers = normalizeHeaders(input.headers);
    const method = (input.method ?? 'POST').toUpperCase();
    checkDeclaredLength(headers, limit);
    // Middleware that already consumed the stream may have kept the bytes for us.
    const kept = input.rawBody ?? input.body;
    if (kept !== undefined) {
      const rawBody = checkLimit(bodyToBytes(kept, 'The request body'), limit);
      const delivery = { method, headers, rawBody, receivedAt };
      if (typeof kept === 'string') noteDecodedText(delivery);
      return delivery;
    }
    if (input.readableEnded) {
      throw rawBodyRequired('The request stream was already consumed and no raw body was kept');
    }
    return readChunks(keptAlive(input), limit).then(
      (rawBody) => ({ method, headers, rawBody, receivedAt }),
      (error: unknown) => {
        // Over the limit: the rest is read and dropped, so the connection stays usable.
        if ((error as { code?: unknown }).code === 'BODY_TOO_LARGE') {
          (input as { resume?: () => unknown }).resume?.();
        }
        throw error;
      },
    );
  }

  const plain = input as PlainDeliveryInput;
  if (typeof plain !== 'object' || plain === null || !('headers' in plain)) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      'parseEvent expects a Request, a Node IncomingMessage, or { headers, body }.',
    );
  }
  const headers = normalizeHeaders(plain.headers ?? {});
  checkDeclaredLength(headers, limit);
  const rawBody = checkLimit(bodyToBytes(plain.body, 'body'), limit);
  const delivery = { method: (plain.method ?? 'POST').toUpperCase(), headers, rawBody, receivedAt };
  if (typeof plain.body === 'string') noteDecodedText(delivery);
  return delivery;
}
