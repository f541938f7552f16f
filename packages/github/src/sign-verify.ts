/**
 * `signGithub` / `verifyGithub`: the `X-Hub-Signature-256` scheme as two plain functions, the
 * shape of `@octokit/webhooks-methods`' `sign` and `verify` (synchronous here), for code that
 * signs or checks a signature without an adapter. They run the adapter's own scheme code.
 */
import { VerificationError } from '@hooklatch/core';
import { rawPayloadBytes as payloadBytes, type Secret, secretList } from '@hooklatch/core/kit';
import { githubSignatureHeader, matchGithubSignature, readGithubSignature } from './signature';

/**
 * The `X-Hub-Signature-256` value GitHub would send for `payload`: `sha256=<hex>`.
 * CONFIG_INVALID for a missing or mistyped secret.
 *
 * @example
 * const signature = signGithub(process.env.GITHUB_WEBHOOK_SECRET, body);
 */
export function signGithub(secret: Secret, payload: string | Uint8Array): string {
  const [key] = secretList('signGithub', secret) as [Secret];
  return githubSignatureHeader(key, payloadBytes('signGithub', payload));
}

/**
 * Whether `signature` (the `X-Hub-Signature-256` value) signs `payload` under one of the
 * secrets. A missing, malformed or wrong signature is `false`, never a throw; a missing or
 * mistyped secret is CONFIG_INVALID.
 *
 * @example
 * if (!verifyGithub(secret, rawBody, request.headers.get('x-hub-signature-256'))) return deny();
 */
export function verifyGithub(
  secretOrSecrets: Secret | readonly Secret[],
  payload: string | Uint8Array,
  signature: string | null | undefined,
): boolean {
  const secrets = secretList('verifyGithub', secretOrSecrets);
  const body = payloadBytes('verifyGithub', payload);
  if (typeof signature !== 'string') return false;
  try {
    return matchGithubSignature(readGithubSignature(signature), body, secrets) >= 0;
  } catch (error) {
    if (error instanceof VerificationError) return false;
    throw error;
  }
}
