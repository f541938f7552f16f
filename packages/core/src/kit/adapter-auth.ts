/**
 * The `auth` option of adapters whose senders can authenticate in several ways (the Qualio-like
 * and Creatio-like ones): one entry shape for every such adapter and its test builders, the
 * kit's {@link AuthConfig} with header names defaulted by the adapter.
 */
import { ConfigurationError } from '../errors';
import { type AuthConfig, type AuthScheme, verifierFromAuth } from './auth-config';
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

/** `auth` as one entry or a list, each with the adapter's defaults applied and checked. */
export function authEntries(
  provider: string,
  auth: AdapterAuth | readonly AdapterAuth[] | undefined,
  spec: AdapterAuthSpec,
): AuthConfig[] {
  if (auth === undefined) return [];
  const list: readonly AdapterAuth[] = Array.isArray(auth) ? auth : [auth as AdapterAuth];
  return list.map((entry) => {
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
  const verifiers = authEntries(provider, options.auth, spec).map((entry) =>
    verifierFromAuth(provider, entry),
  );
  return resolveVerifier(provider, { verifier: verifiers, verify: options.verify });
}
