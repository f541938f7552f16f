/**
 * How a `Stripe-Signature` value is read: element by element, in place. Compared with the
 * plain reading (split on `,`, key before the first `=`, trimmed) on random headers, and shown
 * to stay linear on a header of elements without any `=`.
 */
import { HooklatchError } from '@hooklatch/core';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/test-support/seeded-random';
import { readStripeSignature } from '../src/signature';

const now = new Date('2026-01-01T00:00:00Z');
const t = String(Math.floor(now.getTime() / 1000));
const hex = 'ab'.repeat(32);

/** The reading the scheme describes, written the direct way. */
function model(header: string): { t: string; v1: number } | string {
  let found: string | undefined;
  const v1: string[] = [];
  for (const element of header.split(',')) {
    const eq = element.indexOf('=');
    if (eq <= 0) continue;
    const key = element.slice(0, eq).trim();
    if (key === 't') found = element.slice(eq + 1).trim();
    else if (key === 'v1') v1.push(element.slice(eq + 1));
  }
  if (found === undefined || !/^\d{1,12}$/.test(found) || v1.length === 0) return 'malformed';
  if (v1.length > 10) return 'malformed';
  if (v1.some((v) => !/^\s*[0-9a-fA-F]{64}\s*$/.test(v))) return 'malformed';
  return { t: found, v1: v1.length };
}

function read(header: string): { t: string; v1: number } | string {
  try {
    const signature = readStripeSignature(header, now, 300);
    return { t: signature.t, v1: signature.v1.length };
  } catch (error) {
    if (error instanceof HooklatchError && error.code === 'SIGNATURE_MALFORMED') return 'malformed';
    throw error;
  }
}

describe('readStripeSignature', () => {
  it('reads 3,000 random headers as the split-on-comma reading does', () => {
    const parts = [
      `t=${t}`,
      ` t = ${t} `,
      `v1=${hex}`,
      `v1= ${hex} `,
      ' v1 =' + hex,
      `v0=${hex}`,
      `v1=${hex.slice(2)}`,
      'v1=zz',
      '=x',
      '',
      ' ',
      't=',
      'tt=1',
      'v1',
      't',
      '==',
      `t=${t}=`,
      'x=1=2',
    ];
    const next = seededRandom(11);
    for (let i = 0; i < 3000; i++) {
      const count = 1 + next(5);
      const header = Array.from({ length: count }, () => parts[next(parts.length)]).join(',');
      expect([header, read(header)]).toEqual([header, model(header)]);
    }
  });

  it('reads a 1 MB header of elements without `=` in one pass (SIGNATURE_MALFORMED)', () => {
    // Searching each element for its `=` afresh would scan the rest of the header per element.
    const header = `${'a,'.repeat(500_000)}t=${t}`;
    expect(read(header)).toBe('malformed');
    expect(read(`v1=${hex},${'a,'.repeat(500_000)}t=${t}`)).toEqual({ t, v1: 1 });
  });
});
