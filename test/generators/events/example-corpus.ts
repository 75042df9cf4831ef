/**
 * Runs `generate events` over a folder of AsyncAPI documents (AsyncAPI's own
 * published examples, or the fixtures copied from them) and records, per
 * document, whether it generated and type-checked under strict, or was
 * refused with findings. Anything else (a throw without findings, generated
 * code that does not compile) is an outcome the tests reject.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { loadAsyncApi } from '../../../contracts/asyncapi/load.js';
import { UsageError } from '../../../contracts/errors.js';
import type { Finding } from '../../../contracts/finding.js';
import { writeGeneratedFiles } from '../../../generators/core/writer.js';
import { eventsGenerator } from '../../../generators/events/index.js';
import { tempProject, typeCheck } from './helpers.js';

/** What happened to one document. */
export type ExampleOutcome =
  | { file: string; result: 'generated'; typeErrors: string }
  | { file: string; result: 'refused'; findings: Finding[] }
  | { file: string; result: 'crashed'; error: string };

/** AsyncAPI documents under `root` (files whose top level has `asyncapi:`), sorted, relative to root. */
export function asyncApiDocuments(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name) && /^asyncapi:\s*['"]?3\./m.test(readFileSync(path, 'utf8'))) found.push(relative(root, path));
    }
  };
  walk(root);
  return found;
}

/**
 * The examples folder of an AsyncAPI spec snapshot: `repo` is a checkout
 * (holding `examples/`) or a git directory (bare, as the fetch tool leaves it),
 * whose `ref` (default HEAD) is extracted to a temp dir.
 */
export function specExamples(repo: string, ref = 'HEAD'): string {
  if (existsSync(join(repo, 'examples'))) return join(repo, 'examples');
  const dir = mkdtempSync(join(tmpdir(), 'ck-asyncapi-spec-'));
  const tar = execFileSync('git', ['-C', repo, 'archive', ref, 'examples'], { maxBuffer: 64 << 20 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  return join(dir, 'examples');
}

/** Generates every document (refs resolved inside `root`), then type-checks all generated output in one tsc run. */
export async function runExamples(root: string, files: string[]): Promise<ExampleOutcome[]> {
  const project = tempProject('ck-asyncapi-examples-');
  const outcomes: ExampleOutcome[] = [];
  const outs = new Map<string, string>();
  for (const [i, file] of files.entries()) {
    const loaded = await loadAsyncApi({ name: `example-${i}`, kind: 'asyncapi', path: join(root, file) }, { cwd: root, rootDir: root, allowRemoteRefs: false });
    if (!loaded.contract) {
      outcomes.push(loaded.findings.length ? { file, result: 'refused', findings: loaded.findings } : { file, result: 'crashed', error: 'the loader returned neither a contract nor findings' });
      continue;
    }
    const out = join(project, `gen-${i}`);
    try {
      const generated = await eventsGenerator.generate({ contracts: [loaded.contract] }, { out, options: {} });
      mkdirSync(out, { recursive: true });
      writeGeneratedFiles(out, generated);
      outs.set(file, out);
      outcomes.push({ file, result: 'generated', typeErrors: '' });
    } catch (err) {
      if (err instanceof UsageError && err.findings.length) outcomes.push({ file, result: 'refused', findings: err.findings });
      else outcomes.push({ file, result: 'crashed', error: (err as Error).stack ?? String(err) });
    }
  }
  if (outs.size) {
    const errors = typeCheck(project, [...outs.values()].map((o) => join(o, 'index.ts')));
    for (const o of outcomes) {
      if (o.result !== 'generated') continue;
      const prefix = `/${relative(project, outs.get(o.file)!)}/`; // '/gen-1/' must not match '/gen-11/'
      o.typeErrors = errors
        .split('\n')
        .filter((l) => l.includes(prefix))
        .join('\n');
    }
    // an error tsc attributes to no generated dir (a runtime file) fails every document
    if (errors && outcomes.every((o) => o.result !== 'generated' || !o.typeErrors)) for (const o of outcomes) if (o.result === 'generated') o.typeErrors = errors;
  }
  return outcomes;
}

/** One line per document: `generated  file` / `refused    file: first finding`. */
export function summarize(outcomes: ExampleOutcome[]): string {
  return outcomes
    .map((o) => {
      if (o.result === 'generated') return `${o.typeErrors ? 'TYPE ERRORS' : 'generated'}  ${o.file}`;
      if (o.result === 'refused') return `refused    ${o.file}: ${o.findings[0]!.ruleId}: ${o.findings[0]!.message}`;
      return `CRASHED    ${o.file}: ${o.error.split('\n')[0]}`;
    })
    .join('\n');
}
