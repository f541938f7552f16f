/**
 * `hooklatch explain <provider> <body> [other]`: the dedupe key a delivery gets and, for an
 * ID-less provider, every part of its fingerprint (from the adapter's `fingerprintInput`); for
 * two bodies, whether they collapse and which parts differ. Verification is skipped on purpose:
 * the bodies come from a log or a support ticket, not from the sender.
 */
import { parseEvent, type WebhookAdapter, type WebhookEvent } from '@hooklatch/core';
import { explainFingerprint, type FingerprintExplanation } from '@hooklatch/core/kit';
import { headerArgs, parseCommand } from '../args';
import type { Command } from '../command';
import { type CliIo, EXIT, UsageError } from '../io';
import { oneLine, printJson } from '../output';
import { checkProvider, loadAdapter, PROVIDER_NAMES } from '../providers';

interface Explained {
  file: string;
  event: WebhookEvent;
  /** Undefined when the event has the provider's own ID (nothing was fingerprinted). */
  fingerprint?: FingerprintExplanation;
}

async function explainOne(
  adapter: WebhookAdapter,
  file: string,
  body: string,
  headers: Record<string, string>,
): Promise<Explained> {
  const event = await parseEvent(adapter, {
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const input = adapter.fingerprintInput?.(event);
  return {
    file,
    event,
    ...(input === undefined ? {} : { fingerprint: explainFingerprint(input) }),
  };
}

function describe(io: CliIo, { file, event, fingerprint }: Explained): void {
  if (fingerprint === undefined) {
    io.out(`${file}: ${oneLine(event.id)}`);
    io.out(`  dedupe key ${oneLine(event.dedupeKey)} (the provider's own ID: no fingerprint)`);
    return;
  }
  const { parts } = fingerprint;
  io.out(`${file}: ${fingerprint.key}`);
  // The full key, as `inspect` and `release` take it (the store's own prefix aside).
  io.out(`  dedupe key ${oneLine(event.dedupeKey)}`);
  io.out(`  provider   ${parts.provider}`);
  io.out(`  subject    ${oneLine(parts.subject)}`);
  io.out(`  eventType  ${oneLine(parts.eventType)}`);
  io.out(`  timestamp  ${parts.timestamp === '' ? '(none)' : parts.timestamp}`);
  io.out(`  extra      ${parts.extra.length === 0 ? '(none)' : parts.extra.join(', ')}`);
  io.out(`  payload    sha256 ${parts.payloadHash}`);
}

/** The fingerprint parts in which two explanations differ. */
function differingParts(a: FingerprintExplanation, b: FingerprintExplanation): string[] {
  return (Object.keys(a.parts) as (keyof FingerprintExplanation['parts'])[]).filter(
    (part) => JSON.stringify(a.parts[part]) !== JSON.stringify(b.parts[part]),
  );
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand('explain', args, {
    header: { type: 'string', multiple: true },
  });
  const [name, ...files] = positionals;
  const provider = checkProvider('explain', name);
  if (files.length < 1 || files.length > 2) {
    throw new UsageError('explain: give one body file to explain, or two to compare.');
  }
  const headers = headerArgs('explain', values.header ?? []);
  const adapter = await loadAdapter('explain', provider, { verify: false });
  const explained: Explained[] = [];
  for (const file of files)
    explained.push(await explainOne(adapter, file, await io.readText(file), headers));
  const [first, second] = explained as [Explained, Explained?];
  const same = second === undefined ? undefined : first.event.dedupeKey === second.event.dedupeKey;
  const differ =
    first.fingerprint && second?.fingerprint
      ? differingParts(first.fingerprint, second.fingerprint)
      : [];
  if (values.json) {
    printJson(io, {
      deliveries: explained.map((e) => ({
        file: e.file,
        dedupeKey: e.event.dedupeKey,
        fingerprint: e.fingerprint,
      })),
      ...(same === undefined ? {} : { sameKey: same, differ }),
    });
    return same === false ? EXIT.finding : EXIT.ok;
  }
  describe(io, first);
  if (second === undefined) {
    if (first.fingerprint) io.out(`  canonical  ${oneLine(first.fingerprint.canonicalPayload)}`);
    return EXIT.ok;
  }
  describe(io, second);
  if (same) {
    io.out('same key: the second delivery is a duplicate of the first.');
    return EXIT.ok;
  }
  io.out(
    differ.length > 0
      ? `different keys: they differ in ${differ.join(', ')}.`
      : 'different keys: they are different events.',
  );
  return EXIT.finding;
}

/** `hooklatch explain`. */
export const explainCommand: Command = {
  name: 'explain',
  summary: 'the dedupe key of a delivery and its fingerprint parts; do two collapse?',
  help: `hooklatch explain <provider> <body.json> [other.json] [--header "Name: value"]... [--json]

The dedupe key a delivery gets and, for an ID-less provider (qualio, creatio), every part of its
fingerprint, from the adapter's fingerprintInput; with two bodies, whether they collapse and
which parts differ (exit 1 when they do not). Bodies are not verified: they come from logs.
  provider             ${PROVIDER_NAMES.join(', ')}, or ./module.js#export (yours)
  --header "N: v"      a header the adapter needs to parse (e.g. X-GitHub-Event)
A file name of - reads standard input.`,
  run,
};
