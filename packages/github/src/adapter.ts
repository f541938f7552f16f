/** The `github()` adapter: verify `X-Hub-Signature-256`, normalize, validate with zod. */
import type { ParsedEvent, WebhookAdapter } from '@hooklatch/core';
import {
  booleanOption,
  checkOptionsObject,
  createAdapter,
  type EffectiveSchemaPolicy,
  knownOptions,
  payloadDigest,
  requireHeader,
  type SchemaPolicy,
  validateTyped,
  type WithSchemaPolicy,
} from '@hooklatch/core/kit';
import { decodeGithubBody } from './body';
import {
  type GithubEnvelope,
  githubEnvelopeChecks,
  githubEnvelopeSchema,
  githubSubject,
} from './envelope';
import type { GithubEvent } from './event';
import { type GithubTypedEventType, githubPayloadSchemas } from './generated/schemas';
import { GITHUB_HEADERS } from './headers';
import {
  GITHUB_DIGEST_EXCLUDE,
  GITHUB_OPTION_KEYS,
  GITHUB_RETENTION_MS,
  type GithubOptions,
} from './options';
import { githubVerification } from './verifier';

// The optional headers' lower-case names, made once (a RawDelivery's names are lower-case).
const HOOK_ID = GITHUB_HEADERS.hookId.toLowerCase();
const TARGET_TYPE = GITHUB_HEADERS.targetType.toLowerCase();
const TARGET_ID = GITHUB_HEADERS.targetId.toLowerCase();

function typedSchema(type: string | undefined) {
  return type !== undefined && Object.hasOwn(githubPayloadSchemas, type)
    ? githubPayloadSchemas[type as keyof typeof githubPayloadSchemas]
    : undefined;
}

/**
 * The event type from the raw body, to pick its schema before validating: `<event>.<action>`,
 * or undefined when `action` is not a string (the envelope then refuses the body).
 */
/** What GitHub's event names look like (`pull_request`, `check_run`). */
const EVENT_NAME = /^[a-z][a-z_]{0,63}$/;

function rawType(eventName: string, data: unknown): string | undefined {
  const action =
    data !== null && typeof data === 'object' ? (data as { action?: unknown }).action : undefined;
  if (action === undefined) return eventName;
  return typeof action === 'string' ? `${eventName}.${action}` : undefined;
}

/**
 * The events of a `github()` adapter under schema policy `P`: `GithubEvent`, plus under
 * `'envelope'` the typed event types with the envelope only and `validated: false`.
 */
export type GithubPolicyEvent<P extends SchemaPolicy = 'reject'> = WithSchemaPolicy<
  GithubEvent,
  GithubTypedEventType,
  GithubEnvelope,
  P
>;

/**
 * Create the GitHub adapter for `parseEvent`.
 *
 * The dedupe ID is the `X-GitHub-Delivery` GUID (idSource `delivery`): GitHub payloads carry no
 * event ID, and a redelivery reuses the GUID of the original delivery. The type is the
 * `X-GitHub-Event` name plus the payload's `action`; `event.meta.keyIndex` is the secret that
 * matched.
 *
 * @example
 * const event = await parseEvent(github({ secret: process.env.GITHUB_WEBHOOK_SECRET }), request);
 * if (event.type === 'pull_request.opened') console.log(event.payload.pull_request.title);
 */
export function github<P extends SchemaPolicy = 'reject', V extends boolean = true>(
  options: GithubOptions<P, V>,
): WebhookAdapter<GithubPolicyEvent<EffectiveSchemaPolicy<P, V>>> {
  checkOptionsObject('github', options);
  knownOptions('github', options, GITHUB_OPTION_KEYS);
  const validate = booleanOption('github', 'validatePayloads', options.validatePayloads, true);
  return createAdapter<GithubPolicyEvent<EffectiveSchemaPolicy<P, V>>>({
    name: 'github',
    retentionMs: options.retentionMs ?? GITHUB_RETENTION_MS,
    verify: githubVerification(options),
    maxDepth: options.maxDepth,
    schemaPolicy: options.schemaPolicy,
    digestExclude: GITHUB_DIGEST_EXCLUDE,
    // The signature covers the exact bytes: their SHA-256 is the digest (see createAdapter).
    digestOf: 'signed-body',
    parse(delivery, _verified, { json, maxDepth, schemaPolicy }) {
      const headers = delivery.headers;
      const eventName = requireHeader(headers, GITHUB_HEADERS.event).trim();
      const deliveryId = requireHeader(headers, GITHUB_HEADERS.delivery).trim();
      const { data, format } = decodeGithubBody(delivery, json, maxDepth);
      const selected = rawType(eventName, data);
      // The typed schema copies the payload; the envelope's fields are then only checked.
      const typed = validateTyped({
        envelope: githubEnvelopeSchema,
        // X-GitHub-Event is not signed: named in a message only when shaped like an event name.
        envelopeContext: EVENT_NAME.test(eventName) ? `github ${eventName}` : 'github',
        envelopeCheck: githubEnvelopeChecks,
        schema: typedSchema(selected),
        data,
        policy: schemaPolicy,
        validate,
        context: `github ${selected}`,
      });
      const { envelope } = typed;
      const type = envelope.action === undefined ? eventName : `${eventName}.${envelope.action}`;
      return {
        type,
        id: deliveryId,
        idSource: 'delivery',
        deliveryId,
        subject: githubSubject(envelope),
        meta: {
          event: eventName,
          hookId: headers[HOOK_ID],
          installationTargetType: headers[TARGET_TYPE],
          installationTargetId: headers[TARGET_ID],
          bodyFormat: format,
          ...(typed.schemaIssues === undefined ? {} : { schemaIssues: typed.schemaIssues }),
        },
        payload: typed.payload,
        validated: typed.validated,
        // A JSON body is digested by createAdapter from its signed bytes (sha256-body:); a form
        // body's payload canonically here (sha256:). Two schemes: never read as a mismatch.
        ...(format === 'form' ? { digest: payloadDigest(data, GITHUB_DIGEST_EXCLUDE) } : {}),
      } as ParsedEvent<GithubEvent>;
    },
  });
}
