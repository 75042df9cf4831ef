/**
 * The `saga` generator: for each saga definition, a typed orchestrator module
 * (regenerated), a user-owned steps file (created once, then merged with
 * ts-morph), a Mermaid diagram and a test skeleton (`options.test`: `node`,
 * the default, `vitest` or `none`). The contracts the
 * steps call are loaded here, so the output is typed from them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { withSagaContracts } from '../../checks/lint/saga/with-saga-contracts.js';
import { UsageError } from '../../contracts/errors.js';
import { contractNameOf } from '../../checks/lint/saga/support/references.js';
import { contractsOfKind, type Contract, type ContractModel } from '../../contracts/model/types.js';
import { sagaToMermaid } from '../diagram/saga-mermaid.js';
import { defineGenerator, type GeneratedFile, type GeneratorContext } from '../core/registry.js';
import { emitSagaModule, sagaFileNames } from './emit-module.js';
import { clientSources, embeddedClientFiles } from './clients.js';
import { emitParticipants } from './emit-participants.js';
import { emitSagaTest, SAGA_TEST_RUNNERS } from './emit-test.js';
import { pickOption } from '../core/options.js';
import { buildSagaView } from './saga-view.js';
import { initialStepsFile, mergeStepsFile } from './steps-file.js';

/** Notes for the user (new stubs, removed steps), written to stderr unless `ctx.options.notes` collects them. */
function note(ctx: GeneratorContext, text: string) {
  const sink = ctx.options.notes;
  if (Array.isArray(sink)) sink.push(text);
  else process.stderr.write(`saga: ${text}\n`);
}

/** Without the caller's load options: the nearest folder upward holding `.git` (where `$ref`s may reach), else `from`. */
function repositoryRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return from;
  }
}

/** Generates the files of every saga in `model`. */
export async function generateSagas(model: ContractModel, ctx: GeneratorContext): Promise<GeneratedFile[]> {
  const sagas = contractsOfKind(model, 'saga');
  if (sagas.length === 0) throw new UsageError('The saga generator needs saga definitions (*.saga.yaml).');
  const runner = pickOption('saga', ctx.options, 'test', SAGA_TEST_RUNNERS, 'node');
  // loaded as the CLI loaded the saga (its root is the git top level or the project folder), so generate accepts what lint does
  const load = ctx.load ?? { cwd: process.cwd(), rootDir: repositoryRoot(dirname(sagas[0]!.file)), allowRemoteRefs: false };
  const withRefs = await withSagaContracts(model, load);
  const files: GeneratedFile[] = [];
  const findings = [...withRefs.sagaReferences.failed.flatMap((f) => f.findings)];
  for (const saga of sagas) {
    const { view, findings: problems } = buildSagaView(saga, withRefs);
    findings.push(...problems);
    if (!view) continue;
    const names = sagaFileNames(saga.saga);
    files.push(emitSagaModule(view));
    // the participants wired to the generated clients: configured outputs, or clients generated here
    const called = new Map<string, Contract>();
    for (const s of view.steps) for (const c of [s.call, s.compensate]) if (c?.source) called.set(contractNameOf(c.source.call)!, c.source.contract);
    const { sources, findings: sourceProblems } = clientSources(saga, called, ctx);
    findings.push(...sourceProblems);
    const wiring = emitParticipants(view, sources);
    findings.push(...wiring.findings);
    if (wiring.file) files.push(wiring.file);
    if (!findings.some((f) => f.severity === 'error')) files.push(...(await embeddedClientFiles(sources.values(), ctx)));
    const stepsPath = join(ctx.out, names.steps);
    if (existsSync(stepsPath)) {
      const merged = mergeStepsFile(view, readFileSync(stepsPath, 'utf8'));
      if (merged.problem) note(ctx, `${names.steps}: ${merged.problem}`);
      if (merged.added.length) note(ctx, `${names.steps}: added stubs for ${merged.added.join(', ')} (they throw "not implemented" until you fill them in)`);
      for (const r of merged.removed) note(ctx, `${names.steps}: step ${r} is no longer in the saga; its code was left for you to delete`);
      files.push({ path: names.steps, content: merged.content });
    } else {
      files.push({ path: names.steps, content: initialStepsFile(view) });
    }
    files.push({ path: names.diagram, content: `%% saga ${saga.saga} v${saga.version}\n${sagaToMermaid(saga)}` });
    if (runner !== 'none') files.push(emitSagaTest(view, runner));
    // before the `test` option the skeleton was always vitest's; left alone, it would go stale without a word
    if (runner !== 'vitest' && existsSync(join(ctx.out, names.test.vitest))) {
      note(ctx, `${names.test.vitest} is no longer regenerated: the test skeleton is ${runner === 'node' ? `${names.test.node} (node:test)` : 'off'}; delete it, or set \`options: { test: vitest }\` on the saga target to keep a vitest one`);
    }
  }
  if (findings.some((f) => f.severity === 'error')) {
    throw new UsageError('The saga cannot be generated: fix the references below; nothing was written.', findings);
  }
  return files;
}

/** The registered `saga` generator. */
export const sagaGenerator = defineGenerator({ name: 'saga', generate: generateSagas });
