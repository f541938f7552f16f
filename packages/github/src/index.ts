/**
 * @hooklatch/github: verify GitHub webhook deliveries (`X-Hub-Signature-256`) and turn them into
 * typed events keyed by the `X-GitHub-Delivery` GUID. `signGithub` / `verifyGithub` are the
 * signature scheme on its own; test builders are in `@hooklatch/github/testing`.
 *
 * ```ts
 * const event = await parseEvent(github({ secret }), request);
 * ```
 *
 * @module
 */

export type { GithubPolicyEvent } from './adapter';
export { github } from './adapter';
export type { GithubBodyFormat } from './body';
export type { GithubEnvelope } from './envelope';
export { githubEnvelopeSchema, githubSubject } from './envelope';
export type {
  GithubEvent,
  TypedGithubEvent,
  UntypedGithubEvent,
} from './event';
export type {
  GithubPayloads,
  GithubTypedEventType,
  GithubUntypedEventType,
} from './generated/schemas';
export { githubPayloadSchemas } from './generated/schemas';
export { GITHUB_HEADERS } from './headers';
export type { GithubOptions } from './options';
export { GITHUB_DIGEST_EXCLUDE, GITHUB_RETENTION_MS } from './options';
export { signGithub, verifyGithub } from './sign-verify';
export { GITHUB_LEGACY_SIGNATURE_HEADER, GITHUB_SIGNATURE_HEADER } from './signature';
