import { PayloadError } from '@hooklatch/core';
import { describe, expect, it } from 'vitest';
import { qualio } from '../src/index';
import { expectFailure, hmacAdapter, hmacRequest, NC_STATUS, parseAt } from './support/fixtures';

const invalid = { class: PayloadError, code: 'PAYLOAD_INVALID', httpStatus: 422 };
const malformed = { class: PayloadError, code: 'PAYLOAD_MALFORMED', httpStatus: 400 };

/** NC_STATUS without one field, or with it replaced. */
function nc(changes: Record<string, unknown>) {
  const body: Record<string, unknown> = { ...NC_STATUS, ...changes };
  for (const [key, value] of Object.entries(changes)) if (value === undefined) delete body[key];
  return body;
}

/** The JSON paths an error's details name. */
function paths(error: { details: Readonly<Record<string, unknown>> }): string[] {
  return ((error.details.issues ?? []) as Array<{ path: string }>).map((issue) => issue.path);
}

describe('bad input', () => {
  it('a missing subject field is PAYLOAD_INVALID naming its path', async () => {
    const error = await expectFailure(
      parseAt(hmacAdapter, hmacRequest(nc({ ncId: undefined }))),
      invalid,
    );
    expect(paths(error)).toEqual(['ncId']);
    expect(error.message).toContain('ncId');
    for (const [eventType, field] of [
      ['capa.updated', 'capaId'],
      ['document.approved', 'documentId'],
      ['changecontrol.created', 'changeControlId'],
      ['training.completed', 'trainingId'],
      ['supplier.updated', 'supplierId'],
    ] as const) {
      const other = await expectFailure(
        parseAt(hmacAdapter, hmacRequest(nc({ eventType }))),
        invalid,
      );
      expect(paths(other)).toContain(field);
    }
  });

  it('a blank or non-string subject is PAYLOAD_INVALID', async () => {
    for (const ncId of ['  ', 42, null]) {
      const error = await expectFailure(parseAt(hmacAdapter, hmacRequest(nc({ ncId }))), invalid);
      expect(paths(error)).toEqual(['ncId']);
    }
  });

  it('a zone-less, malformed, impossible or missing timestamp is PAYLOAD_INVALID', async () => {
    for (const [timestamp, expectation] of [
      ['2025-01-05T10:15:32', 'time zone'],
      ['05/01/2025 10:15', 'ISO-8601'],
      ['2025-02-30T10:15:32Z', 'valid date-time'],
      [1736072132, 'expected string'],
      [undefined, 'expected string'],
    ] as const) {
      const error = await expectFailure(
        parseAt(hmacAdapter, hmacRequest(nc({ timestamp }))),
        invalid,
      );
      expect(paths(error)).toEqual(['timestamp']);
      expect(error.message).toContain(expectation);
    }
  });

  it('a missing or shapeless eventType is PAYLOAD_INVALID naming eventType', async () => {
    for (const eventType of [undefined, '', 'nc', '.updated', 'nc.', 'nc updated']) {
      const error = await expectFailure(
        parseAt(hmacAdapter, hmacRequest(nc({ eventType }))),
        invalid,
      );
      expect(paths(error)).toEqual(['eventType']);
    }
  });

  it('an unknown family without its <family>Id is PAYLOAD_INVALID naming that path', async () => {
    const error = await expectFailure(
      parseAt(hmacAdapter, hmacRequest(nc({ eventType: 'audit.created' }))),
      invalid,
    );
    // The path as the docs write it: the family's own name comes from the body.
    expect(paths(error)).toEqual(['<family>Id']);
  });

  it('a JSON body that is not an object is PAYLOAD_INVALID', async () => {
    for (const body of ['[1,2]', '"nc.updated"', 'null']) {
      const error = await expectFailure(parseAt(hmacAdapter, hmacRequest(body)), invalid);
      expect(paths(error)).toEqual(['(root)']);
    }
  });

  it('a body that is not valid UTF-8 is PAYLOAD_MALFORMED: its fingerprint would be a guess', async () => {
    const open = qualio({ verify: false, deliveryIdHeader: false });
    const bytes = (middle: number[]) => {
      const [head, tail] = JSON.stringify({ ...NC_STATUS, comment: '|' }).split('|');
      return new Uint8Array([
        ...new TextEncoder().encode(head),
        ...middle,
        ...new TextEncoder().encode(tail),
      ]);
    };
    // 0xFF and 0xFE would both decode to U+FFFD and share one fingerprint.
    for (const invalid of [[0xff], [0xfe], [0xc3], [0xed, 0xa0, 0x80]]) {
      const error = await expectFailure(
        parseAt(open, { headers: {}, body: bytes(invalid) }),
        malformed,
      );
      expect(error.message).toContain('UTF-8');
    }
    // A real U+FFFD, sent as UTF-8, is text like any other.
    const replacement = await parseAt(open, { headers: {}, body: bytes([0xef, 0xbf, 0xbd]) });
    expect((replacement.payload as unknown as { comment: string }).comment).toBe('\uFFFD');
  });

  it('a form-encoded body is PAYLOAD_MALFORMED with a clear message', async () => {
    const form = hmacRequest('eventType=nc.updated&ncId=NC-2025-001', {
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
    });
    const error = await expectFailure(parseAt(hmacAdapter, form), malformed);
    expect(error.message).toContain('form-encoded');
    expect(error.message).toContain('post JSON');
    expect(error.details).toEqual({ contentType: 'application/x-www-form-urlencoded' });
  });

  it('an empty body is BODY_EMPTY and a GET is METHOD_NOT_ALLOWED', async () => {
    await expectFailure(parseAt(hmacAdapter, hmacRequest('')), {
      class: PayloadError,
      code: 'BODY_EMPTY',
      httpStatus: 400,
    });
    await expectFailure(parseAt(hmacAdapter, { ...hmacRequest(NC_STATUS), method: 'GET' }), {
      class: PayloadError,
      code: 'METHOD_NOT_ALLOWED',
      httpStatus: 405,
    });
  });

  it('errors name paths, never the values sent', async () => {
    const error = await expectFailure(
      parseAt(hmacAdapter, hmacRequest(nc({ timestamp: 'secret-looking-value-123' }))),
      invalid,
    );
    expect(error.message).not.toContain('secret-looking-value-123');
    expect(JSON.stringify(error.details)).not.toContain('secret-looking-value-123');
  });

  it("errors never carry the body's eventType: its action, an unknown family, its ID field", async () => {
    const leaks = 'patient=Jane-Doe;ssn=123-45-6789';
    // A built-in family with a sender-chosen action and a schema failure: named by family only.
    const action = await expectFailure(
      parseAt(hmacAdapter, hmacRequest(nc({ eventType: `nc.${leaks}`, ncId: undefined }))),
      invalid,
    );
    expect(action.message).toContain('qualio nc payload');
    expect(action.message).not.toContain('Jane');
    expect(action.message).not.toContain(leaks);
    // An unknown family's default ID field is built from its name: named `<family>Id`.
    const family = await expectFailure(
      parseAt(hmacAdapter, hmacRequest(nc({ eventType: 'JaneDoe123456789.created' }))),
      invalid,
    );
    expect(paths(family)).toEqual(['<family>Id']);
    expect(`${family.message} ${JSON.stringify(family.details)}`).not.toContain('JaneDoe');
    // And the size of a message never follows the body's.
    const huge = await expectFailure(
      parseAt(hmacAdapter, hmacRequest(nc({ eventType: `nc.${'X'.repeat(200_000)}`, ncId: 7 }))),
      invalid,
    );
    expect(huge.message.length).toBeLessThan(300);
  });
});
