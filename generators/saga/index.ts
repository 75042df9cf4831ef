/**
 * The `saga` generator: for each saga definition, a typed orchestrator module
 * (regenerated), a user-owned steps file (created once, then merged with
 * ts-morph), a Mermaid diagram and a test skeleton (`options.test`: `node`,
 * the default, `vitest` or `none`). The steps' references were resolved when
 * the contracts were loaded (`loadContracts`), so the output is typed from
 * the contracts they call; the clients come from the other targets' outputs
 * (`ctx.outputs`) or are generated here through `ctx.generate`.
 */
import { UsageError } from '../../contracts/errors.js';
import { contractNameOf } from '../../contracts/saga/references.js';
import { contractsOfKind, type Contract, type ContractModel } from '../../contracts/model/types.js';
import { sagaToMermaid } from '../diagram/saga-mermaid.js';
import { defineGenerator, type GeneratedFile, type GeneratorContext } from '../core/registry.js';
import type { OptionsSchema } from '../core/options-schema.js';
import { emitSagaModule, sagaFileNames } from './emit-module.js';
import { CLIENT_MODES, clientSources, embeddedClientFiles } from './clients.js';
import { emitParticipants } from './emit-participants.js';
import { emitSagaTest, SAGA_TEST_RUNNERS } from './emit-test.js';
import { pickOption } from '../core/options.js';
import { buildSagaView } from './saga-view.js';
import { initialStepsFile, mergeStepsFile } from './steps-file.js';

/** JSON Schema of the options, validated before the generator runs. */
export const SAGA_OPTIONS_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    test: { enum: [...SAGA_TEST_RUNNERS], description: 'The test skeleton: `node` (node:test, the default), `vitest` or `none`.' },
    clients: { enum: [...CLIENT_MODES], description: '`config`: import the configured clients; `embedded`: generate them into `clients/`; `auto` (default): config when one lists the saga.' },
    config: { type: 'string', minLength: 1, description: 'The contractkit.yaml that lists the saga (read by the CLI; default: found from the saga file upward).' },
  },
} as const satisfies OptionsSchema;

/** Generates the files of every saga in `model` (its references resolved by `loadContracts`). */
export async function generateSagas(model: ContractModel, ctx: GeneratorContext): Promise<GeneratedFile[]> {
  const sagas = contractsOfKind(model, 'saga');
  if (sagas.length === 0) throw new UsageError('The saga generator needs saga definitions (*.saga.yaml).');
  const runner = pickOption('saga', ctx.options, 'test', SAGA_TEST_RUNNERS, 'node');
  const files: GeneratedFile[] = [];
  const findings = [...(model.sagaReferences?.failed ?? []).flatMap((f) => f.findings)];
  for (const saga of sagas) {
    const { view, findings: problems } = buildSagaView(saga, model);
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
    const existingSteps = ctx.readExisting(names.steps);
    if (existingSteps !== undefined) {
      const merged = mergeStepsFile(view, existingSteps);
      if (merged.problem) ctx.note(`${names.steps}: ${merged.problem}`);
      if (merged.added.length) ctx.note(`${names.steps}: added stubs for ${merged.added.join(', ')} (they throw "not implemented" until you fill them in)`);
      for (const r of merged.removed) ctx.note(`${names.steps}: step ${r} is no longer in the saga; its code was left for you to delete`);
      files.push({ path: names.steps, content: merged.content, userOwned: true });
    } else {
      files.push({ path: names.steps, content: initialStepsFile(view), userOwned: true });
    }
    files.push({ path: names.diagram, content: `%% saga ${saga.saga} v${saga.version}\n${sagaToMermaid(saga)}` });
    if (runner !== 'none') files.push(emitSagaTest(view, runner));
    // before the `test` option the skeleton was always vitest's; left alone, it would go stale without a word
    if (runner !== 'vitest' && ctx.readExisting(names.test.vitest) !== undefined) {
      ctx.note(`${names.test.vitest} is no longer regenerated: the test skeleton is ${runner === 'node' ? `${names.test.node} (node:test)` : 'off'}; delete it, or set \`options: { test: vitest }\` on the saga target to keep a vitest one`);
    }
  }
  if (findings.some((f) => f.severity === 'error')) {
    throw new UsageError('The saga cannot be generated: fix the references below; nothing was written.', findings);
  }
  return files;
}

/** The registered `saga` generator. */
export const sagaGenerator = defineGenerator({ name: 'saga', optionsSchema: SAGA_OPTIONS_SCHEMA, generate: generateSagas });
