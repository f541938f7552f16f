/** The kit's JSON field readers: typed errors that name the JSON path, never the value. */

import { PayloadError } from '@hooklatch/core';
import {
  optionalString,
  parseIsoTimestamp,
  readJsonObject,
  requireString,
  valueAtPath,
} from '@hooklatch/core/kit';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/test-support/seeded-random';
import { rawDelivery, thrown } from './support/kit-helpers';

describe('readJsonObject', () => {
  it('returns a JSON object body', () => {
    const body = '{"type":"issue.created","data":{"id":"iss_1","n":[1,2]}}';
    expect(
      readJsonObject(rawDelivery(body, { 'content-type': 'application/json' }), 'acme'),
    ).toEqual({
      type: 'issue.created',
      data: { id: 'iss_1', n: [1, 2] },
    });
    // No content type at all is fine: the body decides.
    expect(readJsonObject(rawDelivery('{}'), 'acme')).toEqual({});
  });

  it('names only a recognised form media type, never the rest of the header', () => {
    const body = 'payload=%7B%22id%22%3A1%7D';
    const sent = `multipart/form-data${'Q'.repeat(10_000)} tenant-api-key=abc123`;
    for (const contentType of [sent, `text/plain, ${sent}`]) {
      const error = thrown(() =>
        readJsonObject(rawDelivery(body, { 'content-type': contentType }), 'acme'),
      );
      // Not a form media type: the body is judged as JSON, and nothing of the header is repeated.
      expect(error.code).toBe('PAYLOAD_MALFORMED');
      expect(error.message).not.toContain('QQQ');
      expect(error.message).not.toContain('abc123');
      expect(JSON.stringify(error.details)).not.toContain('abc123');
    }
  });

  it.each([
    ['application/x-www-form-urlencoded', 'application/x-www-form-urlencoded'],
    ['application/x-www-form-urlencoded; charset=utf-8', 'application/x-www-form-urlencoded'],
    ['Application/X-WWW-Form-Urlencoded', 'application/x-www-form-urlencoded'],
    [' multipart/form-data', 'multipart/form-data'],
    ['multipart/form-data; boundary=----x', 'multipart/form-data'],
  ])(
    'rejects a form-encoded body (%s) with PAYLOAD_MALFORMED and its own message',
    (contentType, bare) => {
      const body = 'payload=%7B%22id%22%3A1%7D';
      const error = thrown(() =>
        readJsonObject(rawDelivery(body, { 'content-type': contentType }), 'acme'),
      );
      expect(error).toBeInstanceOf(PayloadError);
      expect(error.code).toBe('PAYLOAD_MALFORMED');
      expect(error.httpStatus).toBe(400);
      expect(error.message).toBe(
        `acme: expected a JSON body, got a form-encoded one (${bare}). Configure the sender to post JSON.`,
      );
      expect(error.details).toEqual({ contentType: bare });
      // Boundaries and parameters are not echoed.
      expect(error.message).not.toContain('boundary');
    },
  );

  it('rejects a form content type even when the body happens to be JSON', () => {
    const error = thrown(() =>
      readJsonObject(
        rawDelivery('{"id":1}', { 'content-type': 'application/x-www-form-urlencoded' }),
        'acme',
      ),
    );
    expect(error.code).toBe('PAYLOAD_MALFORMED');
  });

  it('rejects a body that is not JSON with PAYLOAD_MALFORMED, without echoing it', () => {
    const error = thrown(() =>
      readJsonObject(
        rawDelivery('{"secret-ish": tru', { 'content-type': 'application/json' }),
        'acme',
      ),
    );
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.code).toBe('PAYLOAD_MALFORMED');
    expect(error.httpStatus).toBe(400);
    expect(error.message).toMatch(/not valid JSON/);
    expect(error.message).not.toContain('secret-ish');
    expect(thrown(() => readJsonObject(rawDelivery('id=1&type=x'), 'acme')).code).toBe(
      'PAYLOAD_MALFORMED',
    );
  });

  it('rejects an empty or blank body with BODY_EMPTY', () => {
    expect(thrown(() => readJsonObject(rawDelivery(''), 'acme')).code).toBe('BODY_EMPTY');
    expect(thrown(() => readJsonObject(rawDelivery(' \n '), 'acme')).code).toBe('BODY_EMPTY');
  });

  it.each([['[]'], ['[{"id":1}]'], ['"text"'], ['42'], ['true'], ['null']])(
    'rejects the JSON %s with PAYLOAD_INVALID at (root)',
    (body) => {
      const error = thrown(() => readJsonObject(rawDelivery(body), 'acme'));
      expect(error).toBeInstanceOf(PayloadError);
      expect(error.code).toBe('PAYLOAD_INVALID');
      expect(error.httpStatus).toBe(422);
      expect(error.message).toBe('acme payload failed validation: (root): expected a JSON object');
      expect(error.details).toEqual({
        issues: [{ path: '(root)', message: 'expected a JSON object' }],
      });
    },
  );
});

describe('valueAtPath', () => {
  const data = {
    id: 'evt_1',
    zero: 0,
    nil: null,
    data: { object: { id: 'obj_9', tags: ['a', 'b'] }, items: [{ sku: 'X-1' }, { sku: 'X-2' }] },
  };

  it('walks nested objects and array indexes', () => {
    expect(valueAtPath(data, 'id')).toBe('evt_1');
    expect(valueAtPath(data, 'data.object.id')).toBe('obj_9');
    expect(valueAtPath(data, 'data.object.tags.1')).toBe('b');
    expect(valueAtPath(data, 'data.items.0.sku')).toBe('X-1');
    expect(valueAtPath(data, 'data.items.1.sku')).toBe('X-2');
    expect(valueAtPath(data, 'data.object')).toEqual({ id: 'obj_9', tags: ['a', 'b'] });
    expect(valueAtPath(data, 'zero')).toBe(0);
    expect(valueAtPath(data, 'nil')).toBeNull();
  });

  it('returns undefined for missing keys, out-of-range indexes and paths through null or scalars', () => {
    expect(valueAtPath(data, 'missing')).toBeUndefined();
    expect(valueAtPath(data, 'data.missing.id')).toBeUndefined();
    expect(valueAtPath(data, 'data.items.5.sku')).toBeUndefined();
    expect(valueAtPath(data, 'nil.id')).toBeUndefined();
    expect(valueAtPath(data, 'id.length')).toBeUndefined();
    expect(valueAtPath(data, 'zero.x')).toBeUndefined();
    expect(valueAtPath(null, 'id')).toBeUndefined();
    expect(valueAtPath(undefined, 'id')).toBeUndefined();
    expect(valueAtPath('text', 'length')).toBeUndefined();
  });

  it('reads own properties only, never the prototype chain', () => {
    expect(valueAtPath(data, 'constructor.name')).toBeUndefined();
    expect(valueAtPath(data, '__proto__')).toBeUndefined();
    expect(valueAtPath(data, 'data.items.length')).toBe(2);
    expect(optionalString({}, 'toString')).toBeUndefined();
  });
});

describe('optionalString', () => {
  it('returns strings as they are and finite numbers as text', () => {
    expect(optionalString({ a: 'x' }, 'a')).toBe('x');
    expect(optionalString({ a: { b: 'deep' } }, 'a.b')).toBe('deep');
    expect(optionalString({ n: 12345 }, 'n')).toBe('12345');
    expect(optionalString({ n: 0 }, 'n')).toBe('0');
    expect(optionalString({ n: -1.5 }, 'n')).toBe('-1.5');
    expect(optionalString({ ids: [7] }, 'ids.0')).toBe('7');
  });

  it('returns undefined for blank strings, non-finite numbers and other types', () => {
    for (const value of ['', '   ', '\t\n', Number.NaN, Number.POSITIVE_INFINITY, -Infinity]) {
      expect(optionalString({ v: value }, 'v')).toBeUndefined();
    }
    for (const value of [null, undefined, true, false, {}, [], ['x'], { id: 'x' }]) {
      expect(optionalString({ v: value }, 'v')).toBeUndefined();
    }
    expect(optionalString({}, 'v')).toBeUndefined();
    expect(optionalString({ v: null }, 'v.w')).toBeUndefined();
  });
});

describe('requireString', () => {
  it('returns the value when present', () => {
    expect(requireString({ data: { id: 'iss_1' } }, 'data.id', 'acme')).toBe('iss_1');
    expect(requireString({ data: { id: 42 } }, 'data.id', 'acme')).toBe('42');
  });

  it.each([
    [{}],
    [{ data: {} }],
    [{ data: { id: '' } }],
    [{ data: { id: '  ' } }],
    [{ data: { id: null } }],
    [{ data: { id: { nested: 'x' } } }],
    [{ data: null }],
  ])('throws PAYLOAD_INVALID naming the path for %j', (data) => {
    const error = thrown(() => requireString(data, 'data.id', 'acme'));
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.code).toBe('PAYLOAD_INVALID');
    expect(error.httpStatus).toBe(422);
    expect(error.message).toBe(
      'acme payload failed validation: data.id: expected a non-empty string',
    );
    expect(error.details).toEqual({
      issues: [{ path: 'data.id', message: 'expected a non-empty string' }],
    });
  });
});

describe('parseIsoTimestamp', () => {
  const opts = { path: 'data.createdAt', provider: 'acme' };
  const iso = (value: unknown, extra: { assumeUtc?: boolean } = {}) =>
    parseIsoTimestamp(value, { ...opts, ...extra }).toISOString();

  it('parses UTC (Z) timestamps, upper or lower case, with T or a space', () => {
    expect(iso('2025-01-22T11:23:15Z')).toBe('2025-01-22T11:23:15.000Z');
    expect(iso('2025-01-22t11:23:15z')).toBe('2025-01-22T11:23:15.000Z');
    expect(iso('2025-01-22 11:23:15Z')).toBe('2025-01-22T11:23:15.000Z');
    expect(iso('  2025-01-22T11:23:15Z  ')).toBe('2025-01-22T11:23:15.000Z');
  });

  it('applies offsets with and without a colon', () => {
    expect(iso('2025-01-22T11:23:15+02:00')).toBe('2025-01-22T09:23:15.000Z');
    expect(iso('2025-01-22T11:23:15+0200')).toBe('2025-01-22T09:23:15.000Z');
    expect(iso('2025-01-22T11:23:15-05:30')).toBe('2025-01-22T16:53:15.000Z');
    expect(iso('2025-01-22T11:23:15-0530')).toBe('2025-01-22T16:53:15.000Z');
    expect(iso('2025-01-22T00:30:00+01:00')).toBe('2025-01-21T23:30:00.000Z');
  });

  it('keeps fractional seconds (to the millisecond)', () => {
    expect(iso('2025-01-22T11:23:15.5Z')).toBe('2025-01-22T11:23:15.500Z');
    expect(iso('2025-01-22T11:23:15.123Z')).toBe('2025-01-22T11:23:15.123Z');
    expect(iso('2025-01-22T11:23:15.123456Z')).toBe('2025-01-22T11:23:15.123Z');
    expect(iso('2025-01-22T11:23:15.123456789+01:00')).toBe('2025-01-22T10:23:15.123Z');
  });

  it('rejects a zone-less timestamp unless assumeUtc', () => {
    const error = thrown(() => parseIsoTimestamp('2025-01-22T11:23:15', opts));
    expect(error.code).toBe('PAYLOAD_INVALID');
    expect(error.message).toBe(
      'acme payload failed validation: data.createdAt: expected a time zone (Z or +hh:mm)',
    );
    expect(iso('2025-01-22T11:23:15', { assumeUtc: true })).toBe('2025-01-22T11:23:15.000Z');
    expect(iso('2025-01-22T11:23:15.25', { assumeUtc: true })).toBe('2025-01-22T11:23:15.250Z');
    // assumeUtc does not override an explicit zone.
    expect(iso('2025-01-22T11:23:15+01:00', { assumeUtc: true })).toBe('2025-01-22T10:23:15.000Z');
  });

  it.each([
    ['month 13', '2025-13-01T00:00:00Z'],
    ['month 00', '2025-00-10T00:00:00Z'],
    ['day 00', '2025-01-00T00:00:00Z'],
    ['Feb 30', '2025-02-30T00:00:00Z'],
    ['Feb 29 in a common year', '2025-02-29T00:00:00Z'],
    ['Apr 31', '2025-04-31T12:00:00Z'],
    ['day 32', '2025-01-32T00:00:00Z'],
    ['hour 24', '2025-01-22T24:00:00Z'],
    ['minute 60', '2025-01-22T11:60:00Z'],
    ['second 60', '2025-01-22T11:23:60Z'],
    ['offset hour 25', '2025-01-22T11:23:15+25:00'],
  ])('rejects an impossible date-time (%s)', (_name, value) => {
    const error = thrown(() => parseIsoTimestamp(value, { ...opts, assumeUtc: true }));
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.code).toBe('PAYLOAD_INVALID');
    expect(error.message).toContain('data.createdAt');
  });

  it('accepts Feb 29 in a leap year', () => {
    expect(iso('2024-02-29T23:59:59Z')).toBe('2024-02-29T23:59:59.000Z');
  });

  it('reads UTC timestamps from their numbers exactly as Date parses their text (2,000 random ones)', () => {
    // The oracle: Date's own parse of the normalized text, rejected when it rolls the day over
    // or a field is out of range. Years below 100, day and month 00 and the leap rules included.
    const oracle = (
      y: string,
      mo: string,
      d: string,
      h: string,
      mi: string,
      s: string,
      f: string,
    ) => {
      const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${f}Z`);
      const sameDay =
        !Number.isNaN(date.getTime()) &&
        new Date(`${y}-${mo}-${d}T00:00:00Z`).getUTCDate() === Number(d);
      return sameDay && Number(h) <= 23 && Number(mi) <= 59 && Number(s) <= 59
        ? date.toISOString()
        : 'rejected';
    };
    const next = seededRandom(7);
    const two = (n: number) => String(next(n)).padStart(2, '0');
    const years = ['0000', '0050', '0099', '0100', '1900', '2000', '2024', '2025', '2100', '9999'];
    for (let i = 0; i < 2000; i++) {
      const y = years[next(years.length)] as string;
      const [mo, d, h, mi, s] = [two(14), two(33), two(26), two(62), two(62)];
      const digits = next(10);
      const f = digits === 0 ? '' : `.${String(next(1e9)).padStart(9, '0').slice(0, digits)}`;
      const zone = ['Z', 'z', ''][next(3)] as string;
      const separator = ['T', 't', ' '][next(3)] as string;
      const pad = ['', ' ', '\t'][next(3)] as string;
      const assumeUtc = next(4) > 0;
      const value = `${pad}${y}-${mo}-${d}${separator}${h}:${mi}:${s}${f}${zone}${pad}`;
      let got: string;
      try {
        got = iso(value, { assumeUtc });
      } catch (error) {
        expect((error as PayloadError).code).toBe('PAYLOAD_INVALID');
        got = 'rejected';
      }
      const expected = zone === '' && !assumeUtc ? 'rejected' : oracle(y, mo, d, h, mi, s, f);
      expect([value, got]).toEqual([value, expected]);
    }
  });

  it('reads a timestamp with one character changed as the regular-expression reading does', () => {
    // The reading before the character-level one, kept as the model: a change anywhere (a
    // digit to a letter, a separator to a digit, an offset) must land on the same answer.
    const ISO =
      /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/i;
    const model = (value: string): string => {
      const m = ISO.exec(value.trim());
      if (m === null) return 'rejected';
      const date = new Date(
        `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}${(m[8] ?? 'Z').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`,
      );
      const sameDay =
        !Number.isNaN(date.getTime()) &&
        new Date(`${m[1]}-${m[2]}-${m[3]}T00:00:00Z`).getUTCDate() === Number(m[3]);
      return sameDay && Number(m[4]) <= 23 && Number(m[5]) <= 59 && Number(m[6]) <= 59
        ? date.toISOString()
        : 'rejected';
    };
    const bases = [
      '2025-07-26T00:33:20.877041743Z',
      '2024-02-29 23:59:59',
      '2025-01-22t11:23:15.5z',
    ];
    const swaps = ['0', '9', 'x', ':', '-', '.', 'Z', '+', ' ', 'T'];
    for (const base of bases) {
      for (let at = 0; at < base.length; at++) {
        for (const swap of swaps) {
          const value = base.slice(0, at) + swap + base.slice(at + 1);
          let got: string;
          try {
            got = iso(value, { assumeUtc: true });
          } catch {
            got = 'rejected';
          }
          expect([value, got]).toEqual([value, model(value)]);
        }
      }
    }
  });

  it.each([
    [1737545000],
    [1737545000000],
    [null],
    [undefined],
    [{}],
    [new Date('2025-01-22T11:23:15Z')],
    ['2025-01-22'],
    ['22/01/2025 11:23'],
    ['2025-01-22T11:23Z'],
    ['Wed, 22 Jan 2025 11:23:15 GMT'],
    ['2025-01-22T11:23:15+02'],
    [''],
  ])('rejects %j as not an ISO-8601 date-time, naming the path', (value) => {
    const error = thrown(() => parseIsoTimestamp(value, { ...opts, assumeUtc: true }));
    expect(error.code).toBe('PAYLOAD_INVALID');
    expect(error.message).toBe(
      'acme payload failed validation: data.createdAt: expected an ISO-8601 date-time',
    );
    expect(error.details).toEqual({
      issues: [{ path: 'data.createdAt', message: 'expected an ISO-8601 date-time' }],
    });
  });
});
