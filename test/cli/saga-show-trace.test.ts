/**
 * `contractkit saga show` prints the trace id of an instance started under
 * an OpenTelemetry SDK (from its stored traceparent), and no trace line for
 * one started without.
 */
import { describe, expect, it } from 'vitest';
import type { SagaInstance } from '@contractkit/runtime/saga';
import { formatInstance } from '../../cli/commands/saga/format.js';

const at = new Date('2026-01-01T00:00:00Z');
const instance: SagaInstance = {
  id: 's-1', saga: 'place-order', version: 1, status: 'completed', step: 4, stepName: '', data: {}, attempt: 0, attempts: {},
  leaseOwner: null, leaseExpiresAt: null, nextAttemptAt: at, deadlineAt: null, lastError: null, createdAt: at, updatedAt: at,
};

describe('saga show: trace', () => {
  it('prints the trace id from the stored traceparent', () => {
    const out = formatInstance({ ...instance, traceContext: { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' } }, at.getTime());
    expect(out).toMatch(/^trace +0af7651916cd43dd8448eb211c80319c$/m);
  });

  it('prints no trace line without one', () => {
    expect(formatInstance({ ...instance, traceContext: null }, at.getTime())).not.toMatch(/^trace/m);
    expect(formatInstance(instance, at.getTime())).not.toMatch(/^trace/m);
  });
});
