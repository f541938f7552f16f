/** The ed25519 of `v1a`: @noble/curves, with strict RFC 8032 decoding (no ZIP-215 leniency). */
import { ed25519 } from '@noble/curves/ed25519.js';
import type { Ed25519Scheme } from './ed25519-scheme';

export const nobleEd25519: Ed25519Scheme = {
  verify(signature, message, publicKey) {
    try {
      // Strict decoding: one message, one accepted encoding of its signature.
      return ed25519.verify(signature, message, publicKey, { zip215: false });
    } catch {
      // A signature that does not even decode is simply not a match.
      return false;
    }
  },
  sign: (message, seed) => ed25519.sign(message, seed),
  // The same strict rule verification applies.
  isValidPublicKey: (publicKey) => ed25519.utils.isValidPublicKey(publicKey, false),
};
