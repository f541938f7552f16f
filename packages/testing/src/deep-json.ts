/**
 * Hostile JSON for tests: bodies nested far deeper than any provider nests its payloads, the
 * input that used to overflow recursive fingerprint code (about 1,500 levels) and now must be
 * refused with PAYLOAD_TOO_DEEP before anything recurses.
 */

/** `levels` arrays inside each other (`[[[]]]` for 3): 2 x `levels` characters of valid JSON. */
export function nestedJson(levels: number): string {
  if (!Number.isSafeInteger(levels) || levels < 1) {
    throw new RangeError('nestedJson: `levels` must be a positive integer.');
  }
  return `${'['.repeat(levels)}${']'.repeat(levels)}`;
}

/**
 * `body` with one more member, `name`, holding {@link nestedJson} of `levels`: the object's
 * deepest point is then `levels + 1`. Everything else in the body stays as it was, so the body is
 * still a valid event apart from its depth. A body that is not a JSON object's text is put in an
 * array next to the nested member instead.
 *
 * @example
 * withNestedMember('{"id":"evt_1"}', 3) // '{"hooklatch_deep":[[[]]],"id":"evt_1"}'
 */
export function withNestedMember(body: string, levels: number, name = 'hooklatch_deep'): string {
  const nested = nestedJson(levels);
  const open = /^\s*\{\s*/.exec(body);
  if (open === null) return `[${nested},${body}]`;
  const rest = body.slice(open[0].length);
  const separator = rest.startsWith('}') ? '' : ',';
  return `{${JSON.stringify(name)}:${nested}${separator}${rest}`;
}
