/**
 * The English fallback messages say what zod's own English locale says for the issues payload
 * schemas raise, without its weight in an edge bundle; payload text never appears.
 */

import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { safeParse } from 'zod/v4/core';
import en from 'zod/v4/locales/en.js';
import { englishIssueMessage } from '../src/issue-messages';
import { checkPayload } from '../src/payload';

const zodEnglish = en().localeError;
const message = (m: ReturnType<typeof zodEnglish>) => (typeof m === 'string' ? m : m?.message);

/** [schema, a value it refuses]: every issue kind payload schemas raise. */
const cases: Array<[z.ZodMiniType, unknown]> = [
  [z.string(), 42],
  [z.number(), 'x'],
  [z.number(), null],
  [z.number(), [1]],
  [z.number(), Number.NaN],
  [z.object({ a: z.string() }), {}],
  [z.boolean(), { nested: true }],
  [z.literal('charge.succeeded'), 'charge.failed'],
  [z.literal(3), 4],
  [z.enum(['a', 'b', 'c']), 'd'],
  [z.string().check(z.minLength(3)), 'ab'],
  [z.string().check(z.maxLength(2)), 'abc'],
  [z.string().check(z.length(2)), 'abc'],
  [z.array(z.number()).check(z.minLength(1)), []],
  [z.array(z.number()).check(z.maxLength(1)), [1, 2]],
  [z.number().check(z.minimum(5)), 4],
  [z.number().check(z.gt(5)), 5],
  [z.number().check(z.maximum(5)), 6],
  [z.number().check(z.lt(5)), 5],
  [z.number().check(z.multipleOf(3)), 4],
  [z.string().check(z.regex(/^evt_/)), 'ch_1'],
  [z.int(), 1.5],
];

describe('englishIssueMessage', () => {
  it("says what zod's English locale says for each issue payload schemas raise", () => {
    for (const [schema, value] of cases) {
      const result = safeParse(schema, value, { reportInput: true });
      expect(result.success).toBe(false);
      for (const issue of result.error?.issues ?? []) {
        // The raw issue as the error map receives it: the input is still attached.
        const raw = { ...issue, input: (issue as { input?: unknown }).input } as never;
        expect(englishIssueMessage(raw), JSON.stringify(value)).toBe(message(zodEnglish(raw)));
      }
    }
  });

  it('names formats, counts unknown keys without naming them, and has a text for the rest', () => {
    const strict = safeParse(z.strictObject({ a: z.string() }), { a: 'x', secret_key: 1, b: 2 });
    const issue = strict.error?.issues[0] as never;
    expect(englishIssueMessage(issue)).toBe('Unrecognized keys (2)');
    const email = safeParse(z.email(), 'nope').error?.issues[0] as never;
    expect(englishIssueMessage(email)).toBe('Invalid email address');
    const union = safeParse(z.union([z.string(), z.number()]), true).error?.issues[0] as never;
    expect(englishIssueMessage(union)).toBe('Invalid input');
  });

  it('is what checkPayload reports when no locale is configured', () => {
    const check = checkPayload(z.object({ amount: z.number() }), { amount: 'ten' });
    expect(check).toEqual({
      ok: false,
      issues: [{ path: 'amount', message: 'Invalid input: expected number, received string' }],
    });
  });
});
