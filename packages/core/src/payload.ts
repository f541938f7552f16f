/** Helpers adapters use to turn body bytes into a validated payload with typed errors. */
import { type $ZodRawIssue, type $ZodType, config, type output, safeParse } from 'zod/v4/core';
import { canonicalJsonWithin } from './canonical-json';
import type { CanonicalBody } from './canonical-memo';
import { fromUtf8, isUtf8, utf8 } from './crypto/encoding';
import { PayloadError } from './errors';
import { exactNumbersOf } from './exact-numbers';
import { englishIssueMessage } from './issue-messages';
import { issuePath } from './issue-path';
import {
  checkJsonDepth,
  DEFAULT_MAX_DEPTH,
  jsonValueDepthExceeds,
  payloadTooDeep,
} from './json-depth';
import { positiveIntegerOption } from './kit/options';
import { runnable } from './kit/schema-runner';

/** Options of {@link parseJsonBody}. */
export interface JsonBodyOptions {
  /**
   * Deepest nesting of arrays/objects accepted; deeper bodies are PAYLOAD_TOO_DEEP (400),
   * checked on the bytes before parsing.
   * @default 128
   */
  maxDepth?: number;
}

/**
 * Where a JSON.parse failure happened, as a byte offset, read from the parser's message. Only
 * the number is taken: the message itself may quote the body.
 */
function failureOffset(message: string, text: string, rawBody: Uint8Array): number | undefined {
  const position = /at position (\d+)/.exec(message);
  if (position !== null) return utf8(text.slice(0, Number(position[1]))).length;
  if (/end of JSON input/i.test(message)) return rawBody.length;
  return undefined;
}

/**
 * `JSON.parse` of the body text, its failures as typed errors. A body that does not parse is
 * first measured on its bytes: a nesting beyond `maxDepth` is PAYLOAD_TOO_DEEP whether or not
 * this runtime's parser could have read it.
 */
function parseText(rawBody: Uint8Array, maxDepth: number): unknown {
  return parseDecoded(rawBody, fromUtf8(rawBody), maxDepth);
}

function parseDecoded(rawBody: Uint8Array, text: string, maxDepth: number): unknown {
  if (rawBody.length === 0) throw new PayloadError('BODY_EMPTY', 'The request body is empty.');
  try {
    return JSON.parse(text);
  } catch (cause) {
    checkJsonDepth(rawBody, maxDepth);
    // Checked only after a failed parse: trimming every valid body would copy it for nothing.
    if (text.trim() === '') throw new PayloadError('BODY_EMPTY', 'The request body is blank.');
    const offset = failureOffset(cause instanceof Error ? cause.message : '', text, rawBody);
    throw new PayloadError(
      'PAYLOAD_MALFORMED',
      `The body is not valid JSON${offset === undefined ? '' : ` (at byte ${offset})`}.`,
      offset === undefined ? {} : { details: { offset } },
    );
  }
}

/**
 * Parse body bytes as JSON; empty, too deep and malformed bodies get their own codes. Error
 * messages give at most a byte offset: a body is never echoed, and the parser's own error
 * (whose text quotes short inputs) is not kept as the cause.
 */
export function parseJsonBody(rawBody: Uint8Array, options: JsonBodyOptions = {}): unknown {
  const maxDepth = positiveIntegerOption(
    'parseJsonBody',
    'maxDepth',
    options.maxDepth,
    DEFAULT_MAX_DEPTH,
  );
  if (rawBody.length > 0) checkJsonDepth(rawBody, maxDepth);
  return parseText(rawBody, maxDepth);
}

/**
 * The body parsed, and its canonical JSON without `exclude` (for `event.digest`), in one walk of
 * the parsed value that also enforces `maxDepth` (PAYLOAD_TOO_DEEP): the bytes are scanned only
 * when they do not parse. `maxDepth` must already be checked.
 */
export function parseCanonicalBody(
  rawBody: Uint8Array,
  maxDepth: number,
  exclude: readonly string[],
): CanonicalBody {
  const decoded = fromUtf8(rawBody);
  // Decoding turns every invalid byte into U+FFFD, so two bodies differing only there would get
  // one canonical text (one fingerprint, one digest). Only a body decoded to U+FFFD is checked.
  if (decoded.includes('\uFFFD') && !isUtf8(rawBody)) {
    throw new PayloadError('PAYLOAD_MALFORMED', 'The body is not valid UTF-8.');
  }
  const value = parseDecoded(rawBody, decoded, maxDepth);
  // A number no double holds is hashed as written (exact-numbers.ts), not as its double.
  const exact = exactNumbersOf(decoded);
  const text = canonicalJsonWithin(exact ?? value, exclude, maxDepth);
  if (text === null) throw payloadTooDeep(maxDepth);
  return exact === undefined ? { value, exclude, text } : { value, exclude, text, exact };
}

/** A body parsed, with the text it was decoded to. */
export interface DecodedBody {
  readonly value: unknown;
  readonly text: string;
}

/**
 * The body parsed, and its decoded text (for a `sha256-body:` digest), with `maxDepth`
 * (PAYLOAD_TOO_DEEP) enforced on the parsed value: no serialization pass at all.
 */
export function parseDecodedBody(rawBody: Uint8Array, maxDepth: number): DecodedBody {
  const text = rawBody.length === 0 ? '' : fromUtf8(rawBody);
  const value = parseDecoded(rawBody, text, maxDepth);
  if (jsonValueDepthExceeds(value, maxDepth)) throw payloadTooDeep(maxDepth);
  return { value, text };
}

/** One schema problem, as `path: message`. */
export interface PayloadIssue {
  path: string;
  message: string;
}

/** A zod schema: `zod`'s, `zod/mini`'s or any `zod/v4/core` one. */
export type PayloadSchema = $ZodType;

/**
 * English issue messages when no locale is configured (`issue-messages.ts`). A locale or error
 * map the application configured still wins.
 */
function needsFallbackMessages(): boolean {
  const configured = config();
  return configured.localeError === undefined && configured.customError === undefined;
}
function fallbackMessage(issue: $ZodRawIssue): string | undefined {
  return needsFallbackMessages() ? englishIssueMessage(issue) : undefined;
}

/**
 * A schema object of another zod version, run by its own `safeParse`. Its parts cannot be read
 * (issue-path.ts), so its issue paths show array indexes only.
 */
interface ForeignSchema {
  safeParse(data: unknown): ReturnType<typeof safeParse>;
}

/** The outcome of {@link checkPayload}: the schema's output, or its issues (at most 20). */
export type PayloadCheck<S extends PayloadSchema> =
  | { readonly ok: true; readonly value: output<S> }
  | { readonly ok: false; readonly issues: readonly PayloadIssue[] };

/** Validate `data` with a zod schema; issues as JSON paths and expectations, never values. */
export function checkPayload<S extends PayloadSchema>(schema: S, data: unknown): PayloadCheck<S> {
  // A schema from another zod major (only `safeParse`, no zod 4 internals) is asked through
  // its own method.
  if (!('_zod' in schema)) {
    return checked(schema, (schema as unknown as ForeignSchema).safeParse(data));
  }
  // The happy path passes no context: zod copies a given one by spread, and that copy makes
  // every pass 1-2 µs slower (bench/parse-costs.ts). Only a rejected body without a configured
  // locale is parsed once more, with the English messages (a rejection is what the schema
  // decides, so the second pass rejects it the same way).
  const run = runnable(schema);
  const result = safeParse(run, data);
  if (result.success || !needsFallbackMessages()) return checked(schema, result);
  return checked(schema, safeParse(run, data, { error: fallbackMessage }));
}

/** Issues whose message lists payload keys (`Unrecognized key: "..."`): a fixed text instead. */
const KEY_MESSAGES: Readonly<Record<string, string>> = {
  unrecognized_keys: 'Unrecognized key(s)',
  invalid_key: 'Invalid key',
};

/**
 * The answer of `safeParse`, issues as paths and fixed or expectation messages. Each path is
 * read against `schema` (issue-path.ts): only what the schema names is shown, so a record key
 * from the payload is `*` however it looks. The schema is walked for rejections only.
 */
function checked<S extends PayloadSchema>(
  schema: S,
  result: ReturnType<typeof safeParse>,
): PayloadCheck<S> {
  if (result.success) return { ok: true, value: result.data as output<S> };
  const issues: PayloadIssue[] = result.error.issues.slice(0, 20).map((issue) => ({
    path: issuePath(schema, issue.path),
    message: KEY_MESSAGES[issue.code] ?? issue.message,
  }));
  return { ok: false, issues };
}

/** PAYLOAD_INVALID listing `issues` for the payload of `context`. */
export function payloadFailed(context: string, issues: readonly PayloadIssue[]): PayloadError {
  const summary = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
  return new PayloadError('PAYLOAD_INVALID', `${context} payload failed validation: ${summary}`, {
    details: { issues },
  });
}

/**
 * Validate `data` with a zod schema; on failure throw PAYLOAD_INVALID listing every failing
 * JSON path (values are never echoed, only paths and expectations).
 */
export function validatePayload<S extends PayloadSchema>(
  schema: S,
  data: unknown,
  context: string,
): output<S> {
  const checked = checkPayload(schema, data);
  if (checked.ok) return checked.value;
  throw payloadFailed(context, checked.issues);
}
