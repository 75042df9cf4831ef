import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ContractModel } from '../../../contracts/model/types.js';
import { positionOf } from '../../../contracts/source/positions.js';
import { lineContaining, loadModel } from '../asyncapi/support/load-model.js';
import { runModelRule } from '../run-model-rule.js';
import { asyncCompletionDetectable } from './async-completion-detectable.js';

const dir = resolve(import.meta.dirname, '../../../test/fixtures/lint/openapi');
const file = resolve(dir, 'async-completion.yaml');

describe('async-completion-detectable', () => {
  let model: ContractModel;
  beforeAll(async () => {
    model = await loadModel(dir, ['async-completion.yaml']);
  });

  it('flags a 202 whose completion the contract gives no way to detect, at its 202 key', () => {
    const findings = runModelRule(asyncCompletionDetectable, model);
    expect(findings.map((f) => [f.ruleId, f.severity, f.file, f.pointer, f.onKey ?? false])).toEqual([
      ['async-completion-detectable', 'warning', file, '/paths/~1v1~1rebuilds/post/responses/202', true],
      ['async-completion-detectable', 'warning', file, '/paths/~1v1~1scans/post/responses/202', true],
      ['async-completion-detectable', 'warning', file, '/paths/~1v1~1moves/post/responses/202', true],
      ['async-completion-detectable', 'warning', file, '/paths/~1v1~1copies/post/responses/202/x-contractkit-completion', true],
    ]);
    expect(findings[0]!.message).toBe(
      'POST /v1/rebuilds answers 202 but its completion cannot be detected: no status operation is linked from the 202 response (`links`) or found one path parameter below it, and the 202 body has no `status`, `state` or `phase` field.',
    );
    expect(findings[1]!.message).toContain('its `status` enum ("queued", "scanning", "clean", "infected") has no value that reads as done');
    expect(findings[2]!.message).toContain('its status operation `getMove` answers with no `status`, `state` or `phase` field');
    expect(findings[3]!.message).toContain('`done` must list');
    expect(findings[0]!.hint).toContain('x-contractkit-completion');
    expect(positionOf(file, findings[0]!.pointer, true).line).toBe(lineContaining(file, "'202':", lineContaining(file, 'operationId: startRebuild')));
  });

  it('passes a linked state enum, a long-running operation and a declared vocabulary', () => {
    const flagged = runModelRule(asyncCompletionDetectable, model).map((f) => f.pointer);
    for (const path of ['imports', 'reports', 'builds']) expect(flagged.some((p) => p!.includes(`~1v1~1${path}/`))).toBe(false);
  });
});
