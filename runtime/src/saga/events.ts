/**
 * Lifecycle events of saga instances, delivered to the runtime's `onEvent`
 * callback after the outcome they report is committed (publish them with the
 * events runtime's producer, log them, or count them).
 */
import type { SagaStatus } from './store.js';

/** Event types: the four lifecycle events, plus one per step outcome for tracing. */
export type SagaEventType =
  | 'saga.started'
  | 'saga.completed'
  | 'saga.compensated'
  | 'saga.failed'
  | 'saga.step.completed'
  | 'saga.step.failed'
  | 'saga.step.compensated';

/** One lifecycle event. */
export interface SagaEvent {
  type: SagaEventType;
  sagaId: string;
  saga: string;
  version: number;
  status: SagaStatus;
  /** The step concerned (step events, and the step that failed for `saga.failed`). */
  step?: string;
  /** Tries of that call so far (step events). */
  attempt?: number;
  error?: string;
  at: Date;
  /**
   * Names this occurrence: `<sagaId>:<type>` for `saga.started`,
   * `saga.completed` and `saga.compensated` (once per instance), plus
   * `:<step>:<do|undo>:<tries of that call in all>` for step events and
   * `saga.failed` (which may recur after a resume). The same occurrence
   * reported again after a crash has the same key, so an eventId derived from
   * it (`sagaEventId(key)`) lets brokers and consumers drop the repeat.
   */
  key: string;
}

/** Receives lifecycle events; a throwing handler is reported to `onError` and does not affect the saga. */
export type SagaEventHandler = (event: SagaEvent) => void | Promise<void>;
