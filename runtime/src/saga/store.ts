/**
 * The durable state of saga instances, behind one small interface with three
 * implementations: PostgreSQL (`pg`), PGlite (embedded, the same SQL) and
 * in-memory (unit tests). The runtime commits every step's outcome through
 * {@link SagaStore.update} before the next step begins.
 */

/** Where an instance is. `compensation_failed` and `failed` are parked: an operator resumes them with `retry`. */
export type SagaStatus = 'running' | 'compensating' | 'completed' | 'compensated' | 'compensation_failed' | 'failed';

/** Every status, in display order. */
export const SAGA_STATUSES: readonly SagaStatus[] = ['running', 'compensating', 'completed', 'compensated', 'compensation_failed', 'failed'];

/** Statuses a worker picks up. */
export const ACTIVE_STATUSES: readonly SagaStatus[] = ['running', 'compensating'];

/** One saga instance as stored. */
export interface SagaInstance {
  id: string;
  saga: string;
  version: number;
  status: SagaStatus;
  /** Running: index of the next step to do. Compensating: index of the next step to undo. */
  step: number;
  /** Name of that step (for operators; '' when none). */
  stepName: string;
  data: unknown;
  /** Tries of the current call so far. */
  attempt: number;
  /** Tries per call, keyed `<step>:<do|undo>`. */
  attempts: Record<string, number>;
  leaseOwner: string | null;
  leaseExpiresAt: Date | null;
  /** Not claimed before this time (retry backoff). */
  nextAttemptAt: Date;
  deadlineAt: Date | null;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The W3C trace context (`traceparent`, `tracestate`) of the instance's start: its steps' spans continue that trace. */
  traceContext?: Record<string, string> | null;
}

/** A new instance. */
export interface SagaInstanceInit {
  id: string;
  saga: string;
  version: number;
  data: unknown;
  stepName: string;
  timeoutMs?: number;
  /** The trace context to keep with the instance (see {@link SagaInstance.traceContext}). */
  traceContext?: Record<string, string>;
}

/** The outcome of one call, committed by the worker holding the lease. */
export interface SagaInstanceUpdate {
  status: SagaStatus;
  step: number;
  stepName: string;
  data: unknown;
  attempt: number;
  attempts: Record<string, number>;
  lastError: string | null;
  /**
   * Give the lease up; the instance may be claimed again after `retryInMs`
   * (when still active). Without it the worker keeps the lease, renewed.
   */
  release?: { retryInMs: number };
}

/** Filter of {@link SagaStore.list}. */
export interface SagaListFilter {
  status?: SagaStatus[];
  saga?: string;
  limit?: number;
}

/** The persistence a saga runtime needs. */
export interface SagaStore {
  /** Runs the migrations (idempotent; every method calls it on first use). */
  init(): Promise<void>;
  /** Inserts an instance unless one with that id exists (idempotent start). */
  create(init: SagaInstanceInit): Promise<{ instance: SagaInstance; created: boolean }>;
  /**
   * Leases up to `limit` active instances of the given `saga@version` kinds
   * whose lease is free or expired and whose retry time has come.
   */
  claim(owner: string, leaseMs: number, kinds: readonly string[], limit: number): Promise<SagaInstance[]>;
  /** Commits an outcome; false when `owner` no longer holds the lease (another worker took over). */
  update(id: string, owner: string, leaseMs: number, update: SagaInstanceUpdate): Promise<boolean>;
  /**
   * Optional: commits an outcome that gives the lease up (`update.release`)
   * and, in the same statement, claims up to `claim.limit` other instances
   * (as {@link SagaStore.claim} would), so a worker moves on to its next
   * instance without a round trip of its own. Nothing is claimed when the
   * lease was lost. Stores without it get `update` then `claim`.
   */
  updateAndClaim?(id: string, owner: string, leaseMs: number, update: SagaInstanceUpdate, claim: { kinds: readonly string[]; limit: number }): Promise<{ ok: boolean; claimed: SagaInstance[] }>;
  get(id: string): Promise<SagaInstance | undefined>;
  /** Newest first. */
  list(filter?: SagaListFilter): Promise<SagaInstance[]>;
  /** Counts by status. */
  counts(): Promise<Record<SagaStatus, number>>;
  /**
   * Resumes a parked instance: `compensation_failed` → compensating,
   * `failed` → running, attempt reset, claimable now. Undefined when not parked.
   */
  resume(id: string): Promise<SagaInstance | undefined>;
  close(): Promise<void>;
}

/** `saga@version`, the kind a runtime can work. */
export function sagaKind(saga: string, version: number): string {
  return `${saga}@${version}`;
}

/** Counts with every status present. */
export function emptyCounts(): Record<SagaStatus, number> {
  return Object.fromEntries(SAGA_STATUSES.map((s) => [s, 0])) as Record<SagaStatus, number>;
}
