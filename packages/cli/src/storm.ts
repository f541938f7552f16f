/**
 * `hooklatch storm <url> --body <file>`: deliver one request to your own endpoint the way
 * providers do it on a bad day (several copies at once, then retries) and report what each copy
 * was answered. Against a hooklatch route it also judges the answers: exactly one copy may be
 * processed, and a copy that was not must not get a 2xx before the work is done.
 */
import { parseArgs } from 'node:util';
import { encodeSignature, hmacSha256, type SignatureEncoding } from '@hooklatch/core/kit';
import { type CliIo, UsageError } from './io';

interface Answer {
  copy: string;
  status: number;
  /** The `outcome` of a hooklatch answer. */
  outcome?: string;
  /** The `error.code` of a hooklatch error answer (the delivery was refused). */
  errorCode?: string;
}

function headerList(values: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    if (colon <= 0) throw new UsageError(`storm: --header "${value}" is not "Name: value".`);
    headers[value.slice(0, colon).trim().toLowerCase()] = value.slice(colon + 1).trim();
  }
  return headers;
}

function count(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > 1000) {
    throw new UsageError(`storm: --${name} must be a whole number from ${min} to 1000.`);
  }
  return n;
}

/** Run the command; returns 0, or 1 when a hooklatch route answered against its policy. */
export async function storm(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      body: { type: 'string' },
      header: { type: 'string', multiple: true },
      'hmac-header': { type: 'string' },
      'hmac-secret-env': { type: 'string' },
      'hmac-prefix': { type: 'string' },
      'hmac-encoding': { type: 'string' },
      copies: { type: 'string' },
      retries: { type: 'string' },
      'timeout-ms': { type: 'string' },
    },
  });
  const [url] = positionals;
  if (url === undefined || !/^https?:\/\//.test(url)) throw new UsageError('storm: give the URL.');
  if (values.body === undefined) throw new UsageError('storm: give --body <file> (- for stdin).');
  const body = await io.readText(values.body);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...headerList(values.header ?? []),
  };
  const hmacHeader = values['hmac-header'];
  if (hmacHeader !== undefined) {
    // The secret comes from the environment, so it never sits in shell history or `ps`.
    const variable = values['hmac-secret-env'];
    const secret = variable === undefined ? undefined : io.env[variable];
    if (!secret) throw new UsageError('storm: --hmac-header needs --hmac-secret-env NAME, set.');
    const encoding = (values['hmac-encoding'] ?? 'hex') as SignatureEncoding;
    if (encoding !== 'hex' && encoding !== 'base64') {
      throw new UsageError('storm: --hmac-encoding is hex or base64.');
    }
    headers[hmacHeader.toLowerCase()] = encodeSignature(
      hmacSha256(secret, body),
      encoding,
      values['hmac-prefix'] ?? '',
    );
  }
  const copies = count(values.copies, 'copies', 5, 1);
  const retries = count(values.retries, 'retries', 2, 0);
  const timeoutMs = count(values['timeout-ms'], 'timeout-ms', 30_000, 1);

  const deliver = async (copy: string): Promise<Answer> => {
    const response = await fetch(url, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await response.text();
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

  const concurrent = await Promise.all(
    Array.from({ length: copies }, (_, i) => deliver(`concurrent ${i + 1}`)),
  );
  const later: Answer[] = [];
  for (let i = 0; i < retries; i++) later.push(await deliver(`retry ${i + 1}`));
  const answers = [...concurrent, ...later];
  for (const a of answers) {
    io.out(`${a.copy.padEnd(14)} ${a.status} ${a.outcome ?? a.errorCode ?? ''}`.trimEnd());
  }
  return judge(concurrent, later, io);
}

function judge(concurrent: Answer[], later: Answer[], io: CliIo): number {
  const answers = [...concurrent, ...later];
  const refused = answers.find((a) => a.errorCode !== undefined);
  if (refused !== undefined) {
    io.err(`problem: the endpoint refused the delivery (${refused.status} ${refused.errorCode}).`);
    return 1;
  }
  if (answers.some((a) => a.outcome === undefined)) {
    io.out('The endpoint does not say what it did (no hooklatch outcome in the answers):');
    io.out('check your side effects to see how often the work ran.');
    return 0;
  }
  const problems: string[] = [];
  const processed = answers.filter((a) => a.outcome === 'processed').length;
  if (processed !== 1) problems.push(`${processed} copies were processed, expected exactly 1`);
  for (const a of concurrent) {
    if (a.outcome === 'in_flight' && a.status >= 200 && a.status < 300) {
      problems.push(`${a.copy} was in flight but answered ${a.status}: the sender would stop`);
    }
  }
  for (const a of later) {
    if (a.outcome !== 'duplicate') problems.push(`${a.copy} got ${a.outcome}, expected duplicate`);
  }
  if (problems.length === 0) {
    io.out(`ok: processed once; ${answers.length - 1} copies answered as duplicates or in flight.`);
    return 0;
  }
  for (const problem of problems) io.err(`problem: ${problem}`);
  return 1;
}
