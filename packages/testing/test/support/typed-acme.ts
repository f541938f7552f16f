/**
 * The acme adapter with typed schemas: `order.paid` bodies must carry a numeric `amount`. Its
 * `schemaPolicy` decides what a body that fails it becomes; `broken` breaks it on purpose, so
 * the tests can show which schema policy check catches which mistake.
 */
import type { WebhookAdapter } from '@hooklatch/core';
import { createAdapter, hmacHeaderVerifier, validateTyped } from '@hooklatch/core/kit';
import { z } from 'zod';
import type { SchemaPolicyCheckOptions } from '../../src/index';
import { ACME_SECRET } from './acme-adapter';

const envelope = z.looseObject({ id: z.string(), type: z.string() });
const schemas: Readonly<Record<string, z.ZodType>> = {
  'order.paid': z.looseObject({ id: z.string(), type: z.string(), amount: z.number() }),
};

/** How {@link typedAcme} is broken: `'ignores-policy'` rejects drift under every policy. */
export type TypedAcmeFault = 'ignores-policy' | 'echoes-value';

/** The typed acme adapter, correct unless `broken` says otherwise. */
export function typedAcme(schemaPolicy: unknown, broken?: TypedAcmeFault): WebhookAdapter {
  return createAdapter({
    name: 'acme',
    retentionMs: 60_000,
    verify: hmacHeaderVerifier({
      provider: 'acme',
      header: 'X-Acme-Signature',
      secret: ACME_SECRET,
    }),
    schemaPolicy: schemaPolicy as 'reject',
    parse(_delivery, _verified, context) {
      const data = context.json();
      const type = typeof data.type === 'string' ? data.type : '';
      const typed = validateTyped({
        envelope,
        schema: Object.hasOwn(schemas, type) ? schemas[type] : undefined,
        data,
        policy: broken === 'ignores-policy' ? 'reject' : context.schemaPolicy,
        validate: true,
        // The classic leak: the offending value in the message, which ends up in logs.
        context:
          broken === 'echoes-value' ? `acme ${type} (${JSON.stringify(data)})` : `acme ${type}`,
      });
      return {
        type: typed.envelope.type,
        id: typed.envelope.id,
        idSource: 'event',
        payload: typed.payload,
        validated: typed.validated,
        meta: typed.schemaIssues === undefined ? {} : { schemaIssues: typed.schemaIssues },
      };
    },
  });
}

/** The schema policy check options of the correct typed acme adapter. */
export const TYPED_ACME_POLICY: SchemaPolicyCheckOptions = {
  adapter: (schemaPolicy) => typedAcme(schemaPolicy),
  deliver: (body) => {
    const sign = typedAcme(undefined).sign;
    if (sign === undefined) throw new Error('typed acme cannot sign');
    return sign(body, { headers: { 'content-type': 'application/json' } });
  },
  type: 'order.paid',
  valid: { id: 'evt_1', type: 'order.paid', amount: 20 },
  drifted: { id: 'evt_2', type: 'order.paid', amount: 'twenty' },
  driftedPaths: ['amount'],
  malformed: { type: 'order.paid', amount: 20 },
  malformedPaths: ['id'],
  event: { id: 'evt_2', idSource: 'event' },
  untyped: { id: 'evt_3', type: 'order.refunded' },
  hidden: ['twenty'],
  secrets: [ACME_SECRET],
};
