/**
 * Parse the signature header: a space-separated list of `<version>,<base64>` entries. A list
 * (not one value) is what lets a sender sign with an old and a new key during a rotation.
 */
import { VerificationError } from '@hooklatch/core';
import { checkSignatureCount, MAX_SIGNATURES_PER_HEADER } from '@hooklatch/core/kit';
import { decodeBase64 } from './base64';

/** The signature versions this package verifies. */
export type SignatureVersion = 'v1' | 'v1a';

/** The decoded signatures of one delivery, by version. */
export interface SignatureList {
  /** HMAC-SHA256 signatures (32 bytes each). */
  v1: Uint8Array[];
  /** ed25519 signatures (64 bytes each). */
  v1a: Uint8Array[];
  /**
   * Versions present that this package does not know, for the error message only: a name shaped
   * like a version (`v2`, `v1b`), else `other`, so no sender text of another shape is echoed.
   */
  unknown: string[];
}

/** One entry of the list: a run of non-space characters (the `\s` of /\s+/). */
const ENTRY = /\S+/g;

/** What an unknown version must look like to be named in an error (`v2`, `v10`, `v1b`). */
const VERSION_NAME = /^v[0-9]{1,3}[a-z]{0,2}$/;

const EXPECTED_BYTES: Readonly<Record<SignatureVersion, number>> = { v1: 32, v1a: 64 };

function malformed(header: string, reason: string): VerificationError {
  return new VerificationError('SIGNATURE_MALFORMED', `The ${header} header ${reason}.`, {
    details: { header },
  });
}

/**
 * Split and decode the list. Unknown versions are skipped, so a sender that adds a future scheme
 * next to `v1` keeps verifying; an entry that is not `<version>,<value>`, or a known version whose
 * value is not base64 of the right length, makes the whole header SIGNATURE_MALFORMED, and so
 * does a list of more than 10 entries (of any versions), refused before any is decoded.
 */
export function parseSignatureList(value: string, header: string): SignatureList {
  const list: SignatureList = { v1: [], v1a: [], unknown: [] };
  // The runs of non-space characters, as splitting on /\s+/ gives them, read in one pass.
  // Repeated headers reach us joined with ", ", so a trailing comma on an entry is a separator.
  const entries: string[] = [];
  let count = 0;
  ENTRY.lastIndex = 0;
  for (let run = ENTRY.exec(value); run !== null; run = ENTRY.exec(value)) {
    const text = run[0];
    const entry = text.charCodeAt(text.length - 1) === 0x2c ? text.slice(0, -1) : text;
    if (entry === '') continue;
    // Only counted beyond the limit: the header is refused below, unread.
    if (++count <= MAX_SIGNATURES_PER_HEADER) entries.push(entry);
  }
  if (count === 0) throw malformed(header, 'is empty');
  // Before anything is decoded: a forged header cannot buy one verification per entry.
  checkSignatureCount(count, header);
  for (const entry of entries) {
    const comma = entry.indexOf(',');
    if (comma <= 0 || comma === entry.length - 1) {
      throw malformed(header, 'has an entry that is not "<version>,<base64 signature>"');
    }
    const version = entry.slice(0, comma);
    if (version !== 'v1' && version !== 'v1a') {
      // The header is the sender's text: anything but a version name stays unquoted.
      list.unknown.push(VERSION_NAME.test(version) ? version : 'other');
      continue;
    }
    const bytes = decodeBase64(entry.slice(comma + 1));
    if (!bytes || bytes.length !== EXPECTED_BYTES[version]) {
      throw malformed(
        header,
        `has a ${version} entry that is not base64 of ${EXPECTED_BYTES[version]} bytes`,
      );
    }
    list[version].push(bytes);
  }
  return list;
}
