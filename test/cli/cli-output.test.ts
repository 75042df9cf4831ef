/**
 * The CLI's own output as a shell user meets it: a closed stdout (`| head`)
 * ends the run quietly with its usual exit code, argument errors come first
 * in one line with a "did you mean" and a short usage hint instead of the
 * whole help, and colours appear only on a terminal (or when forced).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageFile } from '../../contracts/source/package-files.js';
import { runCli, runCliClosedStdout } from './run-cli.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'ck-out-'));

describe('a closed stdout', () => {
  it('`rules | head` ends quietly with exit 0', async () => {
    const r = await runCliClosedStdout(['rules'], scratch());
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('`lint --format json | head -c 100` keeps the exit code of the findings, without a stack trace', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'api.yaml'), 'openapi: 3.1.0\ninfo: { title: t, version: "1" }\npaths:\n  /getOrders:\n    get:\n      responses:\n        "200": { description: ok }\n');
    const r = await runCliClosedStdout(['lint', 'api.yaml', '--format', 'json'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
  });

  it('a report of an unusable contract still exits 2', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'api.yaml'), 'openapi: 3.1.0\ninfo: [\n');
    const r = await runCliClosedStdout(['lint', 'api.yaml'], dir);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(2);
  });
});
