/**
 * `createAdapter`: the adapter contract with verification built in. The kit's verifiers run on
 * the raw delivery first; `parse` only ever sees authentic deliveries.
 */
import type { ParsedEvent, RawDelivery, WebhookAdapter, WebhookEvent } from '../event';
import { type DeliveryVerifier, resolveVerifier } from './verifier';

/** Options of {@link createAdapter}. */
export interface CreateAdapterOptions<E extends WebhookEvent> {
  /** Short provider name; prefixes every dedupe key. */
  name: string;
  /** How long the provider keeps retrying one event, in ms (the dedupe retention). */
  retentionMs: number;
  /**
   * HTTP methods the provider delivers with; others get METHOD_NOT_ALLOWED before verification.
   * @default ['POST']
   */
  methods?: readonly string[];
  /**
   * The verifier (or several, any passing), or `false` to accept unauthenticated deliveries on
   * purpose. Required: `undefined` throws CONFIG_INVALID when the adapter is created.
   */
  verify: DeliveryVerifier | readonly DeliveryVerifier[] | false;
  /** Normalize one verified delivery; throw a hooklatch `PayloadError` for bad input. */
  parse: (delivery: RawDelivery) => ParsedEvent<E> | Promise<ParsedEvent<E>>;
}

/**
 * Make an adapter that verifies every delivery before parsing it.
 *
 * @example
 * const acme = createAdapter({ name: 'acme', retentionMs: 86_400_000,
 *   verify: hmacHeaderVerifier({ provider: 'acme', header: 'X-Acme-Signature', secret }),
 *   parse: (delivery) => ({ ... }) });
 */
export function createAdapter<E extends WebhookEvent>(
  options: CreateAdapterOptions<E>,
): WebhookAdapter<E> {
  const verify = resolveVerifier(
    options.name,
    options.verify === false ? { verify: false } : { verifier: options.verify },
  );
  return {
    name: options.name,
    retentionMs: options.retentionMs,
    ...(options.methods === undefined ? {} : { methods: options.methods }),
    parse(delivery) {
      verify(delivery);
      return options.parse(delivery);
    },
  };
}
