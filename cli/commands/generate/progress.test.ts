import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createProgress, SLOW_MS } from './progress.js';

describe('generate progress', () => {
  beforeEach(() => vi.useFakeTimers({ now: 0 }));
  afterEach(() => vi.useRealTimers());

  const run = (options: { flag?: boolean; tty?: boolean; quiet?: boolean }) => {
    const lines: string[] = [];
    const progress = createProgress({ quiet: false, tty: false, paths: [], ...options, write: (l) => lines.push(l) });
    return { lines, progress };
  };

  it('a quick run off a terminal prints nothing', () => {
    const { lines, progress } = run({});
    progress.phase('building image of api');
    vi.advanceTimersByTime(SLOW_MS / 2);
    progress.phase('writing 3 file(s)');
    progress.done();
    vi.advanceTimersByTime(SLOW_MS);
    expect(lines).toEqual([]);
  });

  it('a slow run reports the phase it is in once it has taken a while, then every phase', () => {
    const { lines, progress } = run({});
    progress.phase('building image of googleapis');
    vi.advanceTimersByTime(SLOW_MS);
    vi.advanceTimersByTime(1500);
    progress.phase('generating grpc from googleapis: messages');
    progress.done();
    expect(lines).toEqual(['[2.0 s] building image of googleapis…', '[3.5 s] generating grpc from googleapis: messages…', '[3.5 s] done']);
  });

  it('reports from the start on a terminal or with --progress; never with --no-progress or --quiet', () => {
    for (const options of [{ tty: true }, { flag: true }]) {
      const { lines, progress } = run(options);
      progress.phase('writing 1 file(s)');
      progress.done();
      expect(lines).toEqual(['[0.0 s] writing 1 file(s)…', '[0.0 s] done']);
    }
    for (const options of [{ flag: false, tty: true }, { quiet: true, flag: true }]) {
      const { lines, progress } = run(options);
      progress.phase('writing 1 file(s)');
      vi.advanceTimersByTime(SLOW_MS * 2);
      progress.done();
      expect(lines).toEqual([]);
    }
  });
});
