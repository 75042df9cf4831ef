import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../contracts/errors.js';
import { manifestPath, readManifest, writeGeneratedFiles } from './writer.js';

describe('writeGeneratedFiles', () => {
  it('writes, then skips unchanged files, and check mode reports stale ones without writing', () => {
    const out = mkdtempSync(join(tmpdir(), 'ck-out-'));
    const first = writeGeneratedFiles(out, [{ path: 'a/b.ts', content: 'x' }, { path: 'c.ts', content: 'y' }]);
    expect(first.written).toEqual(['a/b.ts', 'c.ts']);
    expect(readFileSync(join(out, 'a/b.ts'), 'utf8')).toBe('x');
    const again = writeGeneratedFiles(out, [{ path: 'a/b.ts', content: 'x' }]);
    expect(again).toEqual({ written: [], unchanged: ['a/b.ts'], stale: [], orphans: [] });
    const check = writeGeneratedFiles(out, [{ path: 'a/b.ts', content: 'changed' }, { path: 'new.ts', content: 'n' }], { check: true });
    expect(check.stale).toEqual(['a/b.ts', 'new.ts']);
    expect(readFileSync(join(out, 'a/b.ts'), 'utf8')).toBe('x');
    expect(existsSync(join(out, 'new.ts'))).toBe(false);
    expect(readdirSync(join(out, 'a'))).toEqual(['b.ts']); // no temp files left behind
  });

  it('refuses paths that leave the output directory and writes nothing', () => {
    const out = mkdtempSync(join(tmpdir(), 'ck-out-'));
    expect(() => writeGeneratedFiles(out, [{ path: 'ok.ts', content: '' }, { path: '../evil.ts', content: '' }])).toThrow(UsageError);
    expect(() => writeGeneratedFiles(out, [{ path: '/etc/evil', content: '' }])).toThrow(UsageError);
    expect(existsSync(join(out, 'ok.ts'))).toBe(false);
  });

  it('keeps a manifest per target; a file it no longer generates is an orphan: reported by check, deleted on write', () => {
    const out = mkdtempSync(join(tmpdir(), 'ck-out-'));
    writeFileSync(join(out, 'mine.md'), 'the user\'s'); // in the output folder, never listed: never touched
    const first = writeGeneratedFiles(out, [{ path: 'a.ts', content: 'a' }, { path: 'old/b.ts', content: 'b' }, { path: 'steps.ts', content: 's', userOwned: true }], { target: 'grpc' });
    expect(first.written).toEqual(['a.ts', 'old/b.ts', 'steps.ts', manifestPath('grpc')]);
    // user-owned files are left out: a renamed saga never deletes the user's steps file
    expect(readManifest(out, 'grpc')).toEqual(['a.ts', 'old/b.ts']);
    expect(readFileSync(join(out, '.contractkit/grpc.files'), 'utf8')).toMatch(/^# The files `contractkit generate` wrote for the grpc target/);

    const next = [{ path: 'a.ts', content: 'a' }];
    const check = writeGeneratedFiles(out, next, { target: 'grpc', check: true });
    expect(check.orphans).toEqual(['old/b.ts']);
    expect(check.stale).toEqual([manifestPath('grpc')]);
    expect(existsSync(join(out, 'old/b.ts'))).toBe(true);

    const write = writeGeneratedFiles(out, next, { target: 'grpc' });
    expect(write.orphans).toEqual(['old/b.ts']);
    expect(existsSync(join(out, 'old'))).toBe(false); // the folder the deletion emptied goes too
    expect(readFileSync(join(out, 'mine.md'), 'utf8')).toBe('the user\'s');
    expect(readFileSync(join(out, 'steps.ts'), 'utf8')).toBe('s');
    expect(writeGeneratedFiles(out, next, { target: 'grpc', check: true })).toMatchObject({ stale: [], orphans: [] });
  });

  it('never deletes outside the output folder, whatever a hand-edited manifest lists', () => {
    const parent = mkdtempSync(join(tmpdir(), 'ck-out-'));
    const out = join(parent, 'gen');
    writeFileSync(join(parent, 'outside.ts'), 'x');
    writeGeneratedFiles(out, [{ path: 'events.ts', content: 'e' }], { target: 'events' });
    mkdirSync(join(out, '.contractkit'), { recursive: true });
    writeFileSync(join(out, manifestPath('saga')), '../outside.ts\nevents.ts\n/etc/passwd\n');
    const r = writeGeneratedFiles(out, [], { target: 'saga' });
    // only the listed path inside the folder is an orphan (the hand-edit listed the events target's file)
    expect(r.orphans).toEqual(['events.ts']);
    expect(existsSync(join(parent, 'outside.ts'))).toBe(true);
    expect(readManifest(out, 'events')).toEqual(['events.ts']);
  });
});
