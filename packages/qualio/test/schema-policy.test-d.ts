/**
 * The schema policy in the types: under `'envelope'` a built-in family may arrive with the
 * common fields only, so its typed payload is readable only after `validated === true`. The
 * default adapter keeps plain narrowing with `isQualioEvent`.
 */
import type { EventOf } from '@hooklatch/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  isQualioEvent,
  type QualioEvent,
  type QualioOptions,
  type QualioRecordPayload,
  qualio,
} from '../src/index';

describe("qualio() under schemaPolicy 'reject' (default)", () => {
  it('produces QualioEvent, whose members are validated: true', () => {
    expectTypeOf<EventOf<ReturnType<typeof qualio<'reject'>>>>().toEqualTypeOf<QualioEvent>();
    const adapter = qualio({ verify: false, schemaPolicy: 'reject' });
    expectTypeOf<EventOf<typeof adapter>>().toEqualTypeOf<QualioEvent>();
  });

  it('narrows with isQualioEvent alone', () => {
    const event = {} as QualioEvent;
    if (isQualioEvent(event, 'document')) {
      expectTypeOf(event.validated).toEqualTypeOf<true>();
      expectTypeOf(event.payload.version).toEqualTypeOf<string | number | undefined>();
    }
  });
});

describe("qualio() under schemaPolicy 'envelope'", () => {
  const adapter = qualio({ verify: false, schemaPolicy: 'envelope' });
  type Event = EventOf<typeof adapter>;

  it("produces QualioEvent<'envelope'>, which a QualioEvent handler does not accept", () => {
    expectTypeOf<Event>().toEqualTypeOf<QualioEvent<'envelope'>>();
    expectTypeOf<Event>().not.toExtend<QualioEvent>();
    expectTypeOf<QualioEvent>().toExtend<Event>();
  });

  it('narrowing on the family is not enough to read the typed payload', () => {
    const event = {} as Event;
    if (isQualioEvent(event, 'document')) {
      expectTypeOf(event.validated).toEqualTypeOf<boolean>();
      expectTypeOf(event.subject).toEqualTypeOf<string>();
      // @ts-expect-error without the validated check, `version` may be anything
      const version: string | number | undefined = event.payload.version;
      void version;
      if (event.validated === true) {
        expectTypeOf(event.payload.version).toEqualTypeOf<string | number | undefined>();
      } else {
        expectTypeOf(event.payload).toEqualTypeOf<QualioRecordPayload>();
      }
    }
  });

  it('a truthiness check narrows as well', () => {
    const event = {} as Event;
    if (isQualioEvent(event, 'nc') && event.validated) {
      expectTypeOf(event.payload.ncId).toEqualTypeOf<string>();
    }
  });
});

describe('options whose policy is not known statically', () => {
  it('type events for both policies', () => {
    const options: QualioOptions = { verify: false };
    const adapter = qualio(options);
    expectTypeOf<EventOf<typeof adapter>>().toEqualTypeOf<QualioEvent<'reject' | 'envelope'>>();
    expectTypeOf<EventOf<typeof adapter>>().not.toExtend<QualioEvent>();
  });

  it('unknown policies and option names are still refused', () => {
    // @ts-expect-error not a policy
    qualio({ verify: false, schemaPolicy: 'drop' });
    // @ts-expect-error excess options are caught as before
    qualio({ verify: false, schemaPolicyy: 'envelope' });
  });
});
