import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../contracts/errors.js';
import { writeGeneratedFiles } from './writer.js';

describe('writeGeneratedFiles', () => {
  it('writes, then skips unchanged files, and check mode reports stale ones without writing', () => {
    const out = mkdtempSync(join(tmpdir(), 'ck-out-'));
    const first = writeGeneratedFiles(out, [{ path: 'a/b.ts', content: 'x' }, { path: 'c.ts', content: 'y' }]);
    expect(first.written).toEqual(['a/b.ts', 'c.ts']);
    expect(readFileSync(join(out, 'a/b.ts'), 'utf8')).toBe('x');
    const again = writeGeneratedFiles(out, [{ path: 'a/b.ts', content: 'x' }]);
    expect(again).toEqual({ written: [], unchanged: ['a/b.ts'], stale: [] });
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
});
