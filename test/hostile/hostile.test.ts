/**
 * Runs every command (lint, breaking, generate with the target of the case's
 * kind) through the built CLI on every case of the hostile corpus, asserting:
 * no internal error, unusable input exits 2 with a located finding and writes
 * nothing, nothing is ever written outside the project, and generated code
 * type-checks under strict.
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../cli/run-cli.js';
import { typecheck } from '../generators/saga/typecheck.js';
import { CASES, type Command, type HostileCase } from './cases.js';
import { listTree, sandbox, writtenOutside, type Sandbox } from './sandbox.js';

const TARGET = { openapi: 'rest-client', asyncapi: 'events', saga: 'saga' } as const;

/** The commands run on a case: [label, args]. */
function commands(c: HostileCase): [Command, string[]][] {
  if (c.runs) return c.runs;
  if (c.kind === 'config') return [['lint', ['lint']], ['breaking', ['breaking', '--against', '.']], ['generate', ['generate']]];
  const f = c.contract!;
  return [
    ['lint', ['lint', f]],
    ['breaking', ['breaking', f, '--against', `prev/${f}`]],
    ['generate', ['generate', TARGET[c.kind], f, '--out', 'gen', '--no-cache']],
  ];
}

const boxes: Sandbox[] = [];
afterAll(() => {
  for (const b of boxes) rmSync(b.root, { recursive: true, force: true });
});

describe.each(CASES)('hostile corpus: $class / $id', (c) => {
  const box = sandbox(c.files);
  boxes.push(box);
  // the previous version for `breaking`: the same files
  if (c.kind !== 'config') for (const name of Object.keys(c.files)) cpSync(join(box.proj, name), join(box.proj, 'prev', name));

  it.each(commands(c))('%s', (label, args) => {
    const atRoot = (t: string) => t.replaceAll('@ROOT@', box.root);
    const env = Object.fromEntries(Object.entries(c.env ?? {}).map(([k, v]) => [k, atRoot(v)]));
    const r: CliResult = runCli(args.map(atRoot), box.proj, env);
    const report = r.stdout + r.stderr;
    expect(report).not.toMatch(/internal error/);
    // nothing of a system file is echoed (the first line of /etc/passwd, any line of it)
    expect(report).not.toMatch(/root:x:0:0|\/bin\/(ba)?sh$|nologin/m);
    expect(writtenOutside(box)).toEqual([]);
    const outcome = typeof c.expect === 'string' ? c.expect : (c.expect[label] ?? 'works');
    if (outcome === 'usage') {
      expect(r.code, report).toBe(2);
      expect(report).toMatch(c.at!);
      expect(existsSync(join(box.proj, c.genDir ?? 'gen'))).toBe(false);
      expect(listTree(box.proj).filter((p) => p.endsWith('.tmp'))).toEqual([]);
    } else {
      expect([0, 1], report).toContain(r.code);
      if (args[0] === 'generate') {
        expect(r.code, report).toBe(0);
        const gen = join(box.proj, c.genDir ?? 'gen');
        const files = listTree(gen).filter((p) => p.endsWith('.ts'));
        expect(files.length).toBeGreaterThan(0);
        expect(listTree(gen).filter((p) => p.endsWith('.tmp'))).toEqual([]);
        expect(typecheck(files.map((p) => join(gen, p)))).toBe('');
      }
    }
  });
});
