/** Waiting in the inbox tests: real time, polled every 10 ms, failing after about 4 s. */

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolve once `check` is true; throw naming `what` when it never is. */
export async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await sleep(10);
  }
  throw new Error(`timed out: ${what}`);
}
