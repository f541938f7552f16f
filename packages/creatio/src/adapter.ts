/** `creatio(options)`: verify with core's kit, read either body shape, and key by fingerprint. */

import type { ParsedEvent, WebhookAdapter } from '@hooklatch/core';
import {
  booleanOption,
  checkOptionsObject,
  createAdapter,
  knownOptions,
  pathListOption,
  resolveEventId,
  stringOption,
} from '@hooklatch/core/kit';
import { creatioVerifier } from './auth';
import type { CreatioEvent } from './event';
import { creatioEventType } from './event-type';
import { creatioFingerprintInput } from './fingerprint-input';
import { readModifiedOn } from './modified-on';
import {
  CREATIO_DEFAULT_NAME,
  CREATIO_DEFAULT_TYPE,
  CREATIO_OPTION_KEYS,
  CREATIO_RETENTION_MS,
  CREATIO_VOLATILE_FIELDS,
  type CreatioOptions,
} from './options';
import { readShape } from './shape';
import { checkSubjectKey, creatioSubject, subjectColumn } from './subject';

/**
 * Create the adapter for a Creatio-like CRM. Creatio sends no event ID, so the ID is the
 * configured delivery-ID header when present, else an `fp1:` fingerprint over subject, type,
 * `ModifiedOn` and the payload minus `volatileFields`.
 *
 * Auth is checked here: no `auth` and no `verify: false` throws CONFIG_INVALID at startup.
 *
 * @example
 * const adapter = creatio({ auth: { scheme: 'basic', username: 'creatio', password } });
 * const event = await parseEvent(adapter, request); // event.subject: 'Order:<Id>'
 */
export function creatio(options: CreatioOptions): WebhookAdapter<CreatioEvent> {
  checkOptionsObject(CREATIO_DEFAULT_NAME, options);
  const name = stringOption(CREATIO_DEFAULT_NAME, 'name', options.name, CREATIO_DEFAULT_NAME);
  knownOptions(name, options, CREATIO_OPTION_KEYS);
  const verify = creatioVerifier(name, options);
  const volatileFields = pathListOption(
    name,
    'volatileFields',
    options.volatileFields,
    CREATIO_VOLATILE_FIELDS,
  );
  const defaultType = stringOption(name, 'defaultType', options.defaultType, CREATIO_DEFAULT_TYPE);
  // `false` and leaving it out mean the same here: Creatio sends no delivery ID of its own.
  const deliveryIdHeader =
    options.deliveryIdHeader === false
      ? undefined
      : stringOption(name, 'deliveryIdHeader', options.deliveryIdHeader, undefined);
  checkSubjectKey(name, options.subjectKey);
  const timestampOptions = {
    provider: name,
    assumeUtc: booleanOption(name, 'assumeUtc', options.assumeUtc, true),
    required: booleanOption(name, 'requireModifiedOn', options.requireModifiedOn, false),
  };

  return createAdapter<CreatioEvent>({
    name,
    retentionMs: options.retentionMs ?? CREATIO_RETENTION_MS,
    verify,
    ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
    // A re-run recomputes exactly the fields the fingerprint ignores; createAdapter hashes the
    // body `json()` parsed, minus these, into event.digest.
    digestExclude: volatileFields,
    fingerprintInput: (event) =>
      event.idSource === 'fingerprint'
        ? creatioFingerprintInput(
            { ...event, subject: event.subject ?? '', meta: { modifiedOn: event.meta.modifiedOn } },
            volatileFields,
          )
        : undefined,
    parse(delivery, _verified, { json }) {
      const data = json();
      const body = readShape(data, name);
      const column = subjectColumn(body.entity, options.subjectKey);
      const subject = creatioSubject(data, body.entity, column, name);
      const type = creatioEventType(data, defaultType);
      const modifiedOn = readModifiedOn(data, timestampOptions);
      const ids = resolveEventId({
        delivery,
        payload: data,
        ...(deliveryIdHeader === undefined ? {} : { deliveryIdHeader }),
        fingerprint: () =>
          creatioFingerprintInput(
            { provider: name, subject, type, payload: data, meta: { modifiedOn } },
            volatileFields,
          ),
      });
      const parsed = {
        type,
        ...ids,
        subject,
        ...(modifiedOn === undefined ? {} : { occurredAt: modifiedOn }),
        meta: { shape: body.shape, entity: body.entity, subjectColumn: column, modifiedOn },
        payload: body.payload,
      };
      // `shape` and `payload` come from the same branch of readShape, which is exactly the
      // pairing CreatioEvent describes; TypeScript cannot follow it through the spread.
      return parsed as ParsedEvent<CreatioEvent>;
    },
  });
}
