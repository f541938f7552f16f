/**
 * The adapter checks on input a provider never sends but an attacker or a misconfigured route
 * does: malformed and deeply nested JSON, a body some middleware already parsed, an oversize
 * body and another method. None of them may be skipped.
 */
import assert from 'node:assert/strict';
import { DEFAULT_MAX_DEPTH } from '@hooklatch/core/kit';
import { type DeliveryInput, type ParseEventOptions, type WebhookEvent } from '@hooklatch/core';
import type { DescribeAdapterOptions } from './adapter-checks';
import { withNestedMember } from './deep-json';
import { expectHooklatchError } from './expect-error';

/** What the input checks need from `adapterChecks`. */
export interface InputCheckContext {
  options: DescribeAdapterOptions;
  /** parseEvent with the suite's adapter and parse options. */
  parse: (input: DeliveryInput, extra?: ParseEventOptions) => Promise<WebhookEvent>;
  /** `body` as plain input, authenticated by `options.deliver`. */
  plain: (body: string) => DeliveryInput;
  secrets: readonly string[];
}

/** The input checks, by name. */
export function inputChecks({ options, parse, plain, secrets }: InputCheckContext) {
  return {
    'malformed JSON is rejected': async () => {
      await expectHooklatchError(parse(plain('{"truncated": ')), {
        code: 'PAYLOAD_MALFORMED',
        httpStatus: 400,
        secrets,
      });
    },
    'deeply nested JSON is refused': async () => {
      const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
      // The member adds one level to the body's own object: maxDepth + 1 in all.
      for (const levels of [maxDepth, 10_000, 100_000]) {
        const started = performance.now();
        const error = await expectHooklatchError(
          parse(plain(withNestedMember(options.body, levels))),
          { code: 'PAYLOAD_TOO_DEEP', httpStatus: 400, secrets },
        );
        const ms = Math.round(performance.now() - started);
        assert.ok(ms < 2_000, `${levels + 1} levels took ${ms} ms to refuse`);
        assert.deepEqual(error.details, { maxDepth }, `${levels + 1} levels: details`);
      }
    },
    'a parsed body is refused': async () => {
      const parsed = { ...plain(options.body), body: JSON.parse(options.body) as never };
      await expectHooklatchError(parse(parsed), {
        code: 'RAW_BODY_REQUIRED',
        httpStatus: 500,
        secrets,
      });
    },
    'an oversize body is refused': async () => {
      const bytes = Buffer.byteLength(options.body, 'utf8');
      await expectHooklatchError(parse(plain(options.body), { maxBodyBytes: bytes - 1 }), {
        code: 'BODY_TOO_LARGE',
        httpStatus: 413,
        secrets,
      });
    },
    'other methods are refused': async () => {
      const allowed = options.adapter().methods ?? ['POST'];
      const method = ['GET', 'DELETE', 'PATCH'].find((m) => !allowed.includes(m)) ?? 'TRACE';
      await expectHooklatchError(parse({ ...plain(options.body), method }), {
        code: 'METHOD_NOT_ALLOWED',
        httpStatus: 405,
        secrets,
      });
    },
  };
}
