/**
 * A handler that holds its claim until released: `started` resolves once it runs, so a test
 * sends the copy exactly while the first attempt is in flight (no sleep to guess the timing).
 */
export interface BlockedHandler {
  handler: () => Promise<void>;
  started: Promise<void>;
  release: () => void;
}

export function blockedHandler(): BlockedHandler {
  let release: () => void = () => {};
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const handler = () => {
    markStarted();
    return new Promise<void>((resolve) => {
      release = resolve;
    });
  };
  return { handler, started, release: () => release() };
}
