import { describe, expect, it } from 'vitest';
import { utf8 } from '../src/crypto/index';
import { ConfigurationError, HooklatchError, PayloadError } from '../src/index';
import { DEFAULT_MAX_DEPTH, jsonDepthExceeds, parseJsonBody } from '../src/kit';

function failure(fn: () => unknown): HooklatchError {
  try {
    fn();
  } catch (error) {
    if (error instanceof HooklatchError) return error;
    throw error;
  }
  throw new Error('expected a HooklatchError');
}

/** Everything an error exposes: message, toJSON, details, and the cause chain. */
function exposed(error: Error): string {
  const parts = [
    error.message,
    JSON.stringify(error),
    JSON.stringify((error as PayloadError).details),
  ];
  for (let cause = error.cause; cause !== undefined; cause = (cause as Error).cause) {
    parts.push(String(cause), JSON.stringify(cause));
  }
  return parts.join('\n');
}

describe('PAYLOAD_MALFORMED never echoes the body (issue 10 item 13)', () => {
  const secret = 'sk_live_51SECRETvalue';
  it.each([
    ['a short non-JSON body', secret],
    ['a short body with a bad token', `{"key": "${secret}" x}`],
    ['an unterminated string', `{"key": "${secret}`],
    ['trailing garbage', `{"key": "${secret}"} ${secret}`],
    ['a long body', `{"key": "${secret}", ${'"pad": 1, '.repeat(50)} oops}`],
  ])('%s', (_name, body) => {
    const error = failure(() => parseJsonBody(utf8(body)));
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.code).toBe('PAYLOAD_MALFORMED');
    expect(error.httpStatus).toBe(400);
    expect(error.message).toMatch(/^The body is not valid JSON( \(at byte \d+\))?\.$/);
    expect(exposed(error)).not.toContain(secret);
    expect(exposed(error)).not.toContain('sk_live');
    expect(error.cause).toBeUndefined();
  });

  it('gives the byte offset when the parser knows it, counted in UTF-8 bytes', () => {
    // The parser says position 8 (UTF-16 code units); that is byte 9, as `é` takes two bytes.
    const error = failure(() => parseJsonBody(utf8('{"é": 1 "a": 2}')));
    expect(error.message).toBe('The body is not valid JSON (at byte 9).');
    expect(error.details).toEqual({ offset: 9 });
    expect(failure(() => parseJsonBody(utf8('{"a": 1'))).message).toBe(
      'The body is not valid JSON (at byte 7).',
    );
  });
});

describe('PAYLOAD_TOO_DEEP before any parsing (issue 10 item 7)', () => {
  const nested = (levels: number, open = '[', close = ']') =>
    utf8(`${open.repeat(levels)}${close.repeat(levels)}`);

  it('the default is 128: 128 levels parse, 129 do not', () => {
    expect(DEFAULT_MAX_DEPTH).toBe(128);
    expect(() => parseJsonBody(nested(128))).not.toThrow();
    const error = failure(() => parseJsonBody(nested(129)));
    expect(error).toBeInstanceOf(PayloadError);
    expect(error).toMatchObject({ code: 'PAYLOAD_TOO_DEEP', httpStatus: 400 });
    expect(error.details).toEqual({ maxDepth: 128 });
  });

  it('counts objects and arrays alike, and no bracket inside a string', () => {
    const objects = utf8(`${'{"a":'.repeat(5)}1${'}'.repeat(5)}`);
    expect(jsonDepthExceeds(objects, 5)).toBe(false);
    expect(jsonDepthExceeds(objects, 4)).toBe(true);
    const brackets = utf8(JSON.stringify({ s: '[[[[{{{{\\"[[[[' }));
    expect(jsonDepthExceeds(brackets, 1)).toBe(false);
    expect(parseJsonBody(brackets, { maxDepth: 1 })).toEqual({ s: '[[[[{{{{\\"[[[[' });
  });

  it.each([10_000, 100_000])('%i levels: typed error in bounded time, no RangeError', (levels) => {
    const body = utf8(`${'{"a":['.repeat(levels)}${']}'.repeat(levels)}`);
    const started = performance.now();
    const error = failure(() => parseJsonBody(body));
    expect(error.code).toBe('PAYLOAD_TOO_DEEP');
    expect(error.message).not.toContain('{"a"');
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('maxDepth is a positive integer', () => {
    expect(failure(() => parseJsonBody(nested(3), { maxDepth: 2 })).details).toEqual({
      maxDepth: 2,
    });
    for (const maxDepth of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '10']) {
      const error = failure(() => parseJsonBody(nested(1), { maxDepth: maxDepth as number }));
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).toMatchObject({ code: 'CONFIG_INVALID', details: { option: 'maxDepth' } });
    }
  });
});
