/**
 * Runs every command (lint, breaking, generate with the target of the case's
 * kind) on every case of the hostile corpus, asserting: no internal error,
 * unusable input exits 2 with a located finding and writes nothing, nothing
 * is ever written outside the project, and generated code type-checks under
 * strict.
 *
 * The commands run in-process (`runInProcess`: the CLI's `main`, its output
 * and exit code captured), a run costing what the command costs rather than a
 * node start-up. A child process is kept where one is needed: the alias bombs
 * run `lint` in a child with a small heap (`--max-old-space-size`), so a blow-up
 * is a failure and not just a slow run, and a few cases run through the built
 * CLI to show the two runners agree (exit code and report). Generated outputs
 * are type-checked by one `tsc` over all cases at the end (each output is its
 * own set of modules; a diagnostic names the case it came from).
 */
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, type CliResult } from '../cli/run-cli.js';
import { runInProcess } from '../cli/run-in-process.js';
import { typecheck } from '../generators/saga/typecheck.js';
import { CASES, type Command, type HostileCase } from './cases.js';
import { listTree, sandbox, writtenOutside, type Sandbox } from './sandbox.js';

const TARGET = { openapi: 'rest-client', asyncapi: 'events', saga: 'saga' } as const;

/** The heap of the child that runs an alias bomb: a few times what a run needs, far below what an expansion takes (3.6 GB). */
const BOMB_HEAP = '--max-old-space-size=384';

/** Cases also run through the built CLI in a child, whose exit code and report must be the in-process run's. */
const REAL_PROCESS = new Set(['config-out-parent', 'openapi-modest-aliases', 'rest-client-no-operations', 'openapi-ref-chain-3000']);

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

/** What a command must do on a case. */
function outcomeOf(c: HostileCase, label: Command) {
  return typeof c.expect === 'string' ? c.expect : (c.expect[label] ?? 'works');
}

const boxes: Sandbox[] = [];
/** Generated TypeScript of the runs that generated, by case, type-checked together at the end. */
const generated: { id: string; gen: string; files: string[] }[] = [];
afterAll(() => {
  for (const b of boxes) rmSync(b.root, { recursive: true, force: true });
});

/** The assertions every run of every case makes, whichever runner ran it. */
function checkRun(c: HostileCase, box: Sandbox, label: Command, args: string[], r: CliResult): void {
  const report = r.stdout + r.stderr;
  expect(report).not.toMatch(/internal error/);
  // nothing of a system file is echoed (the first line of /etc/passwd, any line of it)
  expect(report).not.toMatch(/root:x:0:0|\/bin\/(ba)?sh$|nologin/m);
  expect(writtenOutside(box)).toEqual([]);
  if (outcomeOf(c, label) === 'usage') {
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
      generated.push({ id: c.id, gen, files: files.map((p) => join(gen, p)) });
    }
  }
}

describe.each(CASES)('hostile corpus: $class / $id', (c) => {
  const box = sandbox(c.files);
  boxes.push(box);
  // the previous version for `breaking`: the same files
  if (c.kind !== 'config') for (const name of Object.keys(c.files)) cpSync(join(box.proj, name), join(box.proj, 'prev', name));
  const atRoot = (t: string) => t.replaceAll('@ROOT@', box.root);
  const env = Object.fromEntries(Object.entries(c.env ?? {}).map(([k, v]) => [k, atRoot(v)]));

  it.each(commands(c))('%s', async (label, args) => {
    checkRun(c, box, label, args, await runInProcess(args.map(atRoot), box.proj, env));
  });

  if (c.class === 'alias-bomb') {
    const [label, args] = commands(c)[0]!;
    it(`${label} in a child with a bounded heap (${BOMB_HEAP})`, () => {
      rmSync(join(box.proj, c.genDir ?? 'gen'), { recursive: true, force: true });
      checkRun(c, box, label, args, runCli(args.map(atRoot), box.proj, env, [BOMB_HEAP]));
    });
  }

  if (REAL_PROCESS.has(c.id)) {
    it('the built CLI in a child exits and reports as the in-process run does', async () => {
      for (const [label, args] of commands(c)) {
        rmSync(join(box.proj, c.genDir ?? 'gen'), { recursive: true, force: true });
        const child = runCli(args.map(atRoot), box.proj, env);
        rmSync(join(box.proj, c.genDir ?? 'gen'), { recursive: true, force: true });
        const inProcess = await runInProcess(args.map(atRoot), box.proj, env);
        expect({ label, code: child.code, stdout: child.stdout }).toEqual({ label, code: inProcess.code, stdout: inProcess.stdout });
        checkRun(c, box, label, args, child);
      }
    });
  }
});

it('the generated code of every case that generates type-checks under strict (one tsc over all of them)', () => {
  // a filtered run (-t) may have generated nothing
  if (generated.length === 0) return;
  const diagnostics = typecheck(generated.flatMap((g) => g.files));
  // each diagnostic starts with the path of its file: name the case instead of the sandbox
  const byCase = diagnostics
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const owner = generated.find((g) => line.includes(g.gen));
      return owner ? `${owner.id}: ${line.replace(owner.gen, relative(owner.gen, owner.gen) || 'gen')}` : line;
    });
  expect(byCase).toEqual([]);
});
