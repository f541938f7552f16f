import { describe, expect, it } from 'vitest';
import { isQualioEvent, QUALIO_RETENTION_MS, qualio } from '../src/index';
import {
  DOCUMENT_APPROVED,
  hmacAdapter,
  hmacRequest,
  NC_STATUS,
  parseAt,
  RECEIVED_AT,
  SECRET,
} from './support/fixtures';

describe('normalized events', () => {
  it('maps an nc delivery onto the event model, keeping every body field', async () => {
    const event = await parseAt(hmacAdapter, hmacRequest(NC_STATUS));
    expect(event).toMatchObject({
      provider: 'qualio',
      type: 'nc.updated',
      idSource: 'fingerprint',
      subject: 'NC-2025-001',
      occurredAt: new Date('2025-01-05T10:15:32Z'),
      receivedAt: RECEIVED_AT,
      retentionMs: QUALIO_RETENTION_MS,
    });
    expect(event.meta).toEqual({
      keyIndex: 0,
      family: 'nc',
      subjectField: 'ncId',
      changedField: 'status',
    });
    expect(event.payload).toEqual(NC_STATUS);
    expect(event.attempt).toBeUndefined();
    expect(isQualioEvent(event, 'nc')).toBe(true);
    expect(isQualioEvent(event, 'capa')).toBe(false);
  });

  it('reads the subject of every built-in family from its own field', async () => {
    for (const [eventType, field, family] of [
      ['capa.updated', 'capaId', 'capa'],
      ['document.approved', 'documentId', 'document'],
      ['changecontrol.created', 'changeControlId', 'changecontrol'],
      ['training.completed', 'trainingId', 'training'],
      ['supplier.updated', 'supplierId', 'supplier'],
    ] as const) {
      const body = { eventType, [field]: `${family}-7`, timestamp: '2025-01-05T10:15:32Z' };
      const event = await parseAt(hmacAdapter, hmacRequest(body));
      expect(event.subject).toBe(`${family}-7`);
      expect(event.meta).toEqual({ keyIndex: 0, family, subjectField: field });
      expect(isQualioEvent(event, family)).toBe(true);
    }
  });

  it('keeps document code and version in the typed payload', async () => {
    const event = await parseAt(hmacAdapter, hmacRequest(DOCUMENT_APPROVED));
    if (!isQualioEvent(event, 'document')) throw new Error('not narrowed');
    expect(event.payload.documentCode).toBe('SOP-014');
    expect(event.payload.version).toBe('3.0');
    expect(event.payload.status).toBe('effective');
  });

  it('treats a null or empty changedField as absent', async () => {
    for (const changedField of [null, '']) {
      const event = await parseAt(hmacAdapter, hmacRequest({ ...NC_STATUS, changedField }));
      expect(event.meta).toEqual({ keyIndex: 0, family: 'nc', subjectField: 'ncId' });
    }
  });

  it('takes a positive integer `attempt` from the body as the attempt counter', async () => {
    const second = await parseAt(hmacAdapter, hmacRequest({ ...NC_STATUS, attempt: 2 }));
    expect(second.attempt).toBe(2);
    const odd = await parseAt(hmacAdapter, hmacRequest({ ...NC_STATUS, attempt: '2' }));
    expect(odd.attempt).toBeUndefined();
  });

  it('keeps the offset instant of a timestamp with a zone other than Z', async () => {
    const event = await parseAt(
      hmacAdapter,
      hmacRequest({ ...NC_STATUS, timestamp: '2025-01-05T11:15:32+01:00' }),
    );
    expect(event.occurredAt).toEqual(new Date('2025-01-05T10:15:32Z'));
  });
});

describe('record families this package does not know', () => {
  it('are accepted with the subject from <family>Id and the loose payload', async () => {
    const body = {
      eventType: 'audit.completed',
      auditId: 'AUD-9',
      timestamp: '2025-01-05T10:15:32Z',
    };
    const event = await parseAt(hmacAdapter, hmacRequest(body));
    expect(event).toMatchObject({ type: 'audit.completed', subject: 'AUD-9' });
    expect(event.meta).toEqual({ keyIndex: 0, family: 'audit', subjectField: 'auditId' });
    expect(event.payload).toEqual(body);
    expect(isQualioEvent(event, 'nc')).toBe(false);
  });

  it('read the subject from subjectFields when configured', async () => {
    const adapter = qualio({
      auth: { scheme: 'hmac', secret: SECRET },
      subjectFields: { risk: 'risk.reference' },
    });
    const body = {
      eventType: 'risk.assessed',
      risk: { reference: 'RSK-3' },
      timestamp: '2025-01-05T10:15:32Z',
    };
    const event = await parseAt(adapter, hmacRequest(body));
    expect(event.subject).toBe('RSK-3');
    expect(event.meta).toMatchObject({ family: 'risk', subjectField: 'risk.reference' });
  });

  it('never resolve a family through Object.prototype', async () => {
    const body = {
      eventType: 'constructor.updated',
      constructorId: 'C-1',
      timestamp: '2025-01-05T10:15:32Z',
    };
    const event = await parseAt(hmacAdapter, hmacRequest(body));
    expect(event.meta).toEqual({
      keyIndex: 0,
      family: 'constructor',
      subjectField: 'constructorId',
    });
  });
});
