/** What a command may touch, passed in so tests can run commands without a process. */
export interface CliIo {
  /** Normal output (stdout). */
  out: (line: string) => void;
  /** Errors and warnings (stderr). */
  err: (line: string) => void;
  /** Environment variables (secrets are read from here, never from arguments). */
  env: Readonly<Record<string, string | undefined>>;
  /** Read a file as text; `-` is standard input. */
  readText: (path: string) => Promise<string>;
  /**
   * Read a file's exact bytes; `-` is standard input. A capture must reach `verify` byte for
   * byte, so the executable reads bytes. @default the UTF-8 bytes of `readText`
   */
  readBytes?: (path: string) => Promise<Uint8Array>;
  /**
   * Rewrite the one-line progress display, or clear it with `undefined`. The executable sets
   * it only when stderr is a terminal, so pipes and scripts never see progress lines.
   * @default no progress display
   */
  progress?: (line: string | undefined) => void;
}

/** A usage mistake: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Something the command found or could not do, already said in words (a key that is not
 * there, a store that refused the connection): printed without a stack trace, exit code 1.
 */
export class CliFailure extends Error {
  override readonly name = 'CliFailure';
}

/** Exit codes: 0 all is well, 1 a finding or a failure, 2 a usage mistake. */
export const EXIT = Object.freeze({ ok: 0, finding: 1, usage: 2 });

/** Read bytes through `io`, falling back to the text reader. */
export async function readBytesOf(io: CliIo, path: string): Promise<Uint8Array> {
  if (io.readBytes) return io.readBytes(path);
  return new TextEncoder().encode(await io.readText(path));
}
