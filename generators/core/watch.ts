/**
 * Watching contract files for `contractkit generate --watch`: the directories
 * holding the input files are watched (editors often save by replacing a
 * file, which a watch on the file itself would lose), events for other files
 * are ignored, and bursts of changes are debounced into one run. Runs never
 * overlap: a change during a run schedules one more run after it.
 */
import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';

/** Options of {@link createWatcher}. */
export interface WatchOptions {
  /** Quiet time after the last change before a run, in ms (default 150). */
  debounceMs?: number;
  /** Called with errors of the run or of the watchers; the watcher keeps going. */
  onError?: (error: unknown) => void;
}

/** A running watcher. */
export interface Watcher {
  /** Replaces the watched files (after a run found new inputs). */
  setFiles(files: readonly string[]): void;
  /** The files watched now. */
  files(): string[];
  /** Resolves when no run is pending or in progress. */
  idle(): Promise<void>;
  close(): void;
}

/** Watches `files` and calls `run` (debounced) with the changed paths when any of them changes. */
export function createWatcher(files: readonly string[], run: (changed: string[]) => Promise<void> | void, options: WatchOptions = {}): Watcher {
  const debounceMs = options.debounceMs ?? 150;
  const watchers = new Map<string, FSWatcher>();
  let watched = new Set<string>();
  let changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let closed = false;
  const idleWaiters: (() => void)[] = [];

  const settleIdle = () => {
    if (timer || running) return;
    for (const w of idleWaiters.splice(0)) w();
  };

  const start = () => {
    timer = undefined;
    if (running) {
      again = true;
      return;
    }
    const batch = [...changed].sort();
    changed = new Set();
    running = (async () => {
      try {
        await run(batch);
      } catch (error) {
        options.onError?.(error);
      }
    })().finally(() => {
      running = undefined;
      if (again && !closed) {
        again = false;
        start();
      } else settleIdle();
    });
  };

  const onEvent = (dir: string, name: string | Buffer | null) => {
    if (closed) return;
    const path = name === null ? undefined : resolve(dir, name.toString());
    // a rename without a file name (some platforms) may be any watched file in the directory
    if (path !== undefined && !watched.has(path)) return;
    changed.add(path ?? dir);
    clearTimeout(timer);
    timer = setTimeout(start, debounceMs);
  };

  const setFiles = (next: readonly string[]) => {
    watched = new Set(next.map((f) => resolve(f)));
    const dirs = new Set([...watched].map((f) => dirname(f)));
    for (const [dir, w] of watchers) {
      if (!dirs.has(dir)) {
        w.close();
        watchers.delete(dir);
      }
    }
    for (const dir of dirs) {
      if (watchers.has(dir)) continue;
      try {
        const w = watch(dir, { persistent: true }, (_event, name) => onEvent(dir, name));
        w.on('error', (e) => options.onError?.(e));
        watchers.set(dir, w);
      } catch (error) {
        options.onError?.(error);
      }
    }
  };

  setFiles(files);
  return {
    setFiles,
    files: () => [...watched].sort(),
    idle: () =>
      new Promise<void>((resolveIdle) => {
        idleWaiters.push(resolveIdle);
        settleIdle();
      }),
    close() {
      closed = true;
      clearTimeout(timer);
      timer = undefined;
      for (const w of watchers.values()) w.close();
      watchers.clear();
      settleIdle();
    },
  };
}

/** A short label of changed files for a progress line. */
export function describeChanges(changed: readonly string[]): string {
  if (changed.length === 0) return 'change';
  const names = changed.slice(0, 3).map((p) => basename(p));
  return names.join(', ') + (changed.length > 3 ? ` and ${changed.length - 3} more` : '');
}
