/**
 * The envelope every GitHub payload satisfies, typed events or not: a JSON object whose common
 * fields are checked only when present, so a new event type is never rejected.
 */
import { z } from 'zod';

/** The envelope's fields, with objects made by `object` (loose, or the plain twin). */
function envelopeOf<O extends typeof z.looseObject | typeof z.object>(object: O) {
  const make = object as typeof z.looseObject;
  return make({
    action: z.string().optional(),
    repository: make({ full_name: z.string() }).nullable().optional(),
    organization: make({ login: z.string() }).nullable().optional(),
    installation: make({ id: z.number() }).nullable().optional(),
    sender: make({ login: z.string() }).nullable().optional(),
    number: z.number().optional(),
    issue: make({ number: z.number() }).nullable().optional(),
    pull_request: make({ number: z.number() }).nullable().optional(),
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
