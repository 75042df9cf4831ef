/**
 * The orchestrator module of one saga (`<saga>.saga.ts`, regenerated every
 * time): the data type, the participants' interfaces, the shape of the
 * user-owned steps file, the step table and `create<Name>Saga(deps)`.
 */
import type { GeneratedFile } from '../core/registry.js';
import { camelCase, docComment, propertyKey, stringLiteral } from '../core/names.js';
import { createTsFile } from '../core/ts-file.js';
import type { CallView, SagaView } from './saga-view.js';
import { isReadOnlyCall } from '../../contracts/saga/references.js';

const RUNTIME = '@contractkit/runtime/saga';

/**
 * File names of a saga's outputs, from its id. The test skeleton's name depends
 * on its runner: `*.saga.test.ts` is what vitest (and jest) collect;
 * the node:test one is `*.saga-test.ts`, which `node --test` finds once compiled
 * (`*-test.js`) and which vitest and jest leave alone.
 */
export function sagaFileNames(saga: string) {
  return { module: `${saga}.saga.ts`, steps: `${saga}.steps.ts`, diagram: `${saga}.mmd`, test: { node: `${saga}.saga-test.ts`, vitest: `${saga}.saga.test.ts` } };
}

/** The name of the steps object in the user-owned file. */
export const stepsConst = (saga: string) => `${camelCase(saga)}Steps`;

/** Prints the orchestrator module. */
export function emitSagaModule(v: SagaView): GeneratedFile {
  const names = sagaFileNames(v.saga.saga);
  const f = createTsFile(names.module);
  const defineSaga = f.importValue('defineSaga', RUNTIME);
  const SagaDefinition = f.importType('SagaDefinition', RUNTIME);
  const Ctx = f.importType('SagaStepContext', RUNTIME);
  const userSteps = f.importValue(stepsConst(v.saga.saga), `./${names.steps.replace(/\.ts$/, '.js')}`);
  const D = v.dataType;
  const P = `${v.base}Participants`;
  const S = `${v.base}Steps`;

  f.print(docComment([`The state of the ${v.saga.saga} saga (its \`data\` schema).`, v.saga.description]), v.declarations, '\n');

  // participants: one group per contract, one method per operation the saga calls
  f.print(docComment([`The services the ${v.saga.saga} saga calls, one method per operation it uses.`, 'Each call gets the step context: send `ctx.idempotencyKey` as the `Idempotency-Key` header (REST), `idempotency-key` metadata (gRPC) or the eventId (events), and honor `ctx.signal`.', 'Throw `NonRetryableError` (or let the HTTP/gRPC errors through: 4xx, INVALID_ARGUMENT and FAILED_PRECONDITION count as final) when retrying cannot help.']));
  f.print(`export interface ${P} {\n`);
  for (const [participant, methods] of v.participants) {
    f.print(`  ${propertyKey(participant)}: {\n`);
    for (const [method, c] of methods) f.print(docComment([c.label], '    '), `    ${propertyKey(method)}(request: ${c.request}, ctx: ${Ctx}): Promise<${c.response}>;\n`);
    f.print('  };\n');
  }
  f.print('}\n\n');

  // the steps file's shape: mappers between the saga data and each call
  f.print(docComment([`What you write in ${names.steps}: for each step, the request it sends and how the response changes the data; for each compensation, its request.`]));
  f.print(`export interface ${S} {\n`);
  for (const s of v.steps) {
    f.print(docComment([`${s.step.name}: ${s.call.label}${s.step.pivot ? ' (the pivot)' : ''}`], '  '), `  ${propertyKey(s.step.name)}: {\n`);
    if (s.call.local) f.print(`    run(data: ${D}, ctx: ${Ctx}): Promise<${D}>;\n`);
    else f.print(`    request(data: ${D}): ${s.call.request};\n`, `    apply(data: ${D}, response: ${s.call.response}): ${D};\n`);
    if (s.compensate) {
      f.print(docComment([`undo: ${s.compensate.label}`], '    '));
      f.print(s.compensate.local ? `    compensate: { run(data: ${D}, ctx: ${Ctx}): Promise<${D}> };\n` : `    compensate: { request(data: ${D}): ${s.compensate.request} };\n`);
    }
    f.print('  };\n');
  }
  f.print('}\n\n');

  // the step table, as data
  const table = f.declare(`${camelCase(v.saga.saga)}StepTable`);
  f.print(docComment([`The steps of ${v.saga.saga} v${v.saga.version} in order, as the saga definition declares them.`]));
  f.print(`export const ${table} = [\n`);
  for (const s of v.steps) {
    const parts = [`name: ${stringLiteral(s.step.name)}`, `operation: ${stringLiteral(s.call.label)}`];
    if (s.compensate) parts.push(`compensation: ${stringLiteral(s.compensate.label)}`);
    parts.push(`pivot: ${s.step.pivot}`);
    // a step that changes nothing needs no compensation; the runtime accepts it before the pivot
    if (!s.compensate && s.call.source && isReadOnlyCall(s.call.source.contract, s.call.source.call)) parts.push('readOnly: true');
    if (s.step.timeoutMs !== undefined) parts.push(`timeoutMs: ${s.step.timeoutMs}`);
    if (s.step.retry) parts.push(`retry: { attempts: ${s.step.retry.attempts === 'unlimited' ? "'unlimited'" : s.step.retry.attempts}, delayMs: ${s.step.retry.delayMs}${s.step.retry.maxDelayMs !== undefined ? `, maxDelayMs: ${s.step.retry.maxDelayMs}` : ''} }`);
    f.print(`  { ${parts.join(', ')} },\n`);
  }
  f.print('] as const;\n\n');

  const invoke = (c: CallView, mapper: string, kind: 'do' | 'undo') => {
    if (c.local) return `(data, ctx) => ${mapper}.run(data, ctx)`;
    const target = `deps.${propertyKey(c.participant)}.${c.method}`;
    if (kind === 'undo') return `async (data, ctx) => {\n        await ${target}(${mapper}.request(data), ctx);\n      }`;
    return `async (data, ctx) => ${mapper}.apply(data, await ${target}(${mapper}.request(data), ctx))`;
  };
  const create = f.declare(`create${v.base}Saga`);
  f.print(docComment([`The ${v.saga.saga} saga (v${v.saga.version}) wired to its participants; run it with \`createSagaRuntime({ store, sagas: [${create}(deps)] })\`.`, '@param steps the request/response mappers (default: the ones in ' + names.steps + ')']));
  f.print(`export function ${create}(deps: ${P}, steps: ${S} = ${userSteps}): ${SagaDefinition}<${D}> {\n`);
  f.print(`  return ${defineSaga}<${D}>({\n`, `    name: ${stringLiteral(v.saga.saga)},\n`, `    version: ${v.saga.version},\n`);
  if (v.saga.timeoutMs !== undefined) f.print(`    timeoutMs: ${v.saga.timeoutMs},\n`);
  f.print('    steps: [\n');
  v.steps.forEach((s, i) => {
    const mapper = `steps[${stringLiteral(s.step.name)}]`;
    f.print('      {\n', `        ...${table}[${i}],\n`, `        invoke: ${invoke(s.call, mapper, 'do')},\n`);
    if (s.compensate) f.print(`        compensate: ${invoke(s.compensate, `${mapper}.compensate`, 'undo')},\n`);
    f.print('      },\n');
  });
  f.print('    ],\n  });\n}\n');
  return f.toGeneratedFile();
}
