/** What a command may touch, passed in so tests can run commands without a process. */
export interface CliIo {
  /** Normal output. */
  out: (line: string) => void;
  /** Errors and warnings. */
  err: (line: string) => void;
  /** Environment variables (secrets are read from here, never from arguments). */
  env: Readonly<Record<string, string | undefined>>;
  /** Read a file as text; `-` is standard input. */
  readText: (path: string) => Promise<string>;
}

/** A usage mistake: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
