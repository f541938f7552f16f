/**
 * What no error of an adapter may show, beyond the secrets as configured: the forms a secret
 * takes inside a verifier (its text without the `whsec_`-style prefix, the key bytes it decodes
 * to, its bytes as hex or base64), and the signatures in play, the one expected for a delivery
 * and the one received, whole or their first 16 characters (a message that quotes "expected
 * 3f9a..." hands a forger the answer, or the key's output for a chosen body).
 */
import { Buffer } from 'node:buffer';
import type { SignOptions } from '@hooklatch/core';
import type { AdapterSession } from './adapter-session';

/** Runs of 16+ signature characters (hex, base64, base64url), `=` padding included. */
const SIGNATURE = /[A-Za-z0-9+/_-]{16,}=*/g;

/**
 * The signatures `body` gets when signed at `signOptions.timestamp`, whole and their first 16
 * characters: the runs of the credential headers that change with the secret (signed once
 * with the adapter's and once with `forgeSecret`), so a delivery ID or a timestamp beside them
 * is not taken for one. Both: the one expected, and the forged one an attacker sends.
 */
export function signaturesFor(
  s: AdapterSession,
  body: string | undefined,
  signOptions: SignOptions,
): string[] {
  let pair: Array<Readonly<Record<string, string>>>;
  try {
    pair = [s.deliver(body, signOptions).headers, s.forge(body, signOptions).headers];
  } catch {
    // No forged delivery to tell them apart (a forgeSecret sign refuses): the checks that
    // need one fail on their own.
    return [];
  }
  const runs = pair.map((headers) =>
    s.authHeaders().flatMap((name) => headers[name]?.match(SIGNATURE) ?? []),
  );
  const values = new Set<string>();
  for (const [i, list] of runs.entries()) {
    const other = new Set(runs[1 - i]);
    for (const run of list) {
      if (other.has(run)) continue;
      values.add(run);
      values.add(run.slice(0, 16));
    }
  }
  return [...values];
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** `secrets` and the forms each takes inside a verifier; only forms long enough to be the key. */
export function secretForms(secrets: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (secret === '') continue;
    forms.add(secret);
    if (secret.length < 8) continue;
    const bytes = Buffer.from(secret, 'utf8');
    forms.add(bytes.toString('hex'));
    forms.add(bytes.toString('base64'));
    // `whsec_...`, `shpss_...`: the part a verifier decodes or keys with.
    const bare = secret.replace(/^[a-z]{2,8}_/, '');
    if (bare !== secret && bare.length >= 12) forms.add(bare);
    if (bare.length >= 16 && BASE64.test(bare)) {
      const key = Buffer.from(bare, 'base64');
      forms.add(key.toString('hex'));
      forms.add(key.toString('base64url'));
    }
  }
  return [...forms];
}
