/** Bad bodies fail with typed errors that name the path and never echo a credential. */
import { PayloadError, type PlainDeliveryInput, parseEvent } from '@hooklatch/core';
import { signedCreatioRequest } from '@hooklatch/creatio/testing';
import { expectHooklatchError } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { type CreatioOptions, creatio } from '../src/index';
import { CONTACT_FLAT, CONTACT_MINIMAL, ORDER_UPDATE, SECRETS } from './support/examples';

const { token } = SECRETS;
const auth = { scheme: 'bearer', token } as const;
const secrets = [token];
const invalid = { class: PayloadError, code: 'PAYLOAD_INVALID', httpStatus: 422, secrets } as const;

/** parseEvent by `creatio({ auth, ...options })`; an object goes as a JSON body with the token. */
function parse(input: PlainDeliveryInput | object, options: Omit<CreatioOptions, 'auth'> = {}) {
  const request = 'headers' in input ? input : signedCreatioRequest({ payload: input, auth });
  return parseEvent(creatio({ auth, ...options }), request as PlainDeliveryInput);
}

const withBody = (body: string, contentType = 'application/json') =>
  signedCreatioRequest({
    payload: body,
    auth,
    headers: { 'content-type': contentType },
  });

describe('entity and subject', () => {
  it('no entity field -> PAYLOAD_INVALID naming EntitySchemaName and EntityName', async () => {
    const { EntitySchemaName: _, ...body } = ORDER_UPDATE;
    const error = await expectHooklatchError(parse(body), invalid);
    expect(error.message).toContain('EntitySchemaName');
    expect(error.message).toContain('EntityName');
    expect(error.details).toEqual({
      issues: [{ path: 'EntitySchemaName', message: expect.any(String) }],
    });
  });

  it('business-process call without Id -> PAYLOAD_INVALID naming Id', async () => {
    const { Id: _, ...body } = ORDER_UPDATE;
    const error = await expectHooklatchError(parse(body), invalid);
    expect(error.message).toMatch(/: Id: /);
    expect(error.message).toContain('subjectKey');
  });

  it('the issue’s minimal flat body (no Id) -> PAYLOAD_INVALID unless a key column is set', async () => {
    const error = await expectHooklatchError(parse(CONTACT_MINIMAL), invalid);
    expect(error.message).toMatch(/: Id: /);
    const adapter = creatio({ auth, subjectKey: { Contact: 'Email' } });
    const request = signedCreatioRequest({
      payload: CONTACT_MINIMAL,
      auth,
    });
    expect((await parseEvent(adapter, request)).subject).toBe('Contact:grace@example.com');
  });

  it('configured business key missing -> PAYLOAD_INVALID naming it, no fallback to Id', async () => {
    const { OrderID: _, ...body } = ORDER_UPDATE;
    const error = await expectHooklatchError(
      parse(body, { subjectKey: { Order: 'OrderID' } }),
      invalid,
    );
    expect(error.message).toMatch(/: OrderID: /);
  });

  it.each([
    ['blank Id', { ...CONTACT_FLAT, Id: '   ' }, 'Id'],
    ['entity name not a string', { ...ORDER_UPDATE, EntitySchemaName: 7 }, 'EntitySchemaName'],
    ['Id not a string', { ...ORDER_UPDATE, Id: { value: 1 } }, 'Id'],
  ])('%s -> PAYLOAD_INVALID naming %s', async (_name, body, path) => {
    const error = await expectHooklatchError(parse(body), invalid);
    expect(error.message).toContain(path);
  });
});

describe('ModifiedOn', () => {
  it.each([
    ['a locale format', '1/22/2025 11:23 AM'],
    ['an impossible date', '2025-02-30T10:00:00Z'],
    ['a number', 1737544995],
  ])('%s -> PAYLOAD_INVALID naming ModifiedOn', async (_name, value) => {
    const error = await expectHooklatchError(
      parse({ ...ORDER_UPDATE, ModifiedOn: value }),
      invalid,
    );
    expect(error.message).toContain('ModifiedOn');
  });

  it('zone-less with assumeUtc:false -> PAYLOAD_INVALID asking for a zone', async () => {
    const error = await expectHooklatchError(parse(CONTACT_FLAT, { assumeUtc: false }), invalid);
    expect(error.message).toMatch(/ModifiedOn: expected a time zone/);
  });

  it('missing with requireModifiedOn -> PAYLOAD_INVALID naming ModifiedOn', async () => {
    const { ModifiedOn: _, ...body } = ORDER_UPDATE;
    const error = await expectHooklatchError(parse(body, { requireModifiedOn: true }), invalid);
    expect(error.message).toContain('ModifiedOn');
    const nulled = { ...body, ModifiedOn: null };
    await expectHooklatchError(parse(nulled, { requireModifiedOn: true }), invalid);
  });
});

describe('body format', () => {
  it('a form-encoded body -> PAYLOAD_MALFORMED 400 naming the content type', async () => {
    const form = withBody('EntitySchemaName=Order&Id=1', 'application/x-www-form-urlencoded');
    const error = await expectHooklatchError(parse(form), {
      class: PayloadError,
      code: 'PAYLOAD_MALFORMED',
      httpStatus: 400,
      secrets,
    });
    expect(error.message).toContain('form-encoded');
  });

  it('a JSON array -> PAYLOAD_INVALID; an empty body -> BODY_EMPTY', async () => {
    await expectHooklatchError(parse(withBody(JSON.stringify([ORDER_UPDATE]))), invalid);
    await expectHooklatchError(parse(withBody('')), {
      class: PayloadError,
      code: 'BODY_EMPTY',
      httpStatus: 400,
      secrets,
    });
  });
});
