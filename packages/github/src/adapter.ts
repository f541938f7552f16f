/** The `github()` adapter: verify `X-Hub-Signature-256`, normalize, validate with zod. */
import { applySchemaPolicy, booleanOption, checkOptionsObject, durationOption, type EffectiveSchemaPolicy, maxDepthOption, payloadDigest, requireHeader, resolveSecrets, type SchemaPolicy, type SchemaPolicyOptions, schemaPolicyOption, validatePayload, type WithSchemaPolicy } from '@hooklatch/core/kit';
import { defineAdapter, type ParsedEvent, type RawDelivery, type WebhookAdapter } from '@hooklatch/core';
import { decodeGithubBody } from './body';
import { type GithubEnvelope, githubEnvelopeSchema, githubSubject } from './envelope';
import type { GithubEvent } from './event';
import { type GithubTypedEventType, githubPayloadSchemas } from './generated/schemas';
import { GITHUB_DIGEST_EXCLUDE, GITHUB_RETENTION_MS, type GithubOptions } from './options';
import { verifyGithubSignature } from './signature';

/** Headers GitHub sends with every delivery. */
export const GITHUB_HEADERS = {
  event: 'X-GitHub-Event',
  delivery: 'X-GitHub-Delivery',
  hookId: 'X-GitHub-Hook-ID',
  targetType: 'X-GitHub-Hook-Installation-Target-Type',
  targetId: 'X-GitHub-Hook-Installation-Target-ID',
} as const;

function typedSchema(type: string) {
  return Object.hasOwn(githubPayloadSchemas, type)
    ? githubPayloadSchemas[type as keyof typeof githubPayloadSchemas]
    : undefined;
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
 * event ID, and a redelivery reuses the GUID of the original delivery.
 *
 * @example
 * const event = await parseEvent(github({ secret: process.env.GITHUB_WEBHOOK_SECRET }), request);
 * if (event.type === 'pull_request.opened') console.log(event.payload.pull_request.title);
 */
export function github<P extends SchemaPolicy = 'reject', V extends boolean = true>(
  options: GithubOptions & SchemaPolicyOptions<P> & { validatePayloads?: V },
): WebhookAdapter<GithubPolicyEvent<EffectiveSchemaPolicy<P, V>>> {
  checkOptionsObject('github', options);
  const secrets = resolveSecrets(options, 'github');
  const retentionMs = durationOption(
    'github',
    'retentionMs',
    options.retentionMs,
    GITHUB_RETENTION_MS,
  );
  const validate = booleanOption('github', 'validatePayloads', options.validatePayloads, true);
  const policy = schemaPolicyOption('github', options.schemaPolicy);
  const maxDepth = maxDepthOption('github', options.maxDepth);
  return defineAdapter<GithubPolicyEvent<EffectiveSchemaPolicy<P, V>>>({
    name: 'github',
    retentionMs,
    digestExclude: GITHUB_DIGEST_EXCLUDE,
    parse(delivery: RawDelivery): ParsedEvent<GithubEvent> {
      const secretIndex = verifyGithubSignature(delivery, secrets);
      const eventName = requireHeader(delivery.headers, GITHUB_HEADERS.event).trim();
      const deliveryId = requireHeader(delivery.headers, GITHUB_HEADERS.delivery).trim();
      const { data, format } = decodeGithubBody(delivery, { maxDepth });
      const envelope = validatePayload(githubEnvelopeSchema, data, `github ${eventName}`);
      const type = envelope.action === undefined ? eventName : `${eventName}.${envelope.action}`;
      const typed = applySchemaPolicy({
        schema: typedSchema(type),
        data,
        envelope,
        policy,
        validate,
        context: `github ${type}`,
      });
      const headers = delivery.headers;
      return {
        type,
        id: deliveryId,
        idSource: 'delivery',
        deliveryId,
        subject: githubSubject(envelope),
        meta: {
          event: eventName,
          hookId: headers[GITHUB_HEADERS.hookId.toLowerCase()],
          installationTargetType: headers[GITHUB_HEADERS.targetType.toLowerCase()],
          installationTargetId: headers[GITHUB_HEADERS.targetId.toLowerCase()],
          secretIndex,
          bodyFormat: format,
          ...(typed.schemaIssues === undefined ? {} : { schemaIssues: typed.schemaIssues }),
        },
        payload: typed.payload,
        validated: typed.validated,
        // The JSON as sent (a form body's `payload` field included), before schema parsing.
        digest: payloadDigest(data, GITHUB_DIGEST_EXCLUDE),
      } as ParsedEvent<GithubEvent>;
    },
  });
}
