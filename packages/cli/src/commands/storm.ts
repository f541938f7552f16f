/**
 * `hooklatch storm <url> --body <file>`: deliver one request to your own endpoint the way
 * providers do it on a bad day (several copies at once, then retries) and report what each copy
 * was answered. Deliveries are signed by a provider's adapter (`--provider`, its `sign`) or by a
 * plain HMAC header. Against a hooklatch route it also judges the answers: exactly one copy may
 * be processed, and a copy that was not must not get a 2xx before the work is done.
 */
import { encodeSignature, hmacSha256, type SignatureEncoding } from '@hooklatch/core/kit';
import {
  choiceArg,
  headerArgs,
  integerArg,
  type ParsedCommand,
  parseCommand,
  positionalCount,
} from '../args';
import type { Command } from '../command';
import { networkWords } from '../failure';
import { CliFailure, type CliIo, EXIT, UsageError } from '../io';
import { printJson } from '../output';
import { checkProvider, loadAdapter, PROVIDER_NAMES, secretsFromEnv } from '../providers';
import { type Answer, judgeStorm } from '../storm-judge';
import { requestFailure, webTarget } from '../web-target';

const OPTIONS = {
  body: { type: 'string' },
  header: { type: 'string', multiple: true },
  provider: { type: 'string' },
  'secret-env': { type: 'string' },
  scheme: { type: 'string' },
  'hmac-header': { type: 'string' },
  'hmac-secret-env': { type: 'string' },
  'hmac-prefix': { type: 'string' },
  'hmac-encoding': { type: 'string' },
  copies: { type: 'string' },
  retries: { type: 'string' },
  'timeout-ms': { type: 'string' },
} as const;

type Values = ParsedCommand<typeof OPTIONS>['values'];

/** Headers for one send: signed by the adapter at the send's time, or by the HMAC options. */
async function signer(values: Values, io: CliIo, body: string, headers: Record<string, string>) {
  if (values.provider !== undefined) {
    if (values['hmac-header'] !== undefined) {
      throw new UsageError('storm: sign with --provider or with --hmac-header, not both.');
    }
    const provider = checkProvider('storm', values.provider);
    const variable = values['secret-env'];
    const secrets = secretsFromEnv('storm', io, variable === undefined ? [] : [variable]);
    const adapter = await loadAdapter('storm', provider, { secrets, scheme: values.scheme });
    const sign = adapter.sign;
    if (typeof sign !== 'function') {
      throw new UsageError(`storm: this ${provider} adapter has no sign(); update its package.`);
    }
    // A provider signs each attempt anew (a timestamped scheme's retry carries a new time).
    return () => ({ ...sign.call(adapter, body, { headers, timestamp: new Date() }).headers });
  }
  const hmacHeader = values['hmac-header'];
  if (hmacHeader === undefined) return () => headers;
  // The secret comes from the environment, so it never sits in shell history or `ps`.
  const variable = values['hmac-secret-env'];
  const secret = variable === undefined ? undefined : io.env[variable];
  if (!secret) throw new UsageError('storm: --hmac-header needs --hmac-secret-env NAME, set.');
  const encoding = choiceArg(
    'storm',
    'hmac-encoding',
    values['hmac-encoding'],
    ['hex', 'base64'],
    'hex',
  );
  const signed = {
    ...headers,
    [hmacHeader.toLowerCase()]: encodeSignature(
      hmacSha256(secret, body),
      encoding as SignatureEncoding,
      values['hmac-prefix'] ?? '',
    ),
  };
  return () => signed;
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommand('storm', args, OPTIONS);
  positionalCount('storm', positionals, 0, 1, 'give one URL');
  const [given] = positionals;
  if (given === undefined || !/^https?:\/\//.test(given))
    throw new UsageError('storm: give the URL.');
  const target = webTarget(given);
  const url = target.shown;
  if (values.body === undefined) throw new UsageError('storm: give --body <file> (- for stdin).');
  const copies = integerArg('storm', 'copies', values.copies, { fallback: 5, min: 1, max: 1000 });
  const retries = integerArg('storm', 'retries', values.retries, {
    fallback: 2,
    min: 0,
    max: 1000,
  });
  const timeoutMs = integerArg('storm', 'timeout-ms', values['timeout-ms'], {
    fallback: 30_000,
    min: 1,
    max: 600_000,
  });
  const body = await io.readText(values.body);
  const headers = {
    'content-type': 'application/json',
    ...headerArgs('storm', values.header ?? []),
  };
  const headersFor = await signer(values, io, body, headers);

  const deliver = async (copy: string, sent: Record<string, string>): Promise<Answer> => {
    let response: Response;
    let text: string;
    try {
      response = await fetch(target.url, {
        method: 'POST',
        headers: { ...target.headers, ...sent },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      const words = timedOut
        ? `no answer within ${timeoutMs} ms`
        : requestFailure(error, networkWords(error));
      throw new CliFailure(`${copy} to ${url}: ${words}.`);
    }
    const answer: Answer = { copy, status: response.status };
    try {
      const parsed = JSON.parse(text) as { outcome?: unknown; error?: { code?: unknown } };
      if (typeof parsed.outcome === 'string') answer.outcome = parsed.outcome;
      if (typeof parsed.error?.code === 'string') answer.errorCode = parsed.error.code;
    } catch {
      // Not a hooklatch answer: the status is all there is to report.
    }
    return answer;
  };

  // The concurrent copies are one delivery sent several times: one signature for all of them.
  const first = headersFor();
  const concurrent = await Promise.all(
    Array.from({ length: copies }, (_, i) => deliver(`concurrent ${i + 1}`, first)),
  );
  const later: Answer[] = [];
  for (let i = 0; i < retries; i++) later.push(await deliver(`retry ${i + 1}`, headersFor()));
  const verdict = judgeStorm(concurrent, later);
  if (values.json) {
    printJson(io, { answers: [...concurrent, ...later], ...verdict });
  } else {
    for (const a of [...concurrent, ...later]) {
      io.out(`${a.copy.padEnd(14)} ${a.status} ${a.outcome ?? a.errorCode ?? ''}`.trimEnd());
    }
    for (const line of verdict.lines) io.out(line);
    for (const problem of verdict.problems) io.err(`problem: ${problem}`);
  }
  return verdict.problems.length === 0 ? EXIT.ok : EXIT.finding;
}

/** `hooklatch storm`. */
export const stormCommand: Command = {
  name: 'storm',
  summary: 'send one delivery as concurrent copies and retries; judge a hooklatch route',
  help: `hooklatch storm <url> --body <file> [--header "Name: value"]... [--copies 5] [--retries 2]
                [--provider NAME --secret-env VAR [--scheme S]]
                [--hmac-header NAME --hmac-secret-env VAR [--hmac-prefix sha256=]
                 [--hmac-encoding hex|base64]] [--timeout-ms 30000] [--json]

Send one delivery to your endpoint as concurrent copies and then retries, print every answer,
and judge a hooklatch route's answers (exit 1 when it processed more or fewer than once,
answered an in-flight copy with a 2xx, or refused the delivery).
  --provider NAME      sign with this provider's adapter (${PROVIDER_NAMES.join(', ')}): its
                       sign() adds the auth headers; the concurrent copies share one
                       signature, each retry is signed again at its own time
  --secret-env VAR     the variable holding the signing secret (with --provider)
  --scheme S           the auth scheme, for adapters with several (qualio, creatio)
  --hmac-header NAME   instead: an HMAC-SHA256 of the body in this header, keyed by the
                       variable --hmac-secret-env names
  --header "N: v"      another header (repeatable; e.g. the event type a provider sends)
A file name of - reads standard input.`,
  run,
};
