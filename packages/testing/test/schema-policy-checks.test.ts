/**
 * schemaPolicyChecks: a correct typed adapter passes them, composed into describeAdapter's
 * `additionalTests`; each kind of broken adapter fails exactly the checks that should catch it.
 */
import { describe, expect, it } from 'vitest';
import { type SchemaPolicyCheckOptions, schemaPolicyChecks } from '../src/index';
import { describeAdapter } from '../src/vitest';
import { ACME_SECRET } from './support/acme-adapter';
import { TYPED_ACME_POLICY as base, typedAcme } from './support/typed-acme';

describeAdapter({
  name: 'acme (typed)',
  adapter: () => typedAcme(undefined),
  body: JSON.stringify(base.valid),
  headers: { 'content-type': 'application/json' },
  secrets: [ACME_SECRET],
  additionalTests: () => schemaPolicyChecks(base),
});

/** Run every check and return the names of those that failed. */
async function failing(options: SchemaPolicyCheckOptions): Promise<string[]> {
  const failed: string[] = [];
  for (const [name, run] of Object.entries(schemaPolicyChecks(options))) {
    await run().catch(() => failed.push(name));
  }
  return failed;
}

describe('the schema policy checks catch broken adapters', () => {
  const IDENTITY =
    "'reject': the mismatch carries the event's identity, so an inbox can dead-letter it";
  const KEYED =
    "'envelope': the event is keyed and digested as under 'reject': one delivery, one record";
  it.each([
    [
      'rejects drift under every policy',
      'ignores-policy',
      [
        IDENTITY,
        "'envelope': a drifted body is handed on whole, validated: false, with its failing paths",
        KEYED,
        "'envelope': handleWebhook processes the delivery the 500 left, instead of losing it",
      ],
    ],
    [
      'echoes the body in its mismatch',
      'echoes-value',
      [
        "'reject' (the default): a drifted body is PAYLOAD_SCHEMA_MISMATCH 500 naming its paths",
        IDENTITY,
        KEYED,
      ],
    ],
  ] as const)(
    'an adapter that %s fails exactly the checks that should catch it',
    async (_, fault, expected) => {
      const adapter = (policy: unknown) => typedAcme(policy, fault);
      expect(await failing({ ...base, adapter })).toEqual(expected);
    },
  );

  it('the wrong paths, event or policy handling fail the check that states them', async () => {
    const wrong = await failing({
      ...base,
      driftedPaths: ['id'],
      malformedPaths: ['type'],
      event: { id: 'evt_other' },
      adapter: (policy) => typedAcme(policy === undefined ? 'envelope' : policy),
    });
    expect(wrong).toContain(
      "'reject' (the default): a drifted body is PAYLOAD_SCHEMA_MISMATCH 500 naming its paths",
    );
    expect(wrong).toContain(
      "'envelope': a drifted body is handed on whole, validated: false, with its failing paths",
    );
    expect(wrong).toContain(
      'a body that fails the envelope is PAYLOAD_INVALID 422 under both policies (malformed, not drift)',
    );
    // An adapter that accepts any schemaPolicy value fails the four option checks.
    const lax = (policy: unknown) => typedAcme(policy === 'envelope' ? 'envelope' : undefined);
    expect(
      (await failing({ ...base, adapter: lax })).filter((n) => n.includes('CONFIG')),
    ).toHaveLength(4);
  });
});
