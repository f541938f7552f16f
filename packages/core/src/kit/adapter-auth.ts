/**
 * The `auth` option of adapters whose senders can authenticate in several ways (the Qualio-like
 * and Creatio-like ones): one entry shape for every such adapter and its test builders, the
 * kit's {@link AuthConfig} with header names defaulted by the adapter.
 */
import { ConfigurationError } from '../errors';
import { type AuthConfig, type AuthScheme, verifierFromAuth } from './auth-config';
import { knownOptions, type OptionKeys } from './known-options';
import type { Secret } from './secrets';
import { type ResolvedVerifier, resolveVerifier } from './verifier';

type Entry<S extends AuthScheme> = Extract<AuthConfig, { scheme: S }>;

/** Settings an adapter fills in for an entry of one scheme when the entry leaves them out. */
export type AuthDefaults = { [S in AuthScheme]?: Partial<Omit<Entry<S>, 'scheme'>> };

/**
 * One accepted way to authenticate, restricted to the schemes `S` an adapter offers. Header
 * names may be left out; the adapter's defaults (its provider's header names) apply.
 */
export type AdapterAuth<S extends AuthScheme = AuthScheme> = S extends AuthScheme
  ? Omit<Entry<S>, 'header'> & { /** The header to read. @default the adapter's */ header?: string }
  : never;

/** What an adapter with an `auth` option declares about it. */
export interface AdapterAuthSpec {
  /** The schemes accepted; any other is CONFIG_INVALID naming the ones that are. */
  schemes: readonly AuthScheme[];
  /** Defaults per scheme (header names, prefixes, encodings). @default {} */
  defaults?: AuthDefaults;
}

/**
 * The keys an entry of each scheme may have (the type keeps them complete). A mistyped one
 * (`secrte`, `tokenz`) would otherwise leave its setting unset or at its default, unnoticed.
 */
const ENTRY_KEYS: { readonly [S in AuthScheme]: OptionKeys<Entry<S>> } = {
  hmac: { scheme: true, header: true, encoding: true, prefix: true, secret: true, secrets: true },
  'timestamped-hmac': {
    scheme: true,
    header: true,
    timestampHeader: true,
    signatureKey: true,
    contentPrefix: true,
    separator: true,
    encoding: true,
    prefix: true,
    toleranceSeconds: true,
    secret: true,
    secrets: true,
  },
  basic: { scheme: true, username: true, password: true },
  bearer: { scheme: true, token: true, tokens: true },
  'api-key': { scheme: true, header: true, key: true, keys: true },
};

/** Where entry `index` of `auth` is, as `details.option` names it. */
function entryPath(auth: unknown, index: number): string {
  return Array.isArray(auth) ? `auth[${index}]` : 'auth';
}

/**
 * `error` with its `details.option` placed under `at` (`password` becomes `auth.password`):
 * the kit's verifiers name their own options, which the application wrote inside `auth`.
 */
function underAuth(error: unknown, at: string): unknown {
  if (!(error instanceof ConfigurationError)) return error;
  const option = error.details.option;
  if (typeof option !== 'string' || option === 'auth') return error;
  return new ConfigurationError(error.code, error.message, {
    details: { ...error.details, option: `${at}.${option}` },
    cause: error,
  });
}

/** `auth` as one entry or a list, each with the adapter's defaults applied and checked. */
export function authEntries(
  provider: string,
  auth: AdapterAuth | readonly AdapterAuth[] | undefined,
  spec: AdapterAuthSpec,
): AuthConfig[] {
  if (auth === undefined) return [];
  const list: readonly AdapterAuth[] = Array.isArray(auth) ? auth : [auth as AdapterAuth];
  return list.map((entry, index) => {
    const scheme = (entry as { scheme?: unknown } | null)?.scheme;
    if (typeof scheme !== 'string' || !spec.schemes.includes(scheme as AuthScheme)) {
      throw new ConfigurationError(
        'CONFIG_INVALID',
        `${provider}: unsupported auth scheme "${String(scheme)}" (use ${spec.schemes
          .map((s) => `"${s}"`)
          .join(', ')}).`,
        { details: { option: 'auth' } },
      );
    }
    knownOptions(provider, entry, ENTRY_KEYS[scheme as AuthScheme], entryPath(auth, index));
    const defaults = spec.defaults?.[scheme as AuthScheme] ?? {};
    const merged: Record<string, unknown> = { ...defaults };
    for (const [key, value] of Object.entries(entry)) if (value !== undefined) merged[key] = value;
    return merged as unknown as AuthConfig;
  });
}

/**
 * The verifier for an adapter's `auth` / `verify` options: every entry's verifier, any one
 * passing. CONFIG_INVALID (never naming a secret) when neither option is given, when both are,
 * or when an entry lacks its credentials. Its `sign` uses the first entry.
 */
export function authVerifier(
  provider: string,
  options: { auth?: AdapterAuth | readonly AdapterAuth[] | undefined; verify?: false | undefined },
  spec: AdapterAuthSpec,
): ResolvedVerifier {
  const verifiers = authEntries(provider, options.auth, spec).map((entry, index) => {
    try {
      return verifierFromAuth(provider, entry);
    } catch (error) {
      throw underAuth(error, entryPath(options.auth, index));
    }
  });
  return resolveVerifier(provider, { verifier: verifiers, verify: options.verify });
}

/** Options of {@link authRequest}. */
export interface AuthRequestOptions {
  /** The payload: an object is serialized with `JSON.stringify`, a string is sent as is. */
  payload: unknown;
  /** How to authenticate: one entry as the adapter takes it. @default undefined (no auth) */
  auth?: AdapterAuth | undefined;
  /** Sign with this secret (or password, token, key) instead of the entry's: a forgery. */
  secret?: Secret | undefined;
  /** Headers to send besides the auth ones, applied last (`undefined` drops one). */
  headers?: Record<string, string | undefined> | undefined;
}

/**
 * A delivery authenticated with one `auth` entry, signed by the verifier pair the adapter
 * builds from the same entry and spec (so a builder can never drift from the adapter). What the
 * `/testing` builders of adapters with several schemes return.
 */
export function authRequest(
  provider: string,
  spec: AdapterAuthSpec,
  options: AuthRequestOptions,
): { method: 'POST'; headers: Record<string, string>; body: string } {
  const body =
    typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload);
  const sign =
    options.auth === undefined
      ? undefined
      : authVerifier(provider, { auth: options.auth }, spec).sign;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...sign?.({
      body: new TextEncoder().encode(body),
      headers: {},
      timestamp: new Date(),
      keyIndex: 0,
      secret: options.secret,
    }),
  };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
  return { method: 'POST', headers, body };
}
