/**
 * The schema policy in the types: with `schemaPolicy: 'envelope'` a typed event's payload is
 * readable only after `validated === true`; the default adapter narrows on `type` alone.
 */
import type { EventOf } from '@hooklatch/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { GithubEnvelope, GithubEvent } from '../src/index';
import { github } from '../src/index';

const secret = 'types-secret';

describe('github() event types per schema policy', () => {
  it('default: GithubEvent, narrowing on type alone', () => {
    const adapter = github({ secret });
    expectTypeOf<EventOf<typeof adapter>>().toEqualTypeOf<GithubEvent>();
    const event = {} as EventOf<typeof adapter>;
    if (event.type === 'pull_request.opened') {
      expectTypeOf(event.payload.pull_request.title).toEqualTypeOf<string>();
    }
  });

  it("'envelope': the typed payload needs the validated check", () => {
    const adapter = github({ secret, schemaPolicy: 'envelope' });
    type Event = EventOf<typeof adapter>;
    expectTypeOf<Event>().not.toExtend<GithubEvent>();
    const event = {} as Event;
    if (event.type === 'pull_request.opened') {
      // @ts-expect-error without the validated check, the title may be missing
      const title: string = event.payload.pull_request.title;
      void title;
      if (event.validated === true) {
        expectTypeOf(event.payload.pull_request.title).toEqualTypeOf<string>();
      }
    }
    // The member that rules it out: every typed type, the envelope, validated: false.
    type EnvelopeOnly = Extract<Event, { validated: false }>;
    expectTypeOf<EnvelopeOnly['payload']>().toEqualTypeOf<GithubEnvelope>();
    expectTypeOf<'pull_request.opened'>().toExtend<EnvelopeOnly['type']>();
  });

  it('validatePayloads: false is envelope-typed too', () => {
    const adapter = github({ secret, validatePayloads: false });
    expectTypeOf<EventOf<typeof adapter>>().not.toExtend<GithubEvent>();
  });

  it('a wrong policy does not compile', () => {
    // @ts-expect-error not a policy
    github({ secret, schemaPolicy: 'lenient' });
  });
});
