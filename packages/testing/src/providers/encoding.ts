/**
 * Web-standard byte helpers for the builders in this folder (core's are internal). The folder
 * moves to the provider packages' `/testing` subpaths; this file goes with it.
 */

export const utf8 = (text: string) => new TextEncoder().encode(text);

export const toBytes = (body: string | Uint8Array) =>
  typeof body === 'string' ? utf8(body) : body;

export const toHex = (bytes: Uint8Array) =>
  Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');

export const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

export const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
