/**
 * How `storm` judges a hooklatch route's answers: exactly one copy processed, the concurrent
 * others in flight (never with a 2xx, or the sender would stop retrying) or duplicates, every
 * later retry a duplicate. An endpoint that does not answer like hooklatch is only reported.
 */

/** What one copy was answered. */
export interface Answer {
  copy: string;
  status: number;
  /** The `outcome` of a hooklatch answer. */
  outcome?: string;
  /** The `error.code` of a hooklatch error answer (the delivery was refused). */
  errorCode?: string;
}

/** The verdict: lines for stdout, and problems (none means the route passed). */
export interface StormVerdict {
  lines: string[];
  problems: string[];
}

/** Judge the concurrent copies and the later retries. */
export function judgeStorm(concurrent: readonly Answer[], later: readonly Answer[]): StormVerdict {
  const answers = [...concurrent, ...later];
  const refused = answers.find((a) => a.errorCode !== undefined);
  if (refused !== undefined) {
    return {
      lines: [],
      problems: [`the endpoint refused the delivery (${refused.status} ${refused.errorCode}).`],
    };
  }
  if (answers.some((a) => a.outcome === undefined)) {
    return {
      lines: [
        'The endpoint does not say what it did (no hooklatch outcome in the answers):',
        'check your side effects to see how often the work ran.',
      ],
      problems: [],
    };
  }
  const problems: string[] = [];
  const processed = answers.filter((a) => a.outcome === 'processed').length;
  if (processed !== 1) problems.push(`${processed} copies were processed, expected exactly 1`);
  for (const a of concurrent) {
    if (a.outcome === 'in_flight' && a.status >= 200 && a.status < 300) {
      problems.push(`${a.copy} was in flight but answered ${a.status}: the sender would stop`);
    }
  }
  for (const a of later) {
    if (a.outcome !== 'duplicate') problems.push(`${a.copy} got ${a.outcome}, expected duplicate`);
  }
  if (problems.length > 0) return { lines: [], problems };
  return {
    lines: [
      `ok: processed once; ${answers.length - 1} copies answered as duplicates or in flight.`,
    ],
    problems: [],
  };
}
