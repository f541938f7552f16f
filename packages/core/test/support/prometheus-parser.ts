/**
 * A strict reader of the Prometheus text format (0.0.4), enough to reject what a scraper would:
 * HELP and TYPE before a family's samples, samples grouped under their family, valid names,
 * escaped label values, parseable values, `_total` counters, cumulative histogram buckets
 * ending in `+Inf` equal to `_count`.
 */
export interface ParsedSample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface ParsedFamily {
  name: string;
  type: string;
  help: string;
  samples: ParsedSample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (\S+)$/;
const LABEL = /^([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"(?:,|$)/;
const SUFFIXES: Record<string, string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

function unescapeLabel(value: string): string {
  return value.replace(/\\([\\"n])/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

function parseLabels(text: string | undefined, line: string): Record<string, string> {
  const labels: Record<string, string> = {};
  let rest = text ?? '';
  while (rest.length > 0) {
    const m = LABEL.exec(rest);
    if (!m) throw new Error(`bad labels in: ${line}`);
    if ((m[1] as string) in labels) throw new Error(`repeated label in: ${line}`);
    labels[m[1] as string] = unescapeLabel(m[2] as string);
    rest = rest.slice(m[0].length);
  }
  return labels;
}

function parseValue(text: string, line: string): number {
  if (text === '+Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  if (text === 'NaN') return Number.NaN;
  if (!/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) throw new Error(`bad value in: ${line}`);
  return Number(text);
}

function checkHistogram(family: ParsedFamily): void {
  const groups = new Map<string, ParsedSample[]>();
  for (const s of family.samples.filter((x) => x.name.endsWith('_bucket'))) {
    const { le: _le, ...rest } = s.labels;
    const id = JSON.stringify(rest);
    groups.set(id, [...(groups.get(id) ?? []), s]);
  }
  for (const [id, buckets] of groups) {
    const values = buckets.map((b) => b.value);
    if (values.some((v, i) => i > 0 && v < (values[i - 1] as number))) {
      throw new Error(`${family.name} ${id}: buckets not cumulative`);
    }
    if (buckets.at(-1)?.labels.le !== '+Inf') throw new Error(`${family.name} ${id}: no +Inf`);
    const count = family.samples.find(
      (s) => s.name === `${family.name}_count` && JSON.stringify(s.labels) === id,
    );
    if (count?.value !== buckets.at(-1)?.value) throw new Error(`${family.name}: +Inf != _count`);
  }
}

export function parsePrometheus(text: string): Map<string, ParsedFamily> {
  if (!text.endsWith('\n')) throw new Error('exposition must end with a newline');
  const families = new Map<string, ParsedFamily>();
  let current: ParsedFamily | undefined;
  let help: { name: string; text: string } | undefined;
  for (const line of text.slice(0, -1).split('\n')) {
    if (line.startsWith('# HELP ')) {
      const [, name, ...words] = line.split(' ').slice(1);
      if (name === undefined || !NAME.test(name)) throw new Error(`bad HELP: ${line}`);
      help = { name, text: words.join(' ') };
      continue;
    }
    if (line.startsWith('# TYPE ')) {
      const [name, type] = line.slice(7).split(' ');
      if (name === undefined || help?.name !== name) throw new Error(`TYPE without HELP: ${line}`);
      if (!['counter', 'gauge', 'histogram', 'summary', 'untyped'].includes(type ?? '')) {
        throw new Error(`bad TYPE: ${line}`);
      }
      if (families.has(name)) throw new Error(`family ${name} declared twice`);
      if (type === 'counter' && !name.endsWith('_total')) throw new Error(`counter ${name}`);
      current = { name, type: type as string, help: help.text, samples: [] };
      families.set(name, current);
      continue;
    }
    const m = SAMPLE.exec(line);
    if (!m || current === undefined) throw new Error(`bad line: ${JSON.stringify(line)}`);
    const name = m[1] as string;
    const suffixes = SUFFIXES[current.type] ?? [''];
    if (!suffixes.some((s) => name === `${current?.name}${s}`)) {
      throw new Error(`sample ${name} outside its family (${current.name})`);
    }
    current.samples.push({
      name,
      labels: parseLabels(m[2], line),
      value: parseValue(m[3] as string, line),
    });
  }
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family);
  return families;
}
