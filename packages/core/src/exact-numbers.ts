/**
 * JSON numbers a double cannot hold, kept exact for canonical JSON. `JSON.parse` turns
 * `9007199254740993` into 9007199254740992 and `1e400` into Infinity, so two bodies that differ
 * only in such a number would serialize to one canonical text, share one fingerprint and one
 * digest, and the second (a real edit) would be answered as a duplicate of the first. Here the
 * body text is read once more, only when it may hold such a number: each number token whose
 * exact value differs from the value of its double is found with its path, and a second parse
 * of the body gets an {@link ExactNumber} there, which the canonical serializers write as that
 * exact value. Every other number keeps its shortest round-trip form, so bodies without such
 * numbers (nearly all) keep their canonical text.
 */
import {
  BACKSLASH,
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COMMA,
  MINUS,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
} from './json-codes';

/** A number token's exact value, as canonical JSON writes it (see {@link exactDecimal}). */
export class ExactNumber {
  constructor(readonly text: string) {}
}

/**
 * Text that may hold a number a double loses: a value of 16 or more digits (a dot between them
 * allowed), or an exponent of three digits or more. A number with at most 15 significant digits
 * and an exponent of at most two digits always comes back from its double unchanged. A value
 * starts after `:`, `,` or `[` (or the text's start), and each search starts from a character
 * that is rarer than a digit, which keeps the scan about twice as fast as looking for the digits
 * alone. Strings can match too (`"a:1234567890123456"`); the token scan then looks closer.
 */
const LONG_VALUE = /[:,[]\s*-?(?:\d\.?){16}/;
const LONG_ROOT = /^\s*-?(?:\d\.?){16}/;
const LONG_EXPONENT = /\d[eE][+-]?\d{3}/;

const suspect = (text: string) =>
  LONG_EXPONENT.test(text) || LONG_VALUE.test(text) || LONG_ROOT.test(text);

/**
 * Whether JSON `text` may hold a number its double does not give back exactly: false means
 * every number in it parsed to its exact value (a few regex scans, no parse).
 */
export const mayHoldLossyNumbers = suspect;

const NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?)(\d+))?$/;
/** Exponents up to this many digits are exact in a double, sums with them too. */
const SMALL_EXPONENT_DIGITS = 15;

/** The digits of `text` from `at` (a number token's extent, JSON's grammar already checked). */
function numberEnd(text: string, at: number): number {
  let end = at;
  for (; end < text.length; end++) {
    const c = text.charCodeAt(end);
    // Digits, `.`, `e`/`E`, `+`, `-`: nothing else can continue a number.
    if (
      !(
        (c >= 0x30 && c <= 0x39) ||
        c === 0x2e ||
        c === 0x65 ||
        c === 0x45 ||
        c === 0x2b ||
        c === MINUS
      )
    )
      break;
  }
  return end;
}

/** The index after the string token that opens at `at`. */
function stringEnd(text: string, at: number): number {
  let quote = text.indexOf('"', at + 1);
  for (;;) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
}

/**
 * The exact value of a JSON number token in the notation `Number#toString` uses for its
 * values: `1e+400`, `9007199254740993`, `0.3000000000000000444`; equal values give equal text,
 * whatever their spelling (`1.0`, `10e-1`). An exponent of more than 15 digits (no sender
 * writes one) is kept as written beside the shift, `0.<digits>e<exponent><+|-shift>`:
 * still one text per value and spelling, and linear in the token's length.
 */
export function exactDecimal(token: string): string {
  const match = NUMBER.exec(token);
  if (match === null) return token;
  const [, sign, whole = '', fraction = '', exponentSign, exponentDigits = '0'] = match;
  const all = whole + fraction;
  let first = 0;
  while (first < all.length && all.charCodeAt(first) === 0x30) first++;
  let last = all.length;
  while (last > first && all.charCodeAt(last - 1) === 0x30) last--;
  if (first === last) return '0';
  const digits = all.slice(first, last);
  // value = 0.<digits> x 10^(exponent + shift)
  const shift = whole.length - first;
  let exponent = exponentDigits.replace(/^0+/, '');
  if (exponent.length > SMALL_EXPONENT_DIGITS) {
    const signed = exponentSign === '-' ? '-' : '';
    return `${sign}0.${digits}e${signed}${exponent}${shift < 0 ? '' : '+'}${shift}`;
  }
  exponent ||= '0';
  const n = (exponentSign === '-' ? -Number(exponent) : Number(exponent)) + shift;
  return sign + toStringForm(digits, n);
}

/** ECMAScript's Number::toString layout of the value 0.<digits> x 10^n. */
function toStringForm(digits: string, n: number): string {
  const k = digits.length;
  if (k <= n && n <= 21) return digits + '0'.repeat(n - k);
  if (0 < n && n <= 21) return `${digits.slice(0, n)}.${digits.slice(n)}`;
  if (-6 < n && n <= 0) return `0.${'0'.repeat(-n)}${digits}`;
  const e = n - 1;
  const exponent = e < 0 ? `e-${-e}` : `e+${e}`;
  return k === 1 ? digits + exponent : `${digits[0]}.${digits.slice(1)}${exponent}`;
}

/**
 * One level of a path: the key (or index) `key` inside the container that `parent`'s key leads
 * to (the root when there is no parent). Frames are shared by every number found under them and
 * made only when a number is found, so the findings cost memory per frame, never per number
 * times depth, and {@link place} reaches each container once (cached in `container`).
 */
interface Frame {
  readonly parent: Frame | undefined;
  readonly key: string | number;
  container?: Container;
}

/** A lossy token's place in the body (`undefined`: it is the whole body), and its exact text. */
interface Found {
  at: Frame | undefined;
  text: string;
  /** Under an earlier occurrence of a repeated key: `JSON.parse` kept the last one. */
  dropped?: boolean;
}

/** The frame of `path` as it is now; `frames[i]` holds level i's, when still current. */
function frameOf(path: ReadonlyArray<string | number>, frames: Array<Frame | undefined>) {
  let level = path.length - 1;
  // Levels above the first current one changed since their frame was made (or never had one).
  while (level >= 0 && frames[level] === undefined) level--;
  for (let l = level + 1; l < path.length; l++) {
    frames[l] = { parent: l === 0 ? undefined : frames[l - 1], key: path[l] as string | number };
  }
  return path.length === 0 ? undefined : frames[path.length - 1];
}

/** One open object: where each key's findings start and end in the list. */
type KeyRanges = Map<string, [number, number]>;

/** Every number token of valid JSON `text` whose double is not its exact value. */
function lossyNumbers(text: string): Found[] {
  const found: Found[] = [];
  const path: Array<string | number> = [];
  // frames[i] is level i's frame while path[i] is unchanged since it was made.
  const frames: Array<Frame | undefined> = [];
  const objects: Array<KeyRanges | undefined> = [];
  let current: [number, number] | undefined;
  let expectKey = false;
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (expectKey) {
        const raw = text.slice(i, end);
        const key = raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1);
        const ranges = objects[objects.length - 1] as KeyRanges;
        if (current !== undefined) current[1] = found.length;
        const earlier = ranges.get(key);
        if (earlier !== undefined) {
          for (let f = earlier[0]; f < earlier[1]; f++) (found[f] as Found).dropped = true;
        }
        current = [found.length, found.length];
        ranges.set(key, current);
        path[path.length - 1] = key;
        frames[path.length - 1] = undefined;
        expectKey = false;
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (current !== undefined) current[1] = found.length;
      const isObject = c === OPEN_OBJECT;
      objects.push(isObject ? new Map() : undefined);
      path.push(isObject ? '' : 0);
      frames[path.length - 1] = undefined;
      current = undefined;
      expectKey = isObject;
      i++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (current !== undefined) current[1] = found.length;
      objects.pop();
      path.pop();
      frames.length = path.length;
      expectKey = false; // `{}` opened expecting a key that never came
      // The enclosing object's key range goes on until its next key or its end.
      const ranges = objects[objects.length - 1];
      const key = path[path.length - 1];
      current = ranges !== undefined && typeof key === 'string' ? ranges.get(key) : undefined;
      i++;
    } else if (c === COMMA) {
      const top = path.length - 1;
      if (objects[top] === undefined) {
        path[top] = (path[top] as number) + 1;
        frames[top] = undefined;
      } else expectKey = true;
      i++;
    } else if (c === MINUS || (c >= 0x30 && c <= 0x39)) {
      const end = numberEnd(text, i);
      // At most 15 characters and no exponent: at most 15 significant digits, held exactly.
      if (end - i > 15 || hasExponent(text, i, end)) {
        const token = text.slice(i, end);
        const exact = exactDecimal(token);
        const double = Number(token);
        if (!Number.isFinite(double) || String(double) !== exact) {
          found.push({ at: frameOf(path, frames), text: exact });
        }
      }
      i = end;
    } else {
      i++;
    }
  }
  if (current !== undefined) current[1] = found.length;
  return found;
}

/** Whether the number token `text[start, end)` has an exponent (no slice per token). */
function hasExponent(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i) | 0x20;
    if (c === 0x65) return true; // e or E
  }
  return false;
}

type Container = Record<string | number, unknown>;

/**
 * The container `frame`'s key is in: the root, or its parent's container's member. Without
 * recursion (a `maxDepth` may be set far above the stack's depth): the frames not reached yet
 * are collected upwards, then resolved downwards, each once (cached on the frame).
 */
function containerOf(root: unknown, frame: Frame): Container {
  const chain: Frame[] = [];
  for (let f: Frame | undefined = frame; f !== undefined && f.container === undefined; ) {
    chain.push(f);
    f = f.parent;
  }
  for (let i = chain.length - 1; i >= 0; i--) {
    const at = chain[i] as Frame;
    const { parent } = at;
    at.container = (
      parent === undefined ? root : (parent.container as Container)[parent.key as string]
    ) as Container;
  }
  return frame.container as Container;
}

/** Set `value` at `frame` in `root` as an own member (`__proto__` included). */
function place(root: unknown, frame: Frame, value: unknown): void {
  Object.defineProperty(containerOf(root, frame), frame.key, {
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

/**
 * A second parse of the valid JSON `text` with an {@link ExactNumber} in place of every number
 * its double does not hold, or `undefined` when it has none (then the first parse serializes
 * to the same canonical text). For canonical JSON only: the event's payload keeps the parser's
 * numbers.
 */
export function exactNumbersOf(text: string): unknown {
  if (!suspect(text)) return undefined;
  const found = lossyNumbers(text).filter((entry) => entry.dropped !== true);
  if (found.length === 0) return undefined;
  const copy: unknown = JSON.parse(text);
  const first = found[0] as Found;
  if (first.at === undefined) return new ExactNumber(first.text);
  for (const entry of found) place(copy, entry.at as Frame, new ExactNumber(entry.text));
  return copy;
}
