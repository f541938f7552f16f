/**
 * A URL the CLI sends requests to (`storm`, `stats --metrics`). `fetch` refuses a URL with a
 * user name or password in it, and echoes the URL in its errors: the credentials become a
 * basic `Authorization` header, and every message shows the URL with them replaced by `***`.
 */

/** Where to send, what to show, and the header the URL's credentials became. */
export interface WebTarget {
  /** The URL without its credentials. */
  url: string;
  /** The URL as messages show it. */
  shown: string;
  /** `{ authorization: 'Basic ...' }` when the URL had credentials, else `{}`. */
  headers: Record<string, string>;
}

export function webTarget(raw: string): WebTarget {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    return { url: raw, shown: raw.replace(/\/\/[^/@]*@/, '//***@'), headers: {} };
  }
  if (parsed.username === '' && parsed.password === '') {
    return { url: parsed.href, shown: parsed.href, headers: {} };
  }
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  parsed.username = '';
  parsed.password = '';
  const url = parsed.href;
  return { url, shown: url.replace('://', '://***@'), headers: { authorization } };
}

/** Why a request failed, in words that hold no URL (a runtime's own message may hold one). */
export function requestFailure(error: unknown, known: string | undefined): string {
  if (known !== undefined) return known;
  const name = error instanceof Error ? error.name : 'Error';
  return `the request failed (${name})`;
}
