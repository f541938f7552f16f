/**
 * The envelope every GitHub payload satisfies, typed events or not: a JSON object whose common
 * fields are checked only when present, so a new event type is never rejected.
 */
import { z } from 'zod';

/** Loose schema of the fields hooklatch reads from any GitHub payload. */
export const githubEnvelopeSchema = z.looseObject({
  action: z.string().optional(),
  repository: z.looseObject({ full_name: z.string() }).nullable().optional(),
  organization: z.looseObject({ login: z.string() }).nullable().optional(),
  installation: z.looseObject({ id: z.number() }).nullable().optional(),
  sender: z.looseObject({ login: z.string() }).nullable().optional(),
  number: z.number().optional(),
  issue: z.looseObject({ number: z.number() }).nullable().optional(),
  pull_request: z.looseObject({ number: z.number() }).nullable().optional(),
});

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
