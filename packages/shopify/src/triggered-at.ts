/**
 * `X-Shopify-Triggered-At`: when the event was triggered, and the optional age limit on it. The
 * header is not signed, so the limit is a freshness policy, not replay protection; that is why
 * it is not called `toleranceSeconds`, the name kept for signed timestamps.
 */
import { type RawDelivery, VerificationError } from '@hooklatch/core';
import { parseIsoTimestamp } from '@hooklatch/core/kit';
import { SHOPIFY_HEADERS, shopifyHeader, shopifyHeaderName } from './headers';

const HEADER = shopifyHeaderName(SHOPIFY_HEADERS.triggeredAt);

/**
 * The triggered-at time, or undefined when Shopify did not send it. With `maxAgeSeconds` above
 * 0 (and finite), a time further than that from `receivedAt`, either way, is
 * TIMESTAMP_OUT_OF_TOLERANCE: a clock that far ahead is as suspect as a delivery that old.
 */
export function shopifyTriggeredAtHeader(
  delivery: RawDelivery,
  maxAgeSeconds: number,
): Date | undefined {
  const value = shopifyHeader(delivery.headers, SHOPIFY_HEADERS.triggeredAt);
  if (value === undefined) return undefined;
  // Shopify writes nanoseconds and sometimes no zone; its timestamps are UTC.
  const date = parseIsoTimestamp(value, {
    path: `${HEADER} header`,
    provider: 'shopify',
    assumeUtc: true,
  });
  if (maxAgeSeconds > 0 && Number.isFinite(maxAgeSeconds)) {
    const ageSeconds = (delivery.receivedAt.getTime() - date.getTime()) / 1000;
    if (Math.abs(ageSeconds) > maxAgeSeconds) {
      const rounded = Math.round(ageSeconds);
      throw new VerificationError(
        'TIMESTAMP_OUT_OF_TOLERANCE',
        `The ${HEADER} time is ${Math.abs(rounded)} s ${ageSeconds > 0 ? 'old' : 'in the future'}; ` +
          `maxEventAgeSeconds is ${maxAgeSeconds} s. If you process from a queue, pass receivedAt.`,
        { details: { header: HEADER, ageSeconds: rounded, maxEventAgeSeconds: maxAgeSeconds } },
      );
    }
  }
  return date;
}
