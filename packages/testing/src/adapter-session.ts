/**
 * One check's view of the adapter under test: deliveries signed by the adapter's own `sign`,
 * the forged delivery (the same with a wrong secret), the headers that carry its credentials,
 * and parseEvent with the suite's options.
 */
import {
  type DeliveryInput,
  type ParseEventOptions,
  parseEvent,
  type SignedDelivery,
  type SignOptions,
  type WebhookAdapter,
  type WebhookEvent,
} from '@hooklatch/core';
import type { AdapterTestContext, DescribeAdapterOptions } from './adapter-options';

/**
 * The default `forgeSecret`: wrong for every adapter, and well-formed for the schemes that
 * check a secret's format (`whsec_` + base64 of 32 bytes).
 */
export const DEFAULT_FORGE_SECRET = 'whsec_aG9va2xhdGNoIGNvbmZvcm1hbmNlOiBmb3JnZWQhISE=';

/** What every built-in check works with. */
export interface AdapterSession extends AdapterTestContext {
  /**
   * `body` (default: the suite's) signed with `forgeSecret` instead of the adapter's secret;
   * `signOptions` as for `deliver` (a fixed `timestamp`).
   */
  forge(body?: string, signOptions?: SignOptions): SignedDelivery;
  /** Names (lower-case) of the headers `sign` adds beyond the suite's `headers`. */
  authHeaders(): string[];
}

const lowerCased = (headers: Readonly<Record<string, string>> = {}) =>
  Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));

/** The headers every delivery of the suite carries besides its credentials. */
export function baseHeaders(options: DescribeAdapterOptions): Record<string, string> {
  return { ...lowerCased(options.headers), ...lowerCased(options.signOptions?.headers) };
}

/** A session over a fresh adapter, created on first use. */
export function adapterSession(options: DescribeAdapterOptions): AdapterSession {
  let created: WebhookAdapter<WebhookEvent> | undefined;
  const adapter = () => {
    created ??= options.adapter();
    return created;
  };
  const signer = () => {
    const target = adapter();
    if (typeof target.sign !== 'function') {
      throw new TypeError(
        `describeAdapter: the adapter "${target.name}" has no sign(). Build it with createAdapter ` +
          'and a verifier pair (signedVerifier(verify, sign) for a scheme of your own).',
      );
    }
    return target.sign.bind(target);
  };
  const signWith = (
    sign: NonNullable<WebhookAdapter['sign']>,
    body: string | Uint8Array,
    extra: SignOptions,
  ) => {
    const headers = { ...baseHeaders(options), ...lowerCased(extra.headers) };
    return sign(body, { ...options.signOptions, ...extra, headers });
  };
  const deliver = (body: string | Uint8Array = options.body, extra: SignOptions = {}) =>
    signWith(signer(), body, extra);
  return {
    get adapter() {
      return adapter();
    },
    deliver,
    parse: (input: DeliveryInput, extra: ParseEventOptions = {}) =>
      parseEvent(adapter(), input, { ...options.parseOptions, ...extra }),
    forge(body = options.body, extra: SignOptions = {}) {
      const sign = signer();
      const secret = options.forgeSecret ?? DEFAULT_FORGE_SECRET;
      try {
        return signWith(sign, body, { ...extra, secret });
      } catch (error) {
        if (options.forgeSecret !== undefined) throw error;
        throw new Error(
          'describeAdapter: adapter.sign refused the default forgeSecret; pass `forgeSecret`, ' +
            'a wrong secret in the format the adapter signs with.',
          { cause: error },
        );
      }
    },
    authHeaders() {
      const base = baseHeaders(options);
      return Object.keys(deliver().headers).filter((name) => !Object.hasOwn(base, name));
    },
  };
}
