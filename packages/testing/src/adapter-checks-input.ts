/**
 * The adapter checks on input a provider never sends but an attacker or a misconfigured route
 * does: malformed and deeply nested JSON, a body some middleware already parsed, an oversize
 * body and another method. Every body is signed, so only the input limits can refuse it. None
 * of them may be skipped.
 */
import assert from 'node:assert/strict';
import { DEFAULT_MAX_DEPTH } from '@hooklatch/core/kit';
import type { DescribeAdapterOptions } from './adapter-options';
import type { AdapterSession } from './adapter-session';
import { withNestedMember } from './deep-json';
import { expectHooklatchError } from './expect-error';

/** What the input checks need from `adapterChecks`. */
export interface InputCheckContext {
  options: DescribeAdapterOptions;
  /** A session over a fresh adapter. */
  session: () => AdapterSession;
  secrets: readonly string[];
}

/** The input checks, by name. */
export function inputChecks({ options, session, secrets }: InputCheckContext) {
  return {
    'malformed JSON is rejected': async () => {
      const s = session();
      await expectHooklatchError(s.parse(s.deliver('{"truncated": ')), {
        code: 'PAYLOAD_MALFORMED',
        httpStatus: 400,
        secrets,
      });
    },
    'deeply nested JSON is refused': async () => {
      const s = session();
      const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
      // The member adds one level to the body's own object: maxDepth + 1 in all.
      for (const levels of [maxDepth, 10_000, 100_000]) {
        const delivery = s.deliver(withNestedMember(options.body, levels));
        const started = performance.now();
        const error = await expectHooklatchError(s.parse(delivery), {
          code: 'PAYLOAD_TOO_DEEP',
          httpStatus: 400,
          secrets,
        });
        const ms = Math.round(performance.now() - started);
        assert.ok(ms < 2_000, `${levels + 1} levels took ${ms} ms to refuse`);
        assert.deepEqual(error.details, { maxDepth }, `${levels + 1} levels: details`);
      }
    },
    'a parsed body is refused': async () => {
      const s = session();
      const parsed = { ...s.deliver(), body: JSON.parse(options.body) as never };
      await expectHooklatchError(s.parse(parsed), {
        code: 'RAW_BODY_REQUIRED',
        httpStatus: 500,
        secrets,
      });
    },
    'an oversize body is refused': async () => {
      const s = session();
      const bytes = new TextEncoder().encode(options.body).length;
      await expectHooklatchError(s.parse(s.deliver(), { maxBodyBytes: bytes - 1 }), {
        code: 'BODY_TOO_LARGE',
        httpStatus: 413,
        secrets,
      });
    },
    'other methods are refused': async () => {
      const s = session();
      const allowed = s.adapter.methods ?? ['POST'];
      const method = ['GET', 'DELETE', 'PATCH'].find((m) => !allowed.includes(m)) ?? 'TRACE';
      await expectHooklatchError(s.parse({ ...s.deliver(), method }), {
        code: 'METHOD_NOT_ALLOWED',
        httpStatus: 405,
        secrets,
      });
    },
  };
}
