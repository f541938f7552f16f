import * as c from 'zod/v4/core';
import * as m from 'zod/mini';
import { z } from 'zod';
const pairs: [string, c.$ZodType, c.$ZodType, unknown[]][] = [
  ['int', z.number().int(), m.number().check(m.int()), [1, 1.5, 'x', 2 ** 60, Number.NaN, null]],
  ['min1', z.string().min(1), m.string().check(m.minLength(1)), ['', 'a', 5]],
  ['nullopt', z.string().nullable().optional(), m.optional(m.nullable(m.string())), [undefined, null, 's', 5]],
  ['loose', z.looseObject({ a: z.number() }), m.looseObject({ a: m.number() }), [{ a: 1, b: 2 }, { a: 'x' }, [], null]],
  ['refine', z.string().refine((v) => v.trim() !== '', 'expected a non-empty string'), m.string().check(m.refine((v) => v.trim() !== '', 'expected a non-empty string')), [' ', 'a', 3]],
  ['iso', z.iso.datetime({ offset: true }), m.iso.datetime({ offset: true }), ['2025-01-01T00:00:00Z', '2025-01-01T00:00:00+01:00', 'x']],
  ['record', z.record(z.string(), z.string()), m.record(m.string(), m.string()), [{ a: 'b' }, { a: 1 }]],
];
for (const [name, a, b, inputs] of pairs) for (const input of inputs) {
  const ra = c.safeParse(a, input); const rb = c.safeParse(b, input);
  const ja = JSON.stringify(ra.success ? ra.data : ra.error.issues.map((i) => [i.path, i.message, i.code]));
  const jb = JSON.stringify(rb.success ? rb.data : rb.error.issues.map((i) => [i.path, i.message, i.code]));
  console.log(ja === jb ? 'same' : 'DIFF', name, JSON.stringify(input), ja, ja === jb ? '' : jb);
}
