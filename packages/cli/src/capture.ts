/**
 * The capture `hooklatch verify` reads: one delivery as it reached the receiver, in either of
 * two forms (docs/cli.md):
 *
 * - raw HTTP request text: a request line, header lines, a blank line, the body bytes exactly
 *   as received (Content-Length, when present, bounds the body; a chunked body is decoded);
 * - JSON: `{ "method"?, "headers": { name: value } | [[name, value]], "body": "...",
 *   "bodyEncoding"?: "utf8" | "base64", "receivedAt"?: ISO date }`.
 *
 * A capture that is neither is a usage mistake that says what is wrong, never echoing the body.
 */
import { UsageError } from './io';

/** One captured delivery. */
export interface Capture {
  method: string;
  /** Lower-cased names; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: Uint8Array;
  /** When the receiver got it, if the capture says. */
  receivedAt?: Date;
  /** What was adjusted while reading (ignored trailing bytes, a decoded chunked body). */
  notes: string[];
}

const bad = (why: string) =>
  new UsageError(`verify: the capture ${why} (see hooklatch verify --help).`);

function addHeader(headers: Record<string, string>, name: string, value: string): void {
  const key = name.trim().toLowerCase();
  if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(key)) throw bad(`has an invalid header name`);
  headers[key] = headers[key] === undefined ? value.trim() : `${headers[key]}, ${value.trim()}`;
}

function fromJson(text: string): Capture {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw bad('starts with { but is not valid JSON');
  }
  const c = data as {
    method?: unknown;
    headers?: unknown;
    body?: unknown;
    bodyEncoding?: unknown;
    receivedAt?: unknown;
  };
  if (typeof c.body !== 'string') throw bad('JSON needs "body" as a string');
  if (c.headers === null || typeof c.headers !== 'object') throw bad('JSON needs "headers"');
  const headers: Record<string, string> = {};
  const pairs = Array.isArray(c.headers) ? c.headers : Object.entries(c.headers);
  for (const pair of pairs as unknown[]) {
    const [name, value] = Array.isArray(pair) ? pair : [];
    const values = Array.isArray(value) ? value : [value];
    if (typeof name !== 'string' || !values.every((v) => typeof v === 'string')) {
      throw bad('JSON "headers" must map names to strings');
    }
    for (const v of values as string[]) addHeader(headers, name, v);
  }
  const encoding = c.bodyEncoding ?? 'utf8';
  if (encoding !== 'utf8' && encoding !== 'base64')
    throw bad('JSON "bodyEncoding" is utf8 or base64');
  // Padding and trailing spaces in one group: a space is matched by one part only, so the test
  // is linear (`\s*={0,2}\s*$` split a run of spaces every way, quadratic in its length).
  if (encoding === 'base64' && !/^[A-Za-z0-9+/\s]*(?:=\s*){0,2}$/.test(c.body))
    throw bad('"body" is not base64');
  const body =
    encoding === 'base64'
      ? new Uint8Array(Buffer.from(c.body, 'base64'))
      : new TextEncoder().encode(c.body);
  const method = c.method === undefined ? 'POST' : c.method;
  if (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method))
    throw bad('JSON "method" is not an HTTP method');
  const capture: Capture = { method: method.toUpperCase(), headers, body, notes: [] };
  if (c.receivedAt !== undefined) {
    const at = typeof c.receivedAt === 'string' ? new Date(c.receivedAt) : new Date(Number.NaN);
    if (Number.isNaN(at.getTime())) throw bad('JSON "receivedAt" is not an ISO date');
    capture.receivedAt = at;
  }
  return capture;
}

function indexOf(bytes: Uint8Array, pattern: string, from = 0): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(
    pattern,
    from,
    'latin1',
  );
}

function dechunk(body: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  let at = 0;
  for (;;) {
    const eol = indexOf(body, '\r\n', at);
    if (eol === -1) throw bad('has a chunked body that ends early');
    const size = Number.parseInt(
      Buffer.from(body.subarray(at, eol)).toString('latin1').split(';')[0] as string,
      16,
    );
    if (!Number.isInteger(size) || size < 0) throw bad('has a malformed chunk size');
    if (size === 0) return Buffer.concat(parts);
    if (eol + 2 + size > body.length) throw bad('has a chunked body that ends early');
    parts.push(body.subarray(eol + 2, eol + 2 + size));
    at = eol + 4 + size;
  }
}

function fromHttp(bytes: Uint8Array): Capture {
  const crlf = indexOf(bytes, '\r\n\r\n');
  const lf = indexOf(bytes, '\n\n');
  const useCrlf = crlf !== -1 && (lf === -1 || crlf < lf);
  const end = useCrlf ? crlf : lf;
  if (end === -1) throw bad('has no blank line between the headers and the body');
  const head = Buffer.from(bytes.subarray(0, end)).toString('latin1').split(/\r?\n/);
  let body: Uint8Array = bytes.subarray(end + (useCrlf ? 4 : 2));
  const requestLine = /^([A-Za-z]+) (\S+)(?: HTTP\/\d(?:\.\d)?)?$/.exec(head[0] ?? '');
  if (!requestLine) throw bad('does not start with a request line (POST /path HTTP/1.1) or {');
  const headers: Record<string, string> = {};
  for (const line of head.slice(1)) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw bad('has a header line without a colon');
    addHeader(headers, line.slice(0, colon), line.slice(colon + 1));
  }
  const notes: string[] = [];
  if (/\bchunked\b/i.test(headers['transfer-encoding'] ?? '')) {
    body = dechunk(body);
    notes.push('decoded the chunked body');
  } else if (headers['content-length'] !== undefined) {
    const length = Number(headers['content-length']);
    if (!Number.isInteger(length) || length < 0) throw bad('has an invalid Content-Length');
    if (body.length < length)
      throw bad(`body has ${body.length} bytes, fewer than its Content-Length ${length}`);
    if (body.length > length) {
      notes.push(`ignored ${body.length - length} byte(s) after Content-Length ${length}`);
      body = body.subarray(0, length);
    }
  }
  return { method: (requestLine[1] as string).toUpperCase(), headers, body, notes };
}

/** Read a capture from its bytes. */
export function parseCapture(bytes: Uint8Array): Capture {
  // A byte-order mark an editor put before the capture (never part of the delivery's body,
  // which comes after the headers or inside the JSON) is dropped, and said so.
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const content = bom ? bytes.subarray(3) : bytes;
  const start = Buffer.from(content.subarray(0, 64)).toString('latin1').trimStart();
  const capture = start.startsWith('{')
    ? fromJson(new TextDecoder().decode(content))
    : fromHttp(content);
  if (bom) capture.notes.push('a byte-order mark before the capture was ignored');
  return capture;
}
