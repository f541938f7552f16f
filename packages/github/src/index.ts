/**
 * @hooklatch/github: verify GitHub webhook deliveries (`X-Hub-Signature-256`) and turn them into
 * typed events keyed by the `X-GitHub-Delivery` GUID.
 *
 * ```ts
 * const event = await parseEvent(github({ secret }), request);
 * ```
 *
 * @module
 */

export { GITHUB_HEADERS, github } from './adapter';
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
export type { GithubOptions } from './options';
export { GITHUB_DIGEST_EXCLUDE, GITHUB_RETENTION_MS } from './options';
export { LEGACY_SIGNATURE_HEADER, SIGNATURE_HEADER, verifyGithubSignature } from './signature';
