/**
 * Saga spans. A saga outlives any one call and may be worked by several
 * processes, so its trace context is kept with the instance: `start` opens a
 * `saga <name>` span (a child of the caller's context, if any), and the W3C
 * trace context of that span is stored beside the instance. Every step call
 * then opens `saga step <step>` (or, undoing it, `saga compensate <step>`) as
 * a child of that stored context, whichever worker runs it, so one saga is one
 * trace holding the REST, gRPC and event spans of every step.
 */
import { context, propagation, ROOT_CONTEXT, SpanKind, trace, type Context, type Span } from '@opentelemetry/api';
import { injectSpan, recordGetter, recordSetter, withSpan } from './carriers.js';
import { runtimeTracer } from './tracer.js';

/** The attribute names of saga spans. */
export const SAGA_ATTRIBUTES = {
  id: 'contractkit.saga.id',
  name: 'contractkit.saga.name',
  version: 'contractkit.saga.version',
  step: 'contractkit.saga.step',
  /** `do` or `undo`. */
  direction: 'contractkit.saga.step.direction',
  /** true on compensation spans. */
  compensation: 'contractkit.saga.compensation',
  attempt: 'contractkit.saga.step.attempt',
  idempotencyKey: 'contractkit.saga.idempotency_key',
} as const;

/**
 * Opens and ends the span of a saga's start; returns the trace context to
 * keep with the instance (empty without an SDK or propagator: nothing to continue).
 */
export function sagaStartSpan(saga: { id: string; name: string; version: number }): { span: Span; carrier: Record<string, string> } {
  const active = context.active();
  const span = runtimeTracer().startSpan(`saga ${saga.name}`, {
    kind: SpanKind.INTERNAL,
    attributes: { [SAGA_ATTRIBUTES.id]: saga.id, [SAGA_ATTRIBUTES.name]: saga.name, [SAGA_ATTRIBUTES.version]: saga.version },
  }, active);
  const carrier: Record<string, string> = {};
  injectSpan(active, span, carrier, recordSetter);
  return { span, carrier };
}

/** The context of an instance's stored trace context (for its lifecycle events), or undefined when none was stored. */
export function storedSagaContext(stored: Record<string, string> | null | undefined): Context | undefined {
  if (!stored) return undefined;
  const extracted = propagation.extract(ROOT_CONTEXT, stored, recordGetter);
  return trace.getSpanContext(extracted) ? extracted : undefined;
}

/** What one step call is. */
export interface SagaCallInfo {
  sagaId: string;
  saga: string;
  version: number;
  step: string;
  direction: 'do' | 'undo';
  attempt: number;
  idempotencyKey: string;
}

/**
 * Starts the span of one step call as a child of the instance's stored trace
 * context (or of the active context when none was stored); returns it and
 * the context to run the participant's call in.
 */
export function startSagaCallSpan(stored: Record<string, string> | null | undefined, call: SagaCallInfo): { span: Span; context: Context } {
  const parent = storedSagaContext(stored) ?? context.active();
  const undo = call.direction === 'undo';
  const span = runtimeTracer().startSpan(`saga ${undo ? 'compensate' : 'step'} ${call.step}`, {
    kind: SpanKind.INTERNAL,
    attributes: {
      [SAGA_ATTRIBUTES.id]: call.sagaId,
      [SAGA_ATTRIBUTES.name]: call.saga,
      [SAGA_ATTRIBUTES.version]: call.version,
      [SAGA_ATTRIBUTES.step]: call.step,
      [SAGA_ATTRIBUTES.direction]: call.direction,
      [SAGA_ATTRIBUTES.compensation]: undo,
      [SAGA_ATTRIBUTES.attempt]: call.attempt,
      [SAGA_ATTRIBUTES.idempotencyKey]: call.idempotencyKey,
    },
  }, parent);
  return { span, context: withSpan(parent, span) };
}
