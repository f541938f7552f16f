/** fast-check generators of JSON values and dot paths, for the canonical JSON tests. */
import fc from 'fast-check';

/** JSON values (small arrays and objects nested a few levels) whose keys come from `keys`. */
export function jsonValues(...keys: string[]): fc.Arbitrary<unknown> {
  const key = fc.constantFrom(...keys);
  return fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.oneof(
        fc.integer(),
        fc.double({ noNaN: true }),
        fc.string(),
        fc.boolean(),
        fc.constant(null),
      ),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    ),
  })).value;
}

/** Dot paths of one to three of `segments` (`*` among them matches any key). */
export function dotPaths(...segments: string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.constantFrom(...segments), { minLength: 1, maxLength: 3 })
    .map((parts) => parts.join('.'));
}
