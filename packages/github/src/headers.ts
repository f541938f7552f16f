/**
 * The headers GitHub sends with every delivery besides the signature: the event name, the
 * delivery GUID (the dedupe ID) and the hook that sent it.
 */
export const GITHUB_HEADERS = {
  event: 'X-GitHub-Event',
  delivery: 'X-GitHub-Delivery',
  hookId: 'X-GitHub-Hook-ID',
  targetType: 'X-GitHub-Hook-Installation-Target-Type',
  targetId: 'X-GitHub-Hook-Installation-Target-ID',
} as const;
