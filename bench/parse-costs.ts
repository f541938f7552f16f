/**
 * Where a Stripe parse's time goes, step by step, beside the peers' own steps: the measured
 * reason why the peer targets (constructEvent, shopify-api, standardwebhooks) are out of reach
 * for a call that also validates a schema and digests the body. Each step is timed alone, on
 * the same payloads as the parse cases; the table prints the median per call.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  decodeSignature,
  hmacSha256,
  timingSafeEqual as kitTimingSafeEqual,
  signedBodyDigest,
} from '@hooklatch/core/kit';
import { STRIPE_DIGEST_EXCLUDE, stripeEventSchemas } from '@hooklatch/stripe';
import { Webhook } from 'standardwebhooks';
import { parse } from 'zod/v4/core';
import { canonicalJson } from '../packages/core/src/canonical-json';
import { jsonValueDepthExceeds } from '../packages/core/src/json-depth';
import type { ParseSchema } from './parse-cases';
import { floorValidate } from './parse-floors';
import { quantile } from './parse-measure';
import { PARSE_SIZES, type ParseSize, stripePayload } from './parse-payloads';

/** Median µs per call of `run`, over batches of about `batchMs`. */
function time(run: () => unknown, batches: number, batchMs = 2): number {
  let calls = 1;
  for (let started = performance.now(); performance.now() - started < 20; calls++) run();
  const perBatch = Math.max(1, Math.round((batchMs * calls) / 20));
  const samples: number[] = [];
  for (let b = 0; b < batches; b++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < perBatch; i++) run();
    samples.push(Number(process.hrtime.bigint() - started) / perBatch / 1000);
  }
  return quantile(samples, 0.5);
}

/** One row per step, one column per size. */
export function reportParseCosts(quick: boolean): void {
  const batches = quick ? 3 : 60;
  const rows: Record<string, Record<string, string>> = {};
  const put = (step: string, size: ParseSize, us: number) => {
    rows[step] ??= {};
    (rows[step] as Record<string, string>)[size] = `${us.toFixed(us < 100 ? 1 : 0)} µs`;
  };
  for (const size of Object.keys(PARSE_SIZES) as ParseSize[]) {
    const body = Buffer.from(JSON.stringify(stripePayload(size)));
    const text = body.toString('utf8');
    const data = JSON.parse(text) as { type: string };
    const schema = (stripeEventSchemas as Record<string, ParseSchema>)[data.type] as ParseSchema;
    const canonical = canonicalJson(data);
    const key = Buffer.from('whsec_bench_0123456789abcdef');
    // The signature check each side makes: MAC, then a constant-time compare with the
    // signature decoded from its header (hex here), as the floors write it and as the kit does.
    const signature = createHmac('sha256', key).update('1.').update(body).digest('hex');
    put(
      'HMAC-SHA256 + compare, createHmac + timingSafeEqual (floors)',
      size,
      time(() => {
        const mac = createHmac('sha256', key).update('1.').update(body).digest();
        return timingSafeEqual(mac, Buffer.from(signature, 'hex'));
      }, batches),
    );
    put(
      'HMAC-SHA256 + compare, hooklatch Node build',
      size,
      time(
        () =>
          kitTimingSafeEqual(
            hmacSha256(key, ['1.', body]),
            decodeSignature(signature, { header: 'x-signature', encoding: 'hex' }),
          ),
        batches,
      ),
    );
    // Its own signing step: the text encoded, HMAC-SHA256 in JavaScript (fast-sha256), base64.
    const webhook = new Webhook('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw');
    const at = new Date();
    put(
      'HMAC-SHA256 as standardwebhooks signs (JavaScript)',
      size,
      time(() => webhook.sign('msg_1', at, text), batches),
    );
    put(
      'UTF-8 decode (all; constructEvent twice)',
      size,
      time(() => body.toString('utf8'), batches),
    );
    put(
      'JSON.parse (all)',
      size,
      time(() => JSON.parse(text), batches),
    );
    put(
      'zod typed schema, interpreted (portable build)',
      size,
      time(() => parse(schema, data), batches),
    );
    put(
      'zod typed schema, compiled (Node build)',
      size,
      time(() => floorValidate(schema, data), batches),
    );
    put(
      'signed-body digest, pending_webhooks cut (hooklatch only)',
      size,
      time(() => signedBodyDigest(body, text, data, STRIPE_DIGEST_EXCLUDE), batches),
    );
    put(
      'nesting limit on the parsed value (hooklatch only)',
      size,
      time(() => jsonValueDepthExceeds(data, 128), batches),
    );
    put(
      'canonical JSON (canonical-digest adapters only)',
      size,
      time(() => canonicalJson(data), batches),
    );
    put(
      'SHA-256 of it (canonical-digest adapters only)',
      size,
      time(() => createHash('sha256').update(canonical).digest('hex'), batches),
    );
  }
  console.log('parse: the steps, timed alone (Stripe payloads; median per call)');
  console.table(rows);
}

if (import.meta.url === `file://${process.argv[1]}`)
  reportParseCosts(process.argv.includes('--quick'));
