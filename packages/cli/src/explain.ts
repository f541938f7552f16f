/**
 * `hooklatch explain <qualio|creatio> <body.json> [other.json]`: the dedupe key an ID-less
 * provider's delivery gets, every part that went into it, and for two bodies, whether they
 * collapse and which parts differ. Verification is skipped on purpose: the bodies come from a
 * log or a support ticket, not from the sender.
 */
import { explainFingerprint, type FingerprintExplanation, type FingerprintInput } from '@hooklatch/core/kit';
import { parseEvent } from '@hooklatch/core';
import { type CreatioEvent, creatio, creatioFingerprintInput } from '@hooklatch/creatio';
import { type QualioEvent, qualio, qualioFingerprintInput } from '@hooklatch/qualio';
import { type CliIo, UsageError } from './io';

const PROVIDERS = {
  qualio: async (body: string): Promise<FingerprintInput> =>
    qualioFingerprintInput((await parse(qualio({ verify: false }), body)) as QualioEvent),
  creatio: async (body: string): Promise<FingerprintInput> =>
    creatioFingerprintInput((await parse(creatio({ verify: false }), body)) as CreatioEvent),
} as const;

function parse(adapter: Parameters<typeof parseEvent>[0], body: string) {
  return parseEvent(adapter, { headers: { 'content-type': 'application/json' }, body });
}

function describe(label: string, e: FingerprintExplanation, io: CliIo): void {
  io.out(`${label}: ${e.key}`);
  io.out(`  provider   ${e.parts.provider}`);
  io.out(`  subject    ${e.parts.subject}`);
  io.out(`  eventType  ${e.parts.eventType}`);
  io.out(`  timestamp  ${e.parts.timestamp === '' ? '(none)' : e.parts.timestamp}`);
  io.out(`  extra      ${e.parts.extra.length === 0 ? '(none)' : e.parts.extra.join(', ')}`);
  io.out(`  payload    sha256 ${e.parts.payloadHash}`);
}

/** Run the command; returns the exit code (0, or 1 when the bodies do not collapse). */
export async function explain(args: readonly string[], io: CliIo): Promise<number> {
  const [provider, ...files] = args;
  if (provider === undefined || !Object.hasOwn(PROVIDERS, provider)) {
    throw new UsageError(`explain: name a provider: ${Object.keys(PROVIDERS).join(', ')}.`);
  }
  if (files.length < 1 || files.length > 2) {
    throw new UsageError('explain: give one body file to explain, or two to compare.');
  }
  const inputOf = PROVIDERS[provider as keyof typeof PROVIDERS];
  const explained: FingerprintExplanation[] = [];
  for (const file of files)
    explained.push(explainFingerprint(await inputOf(await io.readText(file))));
  const [first, second] = explained as [FingerprintExplanation, FingerprintExplanation?];
  describe(files[0] as string, first, io);
  if (second === undefined) {
    io.out(`  canonical  ${first.canonicalPayload}`);
    return 0;
  }
  describe(files[1] as string, second, io);
  if (first.key === second.key) {
    io.out('same key: the second delivery is a duplicate of the first.');
    return 0;
  }
  const differing = (Object.keys(first.parts) as (keyof FingerprintExplanation['parts'])[]).filter(
    (part) => JSON.stringify(first.parts[part]) !== JSON.stringify(second.parts[part]),
  );
  io.out(`different keys: they differ in ${differing.join(', ')}.`);
  return 1;
}
