import { type EventOf, parseEvent, type WebhookEvent } from '@hooklatch/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  isQualioEvent,
  type QualioEvent,
  type QualioOtherEvent,
  type QualioRecordPayload,
  qualio,
} from '../src/index';

declare const event: QualioEvent;

describe('QualioEvent types', () => {
  it('parseEvent(qualio()) returns the QualioEvent union', async () => {
    const adapter = qualio({ verify: false });
    expectTypeOf<EventOf<typeof adapter>>().toEqualTypeOf<QualioEvent>();
    const parsed = await parseEvent(adapter, { headers: {}, body: '' });
    expectTypeOf(parsed).toEqualTypeOf<QualioEvent>();
    expectTypeOf(parsed).toExtend<WebhookEvent>();
    expectTypeOf(parsed.subject).toEqualTypeOf<string>();
  });

  it('narrows the payload by record family', () => {
    if (isQualioEvent(event, 'nc')) {
      expectTypeOf(event.payload.ncId).toEqualTypeOf<string>();
      expectTypeOf(event.type).toEqualTypeOf<`nc.${string}`>();
      expectTypeOf(event.meta.family).toEqualTypeOf<'nc'>();
      // @ts-expect-error an nc payload has no capaId
      const capa: string = event.payload.capaId;
      void capa;
    }
    if (isQualioEvent(event, 'document')) {
      expectTypeOf(event.payload.documentId).toEqualTypeOf<string>();
      expectTypeOf(event.payload.version).toEqualTypeOf<string | number | undefined>();
    }
    if (isQualioEvent(event, 'changecontrol')) {
      expectTypeOf(event.payload.changeControlId).toEqualTypeOf<string>();
    }
  });

  it('keeps unknown body fields and types the common ones everywhere', () => {
    expectTypeOf(event.payload.eventType).toEqualTypeOf<string>();
    expectTypeOf(event.payload.timestamp).toEqualTypeOf<string>();
    expectTypeOf(event.payload.status).toEqualTypeOf<unknown>();
    expectTypeOf(event.meta.changedField).toEqualTypeOf<string | undefined>();
  });

  it('only narrows to built-in families; other families stay in the union', () => {
    // @ts-expect-error 'audit' is not a built-in family
    isQualioEvent(event, 'audit');
    if (!isQualioEvent(event, 'nc') && event.meta.family === 'audit') {
      expectTypeOf(event).toExtend<QualioEvent>();
    }
    expectTypeOf<QualioOtherEvent['payload']>().toEqualTypeOf<QualioRecordPayload>();
  });
});
