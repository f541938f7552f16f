/**
 * The envelope every GitHub payload satisfies, typed events or not: a JSON object whose common
 * fields are checked only when present, so a new event type is never rejected.
 */
import * as z from 'zod/mini';

/** The envelope's fields, with objects made by `object` (loose, or the plain twin). */
function envelopeOf<O extends typeof z.looseObject | typeof z.object>(object: O) {
  const make = object as typeof z.looseObject;
  return make({
    action: z.optional(z.string()),
    repository: z.optional(z.nullable(make({ full_name: z.string() }))),
    organization: z.optional(z.nullable(make({ login: z.string() }))),
    installation: z.optional(z.nullable(make({ id: z.number() }))),
    sender: z.optional(z.nullable(make({ login: z.string() }))),
    number: z.optional(z.number()),
    issue: z.optional(z.nullable(make({ number: z.number() }))),
    pull_request: z.optional(z.nullable(make({ number: z.number() }))),
  });
}

/** Loose schema of the fields hooklatch reads from any GitHub payload. */
export const githubEnvelopeSchema = envelopeOf(z.looseObject);

/**
 * The same checks without the copy a loose object makes of every member: what a typed event,
 * whose typed schema already copied the payload, is checked against.
 */
export const githubEnvelopeChecks = envelopeOf(z.object);

/** A payload known only by its envelope (event types without a generated schema). */
export type GithubEnvelope = z.infer<typeof githubEnvelopeSchema>;

/**
 * `owner/repo`, plus `#number` for issues and pull requests. Falls back to the organization
 * login for org-level events; undefined when the payload names neither (e.g. `installation`).
 */
export function githubSubject(envelope: GithubEnvelope): string | undefined {
  const repo = envelope.repository?.full_name;
  if (repo === undefined) return envelope.organization?.login ?? undefined;
  const number = envelope.pull_request?.number ?? envelope.issue?.number ?? envelope.number;
  return number === undefined ? repo : `${repo}#${number}`;
}
