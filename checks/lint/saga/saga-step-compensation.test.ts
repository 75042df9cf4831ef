import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../../contracts/finding.js';
import type { ContractModel } from '../../../contracts/model/types.js';
import { positionOf } from '../../../contracts/source/positions.js';
import { lineContaining, loadModel } from '../asyncapi/support/load-model.js';
import { runModelRule } from '../run-model-rule.js';
import { sagaStepCompensation } from './saga-step-compensation.js';
import { withSagaContracts } from '../../../contracts/saga/resolve.js';

const dir = resolve(import.meta.dirname, '../../../test/fixtures/lint/saga');
const file = resolve(dir, 'sagas/compensation.saga.yaml');
const lineOf = (f: Finding) => positionOf(f.file, f.pointer, f.onKey).line;

describe('saga-step-compensation', () => {
  let model: ContractModel;
  beforeAll(async () => {
    model = await loadModel(dir, ['sagas/compensation.saga.yaml', 'sagas/good.saga.yaml']);
  });

  it('reports steps before the pivot without compensate, and a compensate that never runs', () => {
    const findings = runModelRule(sagaStepCompensation, model);
    expect(findings.map((f) => [f.ruleId, f.severity, f.file, f.pointer, f.onKey ?? false])).toEqual([
      ['saga-step-compensation', 'error', file, '/steps/1/name', false],
      ['saga-step-compensation', 'error', file, '/steps/2/name', false],
      ['saga-step-compensation', 'error', file, '/steps/3/compensate', true],
    ]);
    expect(findings[0]!.message).toBe('Step `check-credit` comes before the pivot `remove-draft` but has no `compensate`: if a later step fails, its effect cannot be undone.');
    expect(lineOf(findings[0]!)).toBe(lineContaining(file, 'name: check-credit'));
    expect(findings[2]!.message).toContain('is the pivot, so its `compensate` never runs');
    expect(lineOf(findings[2]!)).toBe(lineContaining(file, 'compensate:', lineContaining(file, 'name: remove-draft')));
  });

  it('accepts a saga whose steps before the pivot all compensate (good.saga.yaml)', () => {
    const good = resolve(dir, 'sagas/good.saga.yaml');
    expect(runModelRule(sagaStepCompensation, model).filter((f) => f.file === good)).toEqual([]);
  });

  it('skips steps listed in allowSteps; with no pivot marked, the last step is the pivot', async () => {
    const findings = runModelRule(sagaStepCompensation, model, { options: { allowSteps: ['look-up-price'] } });
    expect(findings.map((f) => f.pointer)).toEqual(['/steps/1/name', '/steps/3/compensate']);
    const noPivot = await loadModel(resolve(import.meta.dirname, '../../../test/fixtures/saga'), ['no-pivot.saga.yaml']);
    const saga = noPivot.contracts[0]!;
    expect(saga.kind === 'saga' && saga.steps.at(-1)!.pivot).toBe(true);
    expect(runModelRule(sagaStepCompensation, noPivot)).toEqual([]);
  });

  it('needs no compensation for a read-only step: GET, HEAD, OPTIONS or a NO_SIDE_EFFECTS rpc', async () => {
    const readOnly = resolve(dir, 'sagas/read-only.saga.yaml');
    // as the lint runner does: the contracts the saga calls are loaded beside it
    const withRefs = await withSagaContracts(await loadModel(dir, ['sagas/read-only.saga.yaml']), { cwd: dir, rootDir: dir, allowRemoteRefs: false });
    expect(withRefs.sagaReferences.failed).toEqual([]);
    const findings = runModelRule(sagaStepCompensation, withRefs);
    expect(findings.map((f) => [f.file, f.pointer])).toEqual([
      [readOnly, '/steps/4/name'],
      [readOnly, '/steps/5/name'],
    ]);
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('Step `authorize` comes before the pivot'),
      expect.stringContaining('Step `create-order` comes before the pivot'),
    ]);
  });
});
