/**
 * The generated test skeleton of a saga: fake participants that record their
 * calls, the happy path, and one failure per step up to the pivot expecting
 * the compensations in reverse order. On node:test by default
 * (`<saga>.saga-test.ts`: compiles with @types/node alone, runs on
 * `node --test`), or on vitest (`<saga>.saga.test.ts`).
 */
import type { GeneratedFile } from '../core/registry.js';
import { renderTemplate } from '../core/templates.js';
import { createTsFile } from '../core/ts-file.js';
import { stringLiteral } from '../core/names.js';
import { sagaFileNames } from './emit-module.js';
import type { SagaView } from './saga-view.js';

/** The test runners a skeleton can be written for (the saga target's `test` option; `none` writes none). */
export const SAGA_TEST_RUNNERS = ['node', 'vitest', 'none'] as const;
export type SagaTestRunner = (typeof SAGA_TEST_RUNNERS)[number];

/** Prints the test skeleton for `runner`. */
export function emitSagaTest(v: SagaView, runner: Exclude<SagaTestRunner, 'none'>): GeneratedFile {
  const names = sagaFileNames(v.saga.saga);
  const f = createTsFile(names.test[runner]);
  const node = runner === 'node';
  const mod = `./${names.module.replace(/\.ts$/, '.js')}`;
  const list = (items: string[]) => `[${items.map(stringLiteral).join(', ')}]`;
  const id = (c: { participant: string; method: string }) => `${c.participant}.${c.method}`;
  const forward = v.steps.filter((s) => !s.call.local).map((s) => id(s.call));
  const pivot = v.steps.findIndex((s) => s.step.pivot);
  const last = pivot < 0 ? v.steps.length - 1 : pivot;
  const failures = v.steps.slice(0, last + 1).flatMap((s, i) => {
    if (s.call.local) return [];
    const before = v.steps.slice(0, i);
    const undo = before.reverse().flatMap((b) => (b.compensate && !b.compensate.local ? [id(b.compensate)] : []));
    const title = undo.length ? `compensates ${before.map((b) => b.step.name).join(', ')} in reverse order when ${s.step.name} fails` : `ends compensated with nothing to undo when ${s.step.name} fails`;
    return [{ title, failing: id(s.call), calls: list([...v.steps.slice(0, i + 1).filter((x) => !x.call.local).map((x) => id(x.call)), ...undo]) }];
  });
  const body = renderTemplate('saga', 'test', {
    saga: v.saga.saga,
    node,
    describe: f.importValue('describe', node ? 'node:test' : 'vitest'),
    it: f.importValue('it', node ? 'node:test' : 'vitest'),
    expect: node ? undefined : f.importValue('expect', 'vitest'),
    equal: node ? f.importValue('strictEqual', 'node:assert') : undefined,
    deepEqual: node ? f.importValue('deepStrictEqual', 'node:assert') : undefined,
    memoryStore: f.importValue('createMemorySagaStore', '@contractkit/runtime/saga'),
    runtime: f.importValue('createSagaRuntime', '@contractkit/runtime/saga'),
    nonRetryable: f.importValue('NonRetryableError', '@contractkit/runtime/saga'),
    create: f.importValue(`create${v.base}Saga`, mod),
    participantsType: f.importType(`${v.base}Participants`, mod),
    dataType: f.importType(v.dataType, mod),
    participants: [...v.participants].map(([name, methods]) => ({ name, methods: [...methods.values()].map((c) => ({ name: c.method, label: id(c) })) })),
    forward: list(forward),
    failures,
  });
  f.print(body);
  return f.toGeneratedFile();
}
