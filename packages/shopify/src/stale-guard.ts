/**
 * The stale-retry guard. Shopify retries a failed delivery for up to 4 hours with the ORIGINAL
 * payload, so a retry of an old `orders/updated` can arrive after a newer one was processed;
 * applying it would roll the order back. Shopify's advice is to compare `X-Shopify-Triggered-At`
 * (https://shopify.dev/changelog/updates-to-webhook-retry-mechanism). Dedupe cannot catch this:
 * the two deliveries are different events with different IDs.
 */

import type { WebhookEvent } from '@hooklatch/core';
import { positiveIntegerOption } from '@hooklatch/core/kit';

/** The parts of an event the guard reads. */
export type StaleCheckEvent = Pick<WebhookEvent, 'subject' | 'meta'>;

/** The `X-Shopify-Triggered-At` time of an event, or undefined when Shopify did not send it. */
export function shopifyTriggeredAt(event: StaleCheckEvent): Date | undefined {
  const value = event.meta.triggeredAt;
  return value instanceof Date ? value : undefined;
}

/**
 * True when `event` was triggered before `lastProcessedAt`, the triggered-at of the newest event
 * already applied to the same subject (keep it next to the resource, e.g. a column on the order
 * row). An event without a triggered-at, or a subject seen for the first time
 * (`lastProcessedAt` undefined), is never stale.
 *
 * @example
 * if (isStaleShopifyEvent(event, order.lastTriggeredAt)) return; // an outdated retry
 */
export function isStaleShopifyEvent(
  event: StaleCheckEvent,
  lastProcessedAt: Date | undefined,
): boolean {
  const triggeredAt = shopifyTriggeredAt(event);
  if (triggeredAt === undefined || lastProcessedAt === undefined) return false;
  return triggeredAt.getTime() < lastProcessedAt.getTime();
}

/** Options of {@link ShopifyStaleGuard}. */
export interface ShopifyStaleGuardOptions {
  /**
   * Subjects remembered at most; the least recently updated are forgotten first. A forgotten
   * subject's next event is treated as fresh.
   * @default 10_000
   */
  maxSubjects?: number;
}

/**
 * An in-process tracker of the newest triggered-at per subject, for a single instance (tests,
 * workers that own a shard of shops). With several instances, store the newest triggered-at
 * with the resource and use {@link isStaleShopifyEvent}.
 */
export class ShopifyStaleGuard {
  private readonly newest = new Map<string, number>();
  private readonly maxSubjects: number;

  constructor(options: ShopifyStaleGuardOptions = {}) {
    this.maxSubjects = positiveIntegerOption(
      'ShopifyStaleGuard',
      'maxSubjects',
      options.maxSubjects,
      10_000,
    );
  }

  /** True when a newer event for the same subject was already recorded. */
  isStale(event: StaleCheckEvent): boolean {
    if (event.subject === undefined) return false;
    const seen = this.newest.get(event.subject);
    return isStaleShopifyEvent(event, seen === undefined ? undefined : new Date(seen));
  }

  /** Record `event` as applied; keeps the newest triggered-at per subject. */
  record(event: StaleCheckEvent): void {
    const triggeredAt = shopifyTriggeredAt(event);
    if (event.subject === undefined || triggeredAt === undefined) return;
    const previous = this.newest.get(event.subject);
    const time = Math.max(previous ?? Number.NEGATIVE_INFINITY, triggeredAt.getTime());
    // Re-insert so Map order is least recently updated first.
    this.newest.delete(event.subject);
    this.newest.set(event.subject, time);
    if (this.newest.size > this.maxSubjects) {
      const oldest = this.newest.keys().next().value;
      if (oldest !== undefined) this.newest.delete(oldest);
    }
  }

  /** Check and record in one step: true (and recorded) when fresh, false when stale. */
  accept(event: StaleCheckEvent): boolean {
    if (this.isStale(event)) return false;
    this.record(event);
    return true;
  }
}
