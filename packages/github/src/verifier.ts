/** The adapter's verifier pair for `X-Hub-Signature-256`. */
import {
  type DeliveryVerifier,
  resolveVerifier,
  type SecretOptions,
  secretSource,
  signatureInvalid,
  signedVerifier,
  type Verification,
  withSecrets,
} from '@hooklatch/core/kit';
import {
  GITHUB_SIGNATURE_HEADER,
  githubSignatureHeader,
  githubSignatureMissing,
  matchGithubSignature,
  readGithubSignature,
} from './signature';

/** What the verifier needs from the adapter's options. */
export interface GithubVerifierOptions extends SecretOptions {
  verify?: false | undefined;
}

const HEADER = GITHUB_SIGNATURE_HEADER.toLowerCase();

function githubVerifier(options: GithubVerifierOptions): DeliveryVerifier {
  const source = secretSource(options, 'github');
  return signedVerifier(
    (delivery) => {
      const value = delivery.headers[HEADER];
      if (value === undefined || value.trim() === '') {
        throw githubSignatureMissing(delivery.headers);
      }
      // Decoded before the secrets are looked up: a resolver never sees a malformed header.
      const digest = readGithubSignature(value);
      return withSecrets(source, delivery, (secrets): Verification => {
        const keyIndex = matchGithubSignature(digest, delivery.rawBody, secrets);
        if (keyIndex < 0) throw signatureInvalid('github', GITHUB_SIGNATURE_HEADER);
        return { keyIndex };
      });
    },
    (request) => ({
      [HEADER]: githubSignatureHeader(
        source.forSigning(request.keyIndex, request.secret),
        request.body,
      ),
    }),
  );
}

/**
 * The adapter's `verify`: the `X-Hub-Signature-256` pair, or `false` when the options say
 * `verify: false` and give no secret (a secret next to `verify: false` is a contradiction the
 * kit refuses, as it refuses any other `verify` value).
 */
export function githubVerification(options: GithubVerifierOptions): DeliveryVerifier | false {
  if (options.verify === undefined) return githubVerifier(options);
  const configured = options.secret !== undefined || options.secrets !== undefined;
  resolveVerifier('github', {
    verify: options.verify,
    verifier: configured ? githubVerifier(options) : undefined,
  });
  return false;
}
