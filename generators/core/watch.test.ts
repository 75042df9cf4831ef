/**
 * The watcher: changes to watched files (also saves that replace the file)
 * are debounced into one run; other files in the directory are ignored; runs never overlap.
 */
import { mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWatcher, describeChanges } from './watch.js';

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
};

describe('createWatcher', () => {
  it('debounces a burst of changes into one run and follows replaced files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-watch-'));
    const api = join(dir, 'api.yaml');
    const other = join(dir, 'notes.txt');
    writeFileSync(api, 'a: 1\n');
    const runs: string[][] = [];
    const w = createWatcher([api], (changed) => void runs.push(changed), { debounceMs: 50 });
    try {
      writeFileSync(other, 'ignored\n');
      for (let i = 0; i < 5; i++) writeFileSync(api, `a: ${i}\n`);
      await until(() => runs.length === 1);
      await w.idle();
      expect(runs).toEqual([[api]]);
      // an editor that saves by writing a temp file and renaming it over the original
      writeFileSync(join(dir, '.api.yaml.swp'), 'a: 9\n');
      renameSync(join(dir, '.api.yaml.swp'), api);
      await until(() => runs.length === 2);
      expect(runs[1]).toEqual([api]);
    } finally {
      w.close();
    }
  });

  it('runs once more after a change during a run, never concurrently', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-watch-'));
    const api = join(dir, 'api.yaml');
    writeFileSync(api, 'a: 1\n');
    let active = 0;
    let maxActive = 0;
    let runs = 0;
    let release: (() => void) | undefined;
    const w = createWatcher(
      [api],
      async () => {
        active++;
        maxActive = Math.max(maxActive, active);
        runs++;
        if (runs === 1) await new Promise<void>((r) => (release = r));
        active--;
      },
      { debounceMs: 20 },
    );
    try {
      writeFileSync(api, 'a: 2\n');
      await until(() => release !== undefined);
      writeFileSync(api, 'a: 3\n');
      await new Promise((r) => setTimeout(r, 100));
      expect(runs).toBe(1);
      release!();
      await until(() => runs === 2);
      await w.idle();
      expect(maxActive).toBe(1);
    } finally {
      w.close();
    }
  });

  it('describes changes briefly', () => {
    expect(describeChanges(['/a/x.yaml'])).toBe('x.yaml');
    expect(describeChanges(['/a/1', '/a/2', '/a/3', '/a/4', '/a/5'])).toBe('1, 2, 3 and 2 more');
  });
});
