/**
 * Progress of a generate run on stderr, one line per phase with the elapsed
 * time (`[1.2 s] building image of googleapis…`): from the start when stderr
 * is a terminal, the contracts are large (over 1 MB) or `--progress` asks for
 * it; otherwise only once the run has taken a while (SLOW_MS), so a quick run
 * in a script or CI log prints nothing extra but a slow one is never silent.
 * `--no-progress` and `--quiet` turn it off.
 */
import { statSync } from 'node:fs';

/** Contracts this large (total bytes of their files) report progress from the start. */
export const LARGE_BYTES = 1 << 20;
/** A run still busy after this long starts reporting its phases. */
export const SLOW_MS = 2000;

/** Reports phases: `phase('writing')`; `done()` ends the report (a last line only if any was printed). */
export interface Progress {
  phase(name: string): void;
  done(): void;
}

/** Options of {@link createProgress}. */
export interface ProgressOptions {
  /** `--progress` (true), `--no-progress` (false) or unset. */
  flag?: boolean;
  quiet: boolean;
  /** Whether stderr is a terminal. */
  tty: boolean;
  /** Contract paths: files over LARGE_BYTES in total report from the start. */
  paths: readonly string[];
  write: (line: string) => void;
  started?: number;
}

/** Total size of the contract files among `paths` (directories count 0: their size is not known without walking them). */
export function contractBytes(paths: readonly string[]): number {
  let bytes = 0;
  for (const p of paths) {
    try {
      const s = statSync(p);
      if (s.isFile()) bytes += s.size;
    } catch {
      // a missing file is reported by the loader
    }
  }
  return bytes;
}

/** A progress reporter for one run. */
export function createProgress(options: ProgressOptions): Progress {
  const started = options.started ?? Date.now();
  if (options.flag === false || options.quiet) return { phase: () => undefined, done: () => undefined };
  let reporting = options.flag === true || options.tty || contractBytes(options.paths) >= LARGE_BYTES;
  let current: string | undefined;
  let printed = false;
  const line = (text: string) => {
    printed = true;
    options.write(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${text}`);
  };
  // a quiet run that turns slow reports the phase it is in, then every phase after it
  const timer = reporting
    ? undefined
    : setTimeout(() => {
        reporting = true;
        if (current) line(`${current}…`);
      }, Math.max(0, SLOW_MS - (Date.now() - started)));
  timer?.unref();
  return {
    phase(name) {
      current = name;
      if (reporting) line(`${name}…`);
    },
    done() {
      if (timer) clearTimeout(timer);
      if (printed) line('done');
    },
  };
}
