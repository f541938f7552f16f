/**
 * The provider registry: a provider's name, the adapter package that serves it and the factory
 * it exports, loaded when a command names it. The CLI holds no provider code; how a delivery is
 * signed, verified or fingerprinted is the adapter's (`sign`, `parse`, `fingerprintInput`).
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { WebhookAdapter } from '@hooklatch/core';
import { CliFailure, type CliIo, UsageError } from './io';
import { loadOptional } from './optional-module';

type Factory = (options: Record<string, unknown>) => WebhookAdapter;

interface ProviderEntry {
  /** The adapter package. */
  readonly module: string;
  /** Its factory's export name. */
  readonly factory: string;
  readonly load: () => Promise<Record<string, unknown>>;
  /**
   * The kit `auth` schemes of an adapter configured with `auth` entries, the default first;
   * adapters without it take `secret` / `secrets`.
   */
  readonly schemes?: readonly string[];
}

const PROVIDERS: Readonly<Record<string, ProviderEntry>> = {
  stripe: {
    module: '@hooklatch/stripe',
    factory: 'stripe',
    load: () => import('@hooklatch/stripe'),
  },
  github: {
    module: '@hooklatch/github',
    factory: 'github',
    load: () => import('@hooklatch/github'),
  },
  shopify: {
    module: '@hooklatch/shopify',
    factory: 'shopify',
    load: () => import('@hooklatch/shopify'),
  },
  'standard-webhooks': {
    module: '@hooklatch/standard-webhooks',
    factory: 'standardWebhooks',
    load: () => import('@hooklatch/standard-webhooks'),
  },
  qualio: {
    module: '@hooklatch/qualio',
    factory: 'qualio',
    load: () => import('@hooklatch/qualio'),
    schemes: ['hmac', 'api-key', 'basic'],
  },
  creatio: {
    module: '@hooklatch/creatio',
    factory: 'creatio',
    load: () => import('@hooklatch/creatio'),
    schemes: ['hmac', 'basic', 'bearer'],
  },
};

/** The names `--provider` accepts. */
export const PROVIDER_NAMES: readonly string[] = Object.keys(PROVIDERS);

/** How the adapter is made: unverified (explain), or with secrets in rotation order. */
export type Credentials =
  | { verify: false }
  | { secrets: readonly string[]; scheme?: string | undefined };

/** The kit `auth` entries of one scheme, one credential each (in `keyIndex` order). */
function authEntries(command: string, scheme: string, secrets: readonly string[]) {
  switch (scheme) {
    case 'hmac':
      return [{ scheme, secrets }];
    case 'bearer':
      return [{ scheme, tokens: secrets }];
    case 'api-key':
      return [{ scheme, keys: secrets }];
    default:
      // basic: each secret is `user:password`.
      return secrets.map((secret) => {
        const colon = secret.indexOf(':');
        if (colon <= 0) throw new UsageError(`${command}: a basic-auth secret is user:password.`);
        return { scheme, username: secret.slice(0, colon), password: secret.slice(colon + 1) };
      });
  }
}

function adapterOptions(command: string, entry: ProviderEntry, credentials: Credentials) {
  if ('verify' in credentials) return { verify: false };
  if (entry.schemes === undefined) {
    if (credentials.scheme !== undefined) {
      throw new UsageError(`${command}: --scheme is for providers with several auth schemes.`);
    }
    return { secrets: credentials.secrets };
  }
  const scheme = credentials.scheme ?? (entry.schemes[0] as string);
  if (!entry.schemes.includes(scheme)) {
    throw new UsageError(`${command}: --scheme is one of ${entry.schemes.join(', ')} here.`);
  }
  return { auth: authEntries(command, scheme, credentials.secrets) };
}

/** A path (`./acme-adapter.js#acme`) names your own adapter module and its factory export. */
const isModulePath = (name: string) => /^(\.{1,2}\/|\/|file:)/.test(name);

/**
 * Your own adapter: a module and the factory it exports (`#name`, default `default`), called
 * like a kit adapter: `{ secrets }` to verify, `{ verify: false }` to parse only.
 */
function customEntry(spec: string): ProviderEntry {
  const hash = spec.lastIndexOf('#');
  const path = hash === -1 ? spec : spec.slice(0, hash);
  const url = path.startsWith('file:') ? path : pathToFileURL(resolve(path)).href;
  const load = async () => {
    try {
      return (await import(url)) as Record<string, unknown>;
    } catch (error) {
      const { code, message } = error as { code?: unknown; message?: unknown };
      const file = fileURLToPath(url);
      if (
        code === 'ERR_MODULE_NOT_FOUND' &&
        typeof message === 'string' &&
        message.includes(file)
      ) {
        throw new CliFailure(`no adapter module at ${path} (--provider).`);
      }
      throw error;
    }
  };
  return { module: path, factory: hash === -1 ? 'default' : spec.slice(hash + 1), load };
}

/** A usage mistake unless `name` is a registered provider or an adapter module path. */
export function checkProvider(command: string, name: string | undefined): string {
  if (name === undefined || (!Object.hasOwn(PROVIDERS, name) && !isModulePath(name))) {
    throw new UsageError(
      `${command}: name a provider (${PROVIDER_NAMES.join(', ')}) or your adapter module (./my-adapter.js#factory).`,
    );
  }
  return name;
}

/** Make the adapter of provider `name` from its package. */
export async function loadAdapter(
  command: string,
  name: string,
  credentials: Credentials,
): Promise<WebhookAdapter> {
  checkProvider(command, name);
  const entry = isModulePath(name) ? customEntry(name) : (PROVIDERS[name] as ProviderEntry);
  const module = await loadOptional(entry.module, `--provider ${name}`, entry.load);
  const factory = module[entry.factory] as Factory | undefined;
  if (typeof factory !== 'function') {
    throw new UsageError(
      `${command}: ${entry.module} exports no ${entry.factory}() (is it current?).`,
    );
  }
  return factory(adapterOptions(command, entry, credentials));
}

/**
 * The secrets named by `--secret-env` (repeatable, in rotation order: index i is keyIndex i).
 * Secrets come from the environment so they stay out of shell history and the process list.
 */
export function secretsFromEnv(command: string, io: CliIo, variables: readonly string[]): string[] {
  if (variables.length === 0)
    throw new UsageError(`${command}: give --secret-env VAR (the variable holding the secret).`);
  return variables.map((variable) => {
    const value = io.env[variable];
    if (value === undefined || value === '') {
      throw new UsageError(`${command}: the variable ${variable} (--secret-env) is not set.`);
    }
    return value;
  });
}
