import { existsSync } from 'node:fs';
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { bufBinary, parseBufJsonLines, runBuf } from './buf.js';

describe('bufBinary and runBuf', () => {
  it('resolves the buf binary shipped by @bufbuild/buf and runs it', async () => {
    const bin = bufBinary();
    expect(existsSync(bin.args[0] ?? bin.command)).toBe(true);
    const run = await runBuf(['--version'], { cwd: os.tmpdir() });
    expect(run.exitCode).toBe(0);
    expect(Buffer.from(run.stdout).toString('utf8').trim()).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.commandLine).toBe('buf --version');
  });

  it('returns a failed run instead of rejecting when buf exits non-zero', async () => {
    const run = await runBuf(['build', 'no-such-dir-for-contractkit', '-o', '-'], { cwd: os.tmpdir() });
    expect(run.exitCode).not.toBe(0);
    expect(run.error).toBeUndefined();
    expect(run.stderr).toContain('no-such-dir-for-contractkit');
  });
});

describe('parseBufJsonLines', () => {
  it('parses annotations and keeps other lines apart', () => {
    const text = [
      '{"path":"a/b.proto","start_line":3,"start_column":13,"end_line":3,"end_column":16,"type":"COMPILE","message":"cannot find `Foo` in this scope"}',
      '{"path":"a/b.proto","start_line":1,"start_column":1,"end_line":1,"end_column":9,"type":"PACKAGE_DEFINED","message":"Files must have a package defined."}',
      'Failure: something else',
      '',
    ].join('\n');
    expect(parseBufJsonLines(text)).toEqual({
      issues: [
        { path: 'a/b.proto', startLine: 3, startColumn: 13, endLine: 3, endColumn: 16, type: 'COMPILE', message: 'cannot find `Foo` in this scope' },
        { path: 'a/b.proto', startLine: 1, startColumn: 1, endLine: 1, endColumn: 9, type: 'PACKAGE_DEFINED', message: 'Files must have a package defined.' },
      ],
      other: ['Failure: something else'],
    });
  });

  it('treats malformed JSON as another line', () => {
    expect(parseBufJsonLines('{not json')).toEqual({ issues: [], other: ['{not json'] });
  });
});
