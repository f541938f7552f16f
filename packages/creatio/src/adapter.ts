/** `creatio(options)`: verify with core's kit, read either body shape, and key by fingerprint. */
import {
  createAdapter,
  type ParsedEvent,
  readJsonObject,
  resolveEventId,
  type WebhookAdapter,
} from '@hooklatch/core';
import { creatioVerifier } from './auth';
import type { CreatioEvent } from './event';
import { creatioEventType } from './event-type';
import { creatioFingerprintInput } from './fingerprint-input';
import { readModifiedOn } from './modified-on';
import {
  CREATIO_RETENTION_MS,
  type CreatioOptions,
  DEFAULT_NAME,
  DEFAULT_TYPE,
  DEFAULT_VOLATILE_FIELDS,
} from './options';
import { readShape } from './shape';
import { creatioSubject, subjectColumn } from './subject';

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
  const name = options.name ?? DEFAULT_NAME;
  const verify = creatioVerifier(name, options.auth, options.verify);
  const volatileFields = options.volatileFields ?? DEFAULT_VOLATILE_FIELDS;
  const defaultType = options.defaultType ?? DEFAULT_TYPE;
  const timestampOptions = {
    provider: name,
    assumeUtc: options.assumeUtc ?? true,
    required: options.requireModifiedOn ?? false,
  };

  return createAdapter<CreatioEvent>({
    name,
    retentionMs: options.retentionMs ?? CREATIO_RETENTION_MS,
    verify,
    parse(delivery) {
      const data = readJsonObject(delivery, name);
      const body = readShape(data, name);
      const column = subjectColumn(body.entity, options.subjectKey);
      const subject = creatioSubject(data, body.entity, column, name);
      const type = creatioEventType(data, defaultType);
      const modifiedOn = readModifiedOn(data, timestampOptions);
      const ids = resolveEventId({
        delivery,
        payload: data,
        ...(options.deliveryIdHeader === undefined
          ? {}
          : { deliveryIdHeader: options.deliveryIdHeader }),
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
