import type { parseEvent } from '@hooklatch/core';
import { describe, expectTypeOf, it } from 'vitest';
import {
  type CreatioEvent,
  type CreatioFlatPayload,
  type CreatioProcessCallPayload,
  type creatio,
  isFlatEvent,
  isProcessCallEvent,
} from '../src/index';

declare const event: CreatioEvent;

describe('CreatioEvent', () => {
  it('parseEvent(creatio()) returns the CreatioEvent union', () => {
    type Parsed = Awaited<ReturnType<typeof parseEvent<ReturnType<typeof creatio>>>>;
    expectTypeOf<Parsed>().toEqualTypeOf<CreatioEvent>();
  });

  it('always has a subject and typed meta', () => {
    expectTypeOf(event.subject).toEqualTypeOf<string>();
    expectTypeOf(event.type).toEqualTypeOf<string>();
    expectTypeOf(event.meta.shape).toEqualTypeOf<'process-call' | 'flat'>();
    expectTypeOf(event.meta.modifiedOn).toEqualTypeOf<Date | undefined>();
  });

  it('narrows the payload by shape', () => {
    if (isProcessCallEvent(event)) {
      expectTypeOf(event.payload).toEqualTypeOf<CreatioProcessCallPayload>();
      expectTypeOf(event.payload.EntitySchemaName).toEqualTypeOf<string>();
      expectTypeOf(event.meta.shape).toEqualTypeOf<'process-call'>();
    }
    if (isFlatEvent(event)) {
      expectTypeOf(event.payload.EntityName).toEqualTypeOf<string>();
      expectTypeOf(event.payload.ModifiedOn).toEqualTypeOf<string | null | undefined>();
      // Columns beyond the modelled ones are kept, typed unknown.
      expectTypeOf(event.payload.AccountId).toEqualTypeOf<unknown>();
      // @ts-expect-error EntitySchemaName is no typed string on the flat shape
      const name: string = event.payload.EntitySchemaName;
      void name;
    }
  });

  it('does not expose a shape-specific field without narrowing', () => {
    // @ts-expect-error EntityName exists only on the flat shape
    const name: string = event.payload.EntityName;
    void name;
    expectTypeOf<CreatioFlatPayload>().not.toEqualTypeOf<CreatioProcessCallPayload>();
  });
});
