/**
 * The progress display: on a terminal, one live line (step, requests sent, elapsed) redrawn in
 * place; anywhere else (CI logs, pipes), one plain line per finished step. It writes to stderr,
 * so `--json` output on stdout stays clean.
 */

/** Reports progress; `tick` is called once per HTTP request sent. */
export interface Progress {
  start(label: string): void;
  tick: () => void;
  done(summary: string): void;
  /** Clear the live line (before the report is printed). */
  end(): void;
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A progress display over `total` steps on `stream`. */
export function progress(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = stream.isTTY === true;
  let step = 0;
  let label = '';
  let requests = 0;
  let frame = 0;
  let started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const position = () => `[${String(step).padStart(String(total).length)}/${total}]`;
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const draw = () => {
    frame = (frame + 1) % FRAMES.length;
    const text = `${FRAMES[frame]} ${position()} ${label}  ${requests} requests  ${seconds()}`;
    stream.write(`\r\x1b[2K${text.slice(0, (stream.columns || 100) - 1)}`);
  };
  return {
    start(next) {
      step++;
      label = next;
      requests = 0;
      started = performance.now();
      if (live) {
        timer ??= setInterval(draw, 80);
        draw();
      }
    },
    tick: () => {
      requests++;
    },
    done(summary) {
      const line = `${position()} ${label}: ${summary} (${seconds()})`;
      stream.write(live ? `\r\x1b[2K✓ ${line}\n` : `${line}\n`);
    },
    end() {
      if (timer) clearInterval(timer);
      timer = undefined;
    },
  };
}
