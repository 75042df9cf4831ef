import { describe, expect, it } from 'vitest';
import type { AsyncApiContract } from '../../../contracts/model/types.js';
import type { AsyncApiOwnId } from './catalogue.js';
import { createAsyncDiffContext, report } from './context.js';

// report() reads neither contract: empty ones will do
const contract = { kind: 'asyncapi', name: 'x', file: '/x.yaml', files: ['/x.yaml'], channels: [], operations: [], messages: [] } as unknown as AsyncApiContract;

describe('AsyncAPI report()', () => {
  it('reports an own id at its catalogued severity', () => {
    const ctx = createAsyncDiffContext(contract, contract, { level: 'info' });
    report(ctx, 'channel-added', 'Channel `a` was added.', { file: '/x.yaml', pointer: '/channels/a' });
    expect(ctx.findings.map((f) => [f.ruleId, f.severity, f.pointer])).toEqual([['channel-added', 'info', '/channels/a']]);
  });

  it('throws on an id outside the catalogue instead of guessing a severity', () => {
    const ctx = createAsyncDiffContext(contract, contract, { level: 'info' });
    expect(() => report(ctx, 'channel-teleported' as AsyncApiOwnId, 'x', { file: '/x.yaml', pointer: '' })).toThrow(/channel-teleported.*not in the AsyncAPI breaking catalogue/);
    expect(ctx.findings).toEqual([]);
  });
});
