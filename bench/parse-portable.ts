/**
 * The portable build (@noble/hashes instead of node:crypto, what browsers, workers, Deno and Bun
 * get) against a floor on @noble/hashes. The Node build cannot be made to load its portable
 * twin, so core and the Stripe adapter are bundled here with a Worker's export conditions, as
 * a user's bundler would, and the floor uses the bundle's own zod schemas.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { hmac } from '@noble/hashes/hmac.js';
import type { sha256 } from '@noble/hashes/sha2.js';
import type { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { build } from 'esbuild';
import {
  floorCase,
  type ParseCase,
  type ParseFn,
  type ParseSchema,
  stripeDelivery,
  stripeFloor,
} from './parse-cases';
import type { FloorCrypto } from './parse-floors';

/** The @noble/hashes functions a floor uses. */
interface Noble {
  hmac: typeof hmac;
  sha256: typeof sha256;
  bytesToHex: typeof bytesToHex;
  utf8ToBytes: typeof utf8ToBytes;
}

/**
 * @noble/hashes, with a constant-time compare written out as a portable handler would. The
 * floor takes the bundle's copy of noble: a user's bundle holds one copy, shared by hooklatch
 * and the handler, so both sides run the same compiled hash code.
 */
function nobleFloorCrypto({ hmac, sha256, bytesToHex, utf8ToBytes }: Noble): FloorCrypto {
  return {
    sha256Hex: (text) => bytesToHex(sha256(utf8ToBytes(text))),
    sha256HexParts(parts) {
      const hash = sha256.create();
      for (const part of parts) hash.update(part);
      return bytesToHex(hash.digest());
    },
    hmacMatches(key, parts, received) {
      const mac = hmac.create(sha256, key);
      for (const part of parts) mac.update(typeof part === 'string' ? utf8ToBytes(part) : part);
      const expected = mac.digest();
      if (received.length !== expected.length) return false;
      let diff = 0;
      for (let i = 0; i < expected.length; i++)
        diff |= (expected[i] as number) ^ (received[i] as number);
      return diff === 0;
    },
  };
}

interface PortableBundle extends Noble {
  parseEvent: ParseFn;
  stripe: Parameters<typeof stripeDelivery>[1];
  stripeEventSchemas: Record<string, ParseSchema>;
  cryptoBackend: () => string;
}

/** core + stripe bundled from their dist/ builds with the `browser` conditions. */
async function portableBundle(): Promise<PortableBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'hooklatch-bench-portable-'));
  const entry = join(dir, 'entry.mjs');
  writeFileSync(
    entry,
    "export { parseEvent, cryptoBackend } from '@hooklatch/core';\n" +
      "export { stripe, stripeEventSchemas } from '@hooklatch/stripe';\n" +
      "export { hmac } from '@noble/hashes/hmac.js';\n" +
      "export { sha256 } from '@noble/hashes/sha2.js';\n" +
      "export { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';\n",
  );
  const out = join(dir, 'bundle.mjs');
  // An empty tsconfig for every file: the packages' own map @hooklatch/* to their sources,
  // which would bundle a second copy of core.
  const tsconfig = join(dir, 'tsconfig.json');
  writeFileSync(tsconfig, '{}\n');
  const result = await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions: ['worker', 'browser'],
    nodePaths: [fileURLToPath(new URL('../node_modules', import.meta.url))],
    logLevel: 'silent',
    tsconfig,
    metafile: true,
  });
  // The published builds only: a source file in the bundle would be a second copy of core.
  const sources = Object.keys(result.metafile.inputs).filter((f) =>
    /packages\/[^/]+\/src\//.test(f),
  );
  if (sources.length > 0)
    throw new Error(`bench: the portable bundle holds sources: ${sources[0]}`);
  const bundle = (await import(pathToFileURL(out).href)) as PortableBundle;
  if (bundle.cryptoBackend() !== 'noble')
    throw new Error('bench: the bundle is not the portable build');
  return bundle;
}

/** Stripe at 2 KB on the portable build, against its @noble/hashes floor. */
export async function portableCases(): Promise<Array<() => ParseCase>> {
  const bundle = await portableBundle();
  return [
    () => {
      const { adapter, delivery, secret } = stripeDelivery('2 KB', bundle.stripe);
      // The portable build interprets its schemas (no compiled parsers): so does its floor.
      const floor = stripeFloor(
        secret,
        bundle.stripeEventSchemas,
        nobleFloorCrypto(bundle),
        (schema, data) => (schema as unknown as { parse(data: unknown): never }).parse(data),
      );
      const c = floorCase(
        'stripe (portable)',
        '2 KB',
        adapter,
        delivery,
        floor,
        1.15,
        bundle.parseEvent,
      );
      return { ...c, otherName: 'noble floor' };
    },
  ];
}
