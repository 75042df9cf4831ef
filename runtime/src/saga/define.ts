/**
 * Saga definitions in code: the steps in order, each with its forward call
 * (`invoke`) and, before the pivot, its compensation. Transport-independent:
 * a step is any async function of the saga's data.
 */

/** Retry policy of a step. `attempts` counts the first try. */
export interface SagaRetryPolicy {
  attempts: number | 'unlimited';
  /** First delay between attempts (doubled each time). */
  delayMs: number;
  /** Cap on the delay (default 30 s). */
  maxDelayMs?: number;
}

/** What a step or compensation is told about its call. */
export interface SagaStepContext {
  sagaId: string;
  saga: string;
  version: number;
  step: string;
  /** `<sagaId>:<step>:<do|undo>`: the same on every retry and after a crash, so a participant that honors it applies the call once. */
  idempotencyKey: string;
  /** 1 on the first try. */
  attempt: number;
  /** Aborted when the step's timeout passes. */
  signal: AbortSignal;
}

/** One step of a saga. */
export interface SagaStepDefinition<TData> {
  name: string;
  /** After this step succeeds the saga only goes forward. */
  pivot?: boolean;
  timeoutMs?: number;
  retry?: SagaRetryPolicy;
  /** The forward call: returns the new data (committed before the next step begins). */
  invoke(data: TData, ctx: SagaStepContext): Promise<TData>;
  /** The compensation, required before the pivot (unless `readOnly`); gets the data as it was after this step. */
  compensate?(data: TData, ctx: SagaStepContext): Promise<void | TData>;
  /** The step changes nothing (a GET, an rpc without side effects): there is nothing to compensate. */
  readOnly?: boolean;
}

/** A saga definition (see {@link defineSaga}). */
export interface SagaDefinition<TData = unknown> {
  name: string;
  version: number;
  steps: SagaStepDefinition<TData>[];
  /** Whole-saga deadline: when it passes before the pivot completes, the saga compensates. */
  timeoutMs?: number;
  /** Index of the pivot step (the explicit one, else the last). Filled in by {@link defineSaga}. */
  readonly pivotIndex: number;
}

/** The input of {@link defineSaga}. */
export type SagaDefinitionInit<TData> = Omit<SagaDefinition<TData>, 'pivotIndex'>;

/** Error thrown by {@link defineSaga} on an inconsistent definition. */
export class SagaDefinitionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SagaDefinitionError';
  }
}

/**
 * Checks and freezes a saga definition: step names unique, at most one pivot
 * (none means the last step), every step before the pivot compensatable or read-only.
 */
export function defineSaga<TData>(init: SagaDefinitionInit<TData>): SagaDefinition<TData> {
  if (!init.name) throw new SagaDefinitionError('A saga needs a name.');
  if (!Number.isInteger(init.version) || init.version < 1) throw new SagaDefinitionError(`Saga ${init.name}: version must be a positive integer.`);
  if (init.steps.length === 0) throw new SagaDefinitionError(`Saga ${init.name} has no steps.`);
  const names = new Set<string>();
  for (const s of init.steps) {
    if (!s.name || s.name.includes(':')) throw new SagaDefinitionError(`Saga ${init.name}: step names must be non-empty and contain no ':' (got ${JSON.stringify(s.name)}).`);
    if (names.has(s.name)) throw new SagaDefinitionError(`Saga ${init.name}: step ${s.name} appears twice.`);
    names.add(s.name);
  }
  const pivots = init.steps.flatMap((s, i) => (s.pivot ? [i] : []));
  if (pivots.length > 1) throw new SagaDefinitionError(`Saga ${init.name}: only one step may be the pivot (${pivots.map((i) => init.steps[i]!.name).join(', ')}).`);
  const pivotIndex = pivots[0] ?? init.steps.length - 1;
  for (const [i, s] of init.steps.entries()) {
    if (i < pivotIndex && !s.compensate && !s.readOnly) {
      throw new SagaDefinitionError(`Saga ${init.name}: step ${s.name} comes before the pivot and needs a compensate function (or \`readOnly: true\` when it changes nothing).`);
    }
  }
  return Object.freeze({ ...init, steps: [...init.steps], pivotIndex });
}

/** The idempotency key of one call. */
export function idempotencyKey(sagaId: string, step: string, direction: 'do' | 'undo'): string {
  return `${sagaId}:${step}:${direction}`;
}

/** Exponential backoff with equal jitter: half the doubled delay fixed, half random. */
export function backoffMs(policy: { delayMs: number; maxDelayMs?: number }, attempt: number, random: () => number = Math.random): number {
  const base = Math.min(policy.maxDelayMs ?? 30_000, policy.delayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(base / 2 + (random() * base) / 2);
}
