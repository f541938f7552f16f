/**
 * Where a framework left the body. Integrations hand core the raw bytes a parser kept, or the
 * untouched stream; a body some parser already consumed without keeping the bytes can never
 * verify, so it is refused as the receiver's setup mistake (CONFIG_INVALID, 500: the provider
 * keeps retrying until the route is fixed, and nothing is dropped).
 */
import { ConfigurationError } from '../errors';
import type { DeliveryInput, NodeRequestLike } from '../read-delivery';

/** How an integration names itself and the fix in a consumed-body error. */
export interface BodyConsumedHint {
  /** The integration, e.g. `express`. */
  integration: string;
  /** What to change, e.g. `mount the webhook route before app.use(express.json())`. */
  fix: string;
}

/** A Node request as frameworks leave it: the stream, plus whatever body parsers set on it. */
export interface FrameworkNodeRequest extends NodeRequestLike {
  /** Node >= 16.7: true once anything read from the stream. */
  readableDidRead?: boolean | undefined;
  /** Set to `true` by `body-parser` (Express's parsers) once it has read the body. */
  _body?: unknown;
  on(event: string, listener: (...args: never[]) => void): unknown;
}

/** The CONFIG_INVALID error for a body read by something else; names no header or byte. */
export function bodyConsumedError(hint: BodyConsumedHint): ConfigurationError {
  return new ConfigurationError(
    'CONFIG_INVALID',
    `${hint.integration}: the request body was already read by a body parser and its raw bytes ` +
      `were not kept, so the signature cannot be checked. ${hint.fix}`,
    { details: { option: 'body', integration: hint.integration } },
  );
}

function isRaw(body: unknown): body is string | Uint8Array {
  return typeof body === 'string' || body instanceof Uint8Array;
}

/**
 * The delivery in a Node request: the raw bytes a parser kept (`req.rawBody`, or a Buffer or
 * string `req.body` from `express.raw()`/`express.text()`), else the unread stream. Throws
 * {@link bodyConsumedError} when a parser consumed the stream and kept only a parsed object.
 */
export function nodeRequestInput(req: FrameworkNodeRequest, hint: BodyConsumedHint): DeliveryInput {
  const headers = req.headers;
  const method = req.method ?? 'POST';
  if (isRaw(req.rawBody)) return { headers, method, body: req.rawBody };
  if (isRaw(req.body)) return { headers, method, body: req.body };
  if (req.readableEnded === true || req.readableDidRead === true || req._body === true) {
    throw bodyConsumedError(hint);
  }
  if (req.body === undefined && req.rawBody === undefined) return req;
  // Express 4's body-parser leaves `req.body = {}` on a request it skipped (another content
  // type) without reading it: read the stream, never the placeholder.
  // `iterator` and `resume` too: a body over the limit is then drained, not left hanging.
  const { iterator, resume } = req as { iterator?: unknown; resume?: unknown };
  const stream = {
    headers,
    method,
    on: req.on.bind(req),
    [Symbol.asyncIterator]: () => req[Symbol.asyncIterator](),
    ...(typeof iterator === 'function' ? { iterator: iterator.bind(req) } : {}),
    ...(typeof resume === 'function' ? { resume: resume.bind(req) } : {}),
  };
  return stream as FrameworkNodeRequest;
}

/** A Web `Request` whose body nothing read (or locked) yet; {@link bodyConsumedError} otherwise. */
export function webRequestInput(request: Request, hint: BodyConsumedHint): Request {
  if (request.bodyUsed || request.body?.locked === true) throw bodyConsumedError(hint);
  return request;
}
