import { parseEvent } from '@hooklatch/core';
import { signedGithubRequest } from '@hooklatch/github/testing';
import { describe, expect, it } from 'vitest';
import { github, githubPayloadSchemas } from '../src/index';
import { communityExamples, openApiExamples, TYPED_EVENTS } from './support/examples';

const secret = 'examples-secret';
const adapter = github({ secret });
const community = communityExamples(TYPED_EVENTS);
const openapi = openApiExamples().filter((e) =>
  (TYPED_EVENTS as readonly string[]).includes(e.event),
);

describe('real example payloads', () => {
  it('covers every typed event with at least one real payload', () => {
    const covered = new Set([...community, ...openapi].map((e) => e.event));
    for (const event of TYPED_EVENTS) expect(covered, event).toContain(event);
    expect(community.length).toBeGreaterThan(100);
    expect(openapi.map((e) => e.type)).toContain('check_run.requested_action');
  });

  it.each([...community, ...openapi].map((e) => [e.source, e] as const))(
    '%s verifies and validates against its typed schema',
    async (_source, example) => {
      const event = await parseEvent(
        adapter,
        signedGithubRequest({ secret, event: example.event, payload: example.payload }),
      );
      expect(event.type).toBe(example.type);
      // Every example here has a schema: the fallback would hide a schema that does not fit.
      expect(Object.hasOwn(githubPayloadSchemas, example.type), example.type).toBe(true);
      const schema = githubPayloadSchemas[example.type as keyof typeof githubPayloadSchemas];
      expect(schema.safeParse(example.payload).success).toBe(true);
    },
  );
});
