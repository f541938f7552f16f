/**
 * Bodies an attacker or a middleware makes out of an authentic one: the same JSON written again
 * with other whitespace and key order (what `express.json()` + `JSON.stringify` does), and the
 * same text with one byte changed. Both stay valid JSON of the same shape, so only the
 * signature can tell them from the original.
 */

function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).reverse();
  return Object.fromEntries(entries.map(([key, member]) => [key, reversedKeys(member)]));
}

/**
 * `body` parsed and serialized again, differing from it in whitespace or key order. Throws when
 * every re-serialization gives `body` back (a body such as `{}` or `1`).
 */
export function reserializedBody(body: string): string {
  const value: unknown = JSON.parse(body);
  const candidates = [
    JSON.stringify(value, null, 2),
    JSON.stringify(value),
    JSON.stringify(reversedKeys(value)),
    JSON.stringify(reversedKeys(value), null, 2),
  ];
  const changed = candidates.find((candidate) => candidate !== body);
  if (changed === undefined) {
    throw new Error('describeAdapter: `body` reads the same however it is re-serialized.');
  }
  return changed;
}

const ALNUM = /[0-9A-Za-z]/;

/** The next character of the same class: 0-9 and each letter case wrap around. */
function bumped(char: string): string {
  const code = char.charCodeAt(0);
  if (char >= '0' && char <= '9') return String((code - 48 + 1) % 10);
  const base = char >= 'a' ? 97 : 65;
  return String.fromCharCode(base + ((code - base + 1) % 26));
}

/**
 * `body` with one ASCII letter or digit inside a JSON string changed (the one nearest the
 * middle): one byte differs, and the JSON stays valid with the same structure. A body without
 * such a character gets its middle character changed instead.
 */
export function oneByteChanged(body: string): string {
  const positions: number[] = [];
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i] as string;
    if (inString && char === '\\') {
      i++; // an escaped character is never the one changed
    } else if (char === '"') {
      inString = !inString;
    } else if (inString && ALNUM.test(char)) {
      positions.push(i);
    }
  }
  const middle = body.length / 2;
  const at =
    positions.length === 0
      ? Math.floor(middle)
      : positions.reduce((best, i) => (Math.abs(i - middle) < Math.abs(best - middle) ? i : best));
  const char = body[at] ?? ' ';
  const replacement = ALNUM.test(char) ? bumped(char) : char === ' ' ? '\t' : ' ';
  return body.slice(0, at) + replacement + body.slice(at + 1);
}
