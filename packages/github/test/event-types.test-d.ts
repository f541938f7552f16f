import type { parseEvent } from '@hooklatch/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { GithubEnvelope, GithubEvent } from '../src/index';
import { github } from '../src/index';

declare const event: GithubEvent;

describe('GithubEvent narrowing', () => {
  it('parseEvent(github()) returns the GithubEvent union', () => {
    const adapter = github({ secret: 'x' });
    type Parsed = Awaited<ReturnType<typeof parseEvent<typeof adapter>>>;
    expectTypeOf<Parsed>().toEqualTypeOf<GithubEvent>();
  });

  it('narrows payload by `event.action` type', () => {
    if (event.type === 'pull_request.opened') {
      expectTypeOf(event.payload.action).toEqualTypeOf<'opened'>();
      expectTypeOf(event.payload.pull_request.number).toEqualTypeOf<number>();
      expectTypeOf(event.payload.repository.full_name).toEqualTypeOf<string>();
    }
    if (event.type === 'issues.closed') {
      expectTypeOf(event.payload.issue.number).toEqualTypeOf<number>();
      expectTypeOf(event.payload.action).toEqualTypeOf<'closed'>();
    }
    if (event.type === 'workflow_run.completed') {
      expectTypeOf(event.payload.workflow_run.id).toEqualTypeOf<number>();
    }
  });

  it('narrows events without an action by name', () => {
    if (event.type === 'push') {
      expectTypeOf(event.payload.ref).toEqualTypeOf<string>();
      expectTypeOf(event.payload.commits).toBeArray();
      // @ts-expect-error push payloads have no typed `before` of type number
      const before: number = event.payload.before;
      void before;
    }
  });

  it('types the documented untyped events with the envelope', () => {
    if (event.type === 'deployment.created') {
      expectTypeOf(event.payload).toEqualTypeOf<GithubEnvelope>();
      // @ts-expect-error the envelope does not type `deployment`
      const id: number = event.payload.deployment;
      void id;
    }
  });

  it('rejects names GitHub does not send', () => {
    // @ts-expect-error a typo is not a GitHub event type
    if (event.type === 'pull_request.openned') return;
    // A type newer than the generated union is compared as a plain string.
    if ((event.type as string) === 'brand_new_event') expectTypeOf(event).toExtend<GithubEvent>();
  });

  it('leaves only the other events after handling one', () => {
    if (event.type !== 'push') {
      // @ts-expect-error push is excluded in this branch
      if (event.type === 'push') return;
    }
  });
});
