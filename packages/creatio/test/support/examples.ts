/** Creatio bodies as users configure them, shared by the tests. */

/** A business-process web-service call for an order status change. */
export const ORDER_UPDATE = {
  EntitySchemaName: 'Order',
  Operation: 'update',
  Id: '5f0d6d4e-8f2a-4c1b-9a53-2f1e0c7b9d11',
  OrderID: '12345',
  EventType: 'status_update',
  Status: 'shipped',
  ModifiedOn: '2025-01-22T11:23:15Z',
};

/** A flat inbound-webhook body: column codes as keys, lookups as `...Id` GUIDs. */
export const CONTACT_FLAT = {
  EntityName: 'Contact',
  Id: '0b8f4a57-1c3e-4d7a-8e62-6a9c2b5d4f30',
  Name: 'Ada Lovelace',
  Email: 'ada@example.com',
  AccountId: 'c4e1a2b3-5d6f-4a8b-9c0d-1e2f3a4b5c6d',
  OwnerId: '410006e1-ca4e-4502-a9ec-e54d922d2c00',
  ModifiedOn: '2025-01-22T11:24:02',
};

/** The minimal flat body from the issue: no `Id`, no `ModifiedOn`. */
export const CONTACT_MINIMAL = {
  EntityName: 'Contact',
  Name: 'Grace Hopper',
  Email: 'grace@example.com',
};

/** Credentials used across the tests; each must never appear in an error. */
export const SECRETS = {
  username: 'creatio-sender',
  password: 'pw-do-not-leak-7f3a',
  token: 'tok-do-not-leak-91c2',
  oldToken: 'tok-old-do-not-leak-55e0',
  hmacSecret: 'hmac-do-not-leak-0d4b',
} as const;
