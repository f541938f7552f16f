/** PAYLOAD_INVALID in the same format as core's field readers, for checks they do not cover. */
import { PayloadError } from '@hooklatch/core';

/** `<provider> payload failed validation: <path>: <expectation>`, with the issue in details. */
export function payloadInvalid(provider: string, path: string, expectation: string): PayloadError {
  return new PayloadError(
    'PAYLOAD_INVALID',
    `${provider} payload failed validation: ${path}: ${expectation}`,
    { details: { issues: [{ path, message: expectation }] } },
  );
}
