/** Run every check of a suite, the way a runner would, and name the ones that failed. */
import { adapterChecks, type DescribeAdapterOptions } from '../../src/index';

/** The names of the checks of `options` that failed (skipped ones are not run). */
export async function failingChecks(options: DescribeAdapterOptions): Promise<string[]> {
  const failed: string[] = [];
  for (const check of adapterChecks(options)) {
    if (check.skip !== undefined) continue;
    await check.run().catch(() => failed.push(check.name));
  }
  return failed;
}
