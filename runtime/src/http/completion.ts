/**
 * Telling from a status body whether asynchronous work (202 Accepted and
 * poll) is still running, has finished, or has failed. Recognizes the common
 * shapes: a `status`, `state` or `phase` field (also one level down, as in
 * Kubernetes' `status.phase`) with the usual vocabularies, and Google's
 * long-running operations (`done: true` with `response` or `error`). A
 * {@link CompletionSpec} names the field and its terminal values when the
 * contract says more (generated clients pass one per operation).
 *
 * contractkit's generator and lint rule read the same vocabulary from here,
 * so what the tools accept is what the runtime recognizes.
 */

/** Fields that hold a job's state, in the order they are looked for. */
export const STATE_FIELDS = ['status', 'state', 'phase'] as const;

/** States that mean the work finished successfully (compared after {@link normalizeState}). */
export const DONE_STATES: readonly string[] = ['succeeded', 'success', 'successful', 'completed', 'complete', 'done', 'finished', 'ready', 'ok'];

/** States that mean the work finished without success. */
export const FAILED_STATES: readonly string[] = ['failed', 'failure', 'error', 'errored', 'cancelled', 'canceled', 'aborted', 'rejected', 'timed_out', 'timeout', 'expired', 'terminated'];

/** States that mean the work goes on: poll again. */
export const PENDING_STATES: readonly string[] = [
  'pending', 'running', 'queued', 'accepted', 'in_progress', 'processing', 'started', 'submitted', 'not_started', 'waiting',
  'scheduled', 'created', 'new', 'active', 'executing', 'initializing', 'provisioning', 'retrying', 'paused',
];

/**
 * How to read one operation's status body, when the contract says (the
 * `x-contractkit-completion` extension, the rest-client `completion` option, or
 * a state enum). Values not listed in `done` or `failed` mean: poll again.
 */
export interface CompletionSpec {
  /** The property holding the state; a dotted path reaches into an object (`status.phase`). */
  field: string;
  /** Values meaning the work finished successfully. */
  done: readonly (string | boolean)[];
  /** Values meaning it finished without success (`wait()` rejects with an `OperationFailedError`). */
  failed?: readonly (string | boolean)[];
  /** The property holding the final result once done (Google long-running operations: `response`); default the whole body. */
  result?: string;
  /** A property that, when present and not null in a done body, means the work failed after all (`error`). */
  error?: string;
}

/**
 * How a 202 operation's polls end: a {@link CompletionSpec} read from the
 * status body; `'see-other'` when only a 303 See Other to the result ends it
 * (a status body is progress, unless it says failed); `'not-202'` when the
 * status URL answers 202 while busy and its first other success is the result.
 */
export type CompletionRule = CompletionSpec | 'see-other' | 'not-202';

/** What a status body says. */
export type Completion =
  | { state: 'done'; result: unknown }
  | { state: 'failed'; value?: string; error?: unknown }
  /** `value` is the state seen; `known` is false when it is no state the vocabulary (or the spec) knows. */
  | { state: 'pending'; value?: string; known: boolean };

/** `InProgress`, `IN-PROGRESS`, `in progress` → `in_progress`. */
export function normalizeState(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
}

/** Which of done, failed or pending a state value means in the common vocabulary, or undefined when it is none of them. */
export function classifyState(value: string): 'done' | 'failed' | 'pending' | undefined {
  const v = normalizeState(value);
  if (DONE_STATES.includes(v)) return 'done';
  if (FAILED_STATES.includes(v)) return 'failed';
  if (PENDING_STATES.includes(v)) return 'pending';
  return undefined;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The value at a dotted path (`status.phase`). */
function valueAt(body: unknown, path: string): unknown {
  let node = body;
  for (const key of path.split('.')) {
    if (!isObj(node)) return undefined;
    node = node[key];
  }
  return node;
}

/** The state field of a body: the first of {@link STATE_FIELDS} holding a string, at the top or one object down. */
export function findStateField(body: unknown): { field: string; value: string } | undefined {
  if (!isObj(body)) return undefined;
  for (const f of STATE_FIELDS) if (typeof body[f] === 'string') return { field: f, value: body[f] as string };
  for (const f of STATE_FIELDS) {
    const inner = body[f];
    if (!isObj(inner)) continue;
    for (const g of STATE_FIELDS) if (typeof inner[g] === 'string') return { field: `${f}.${g}`, value: inner[g] as string };
  }
  return undefined;
}

const sameState = (a: unknown, b: string | boolean) => a === b || (typeof a === 'string' && typeof b === 'string' && normalizeState(a) === normalizeState(b));

/**
 * Reads a status body. With a `spec`, only its field and values count.
 * Without one: a boolean `done` is a long-running operation (done with
 * `response`, failed with `error`); else the state field decides by the
 * vocabulary (`completed` with a failing `conclusion`, as GitHub's check runs
 * report, is a failure); a body with no state at all is the final result.
 */
export function completionOf(body: unknown, spec?: CompletionSpec): Completion {
  if (spec) {
    const value = valueAt(body, spec.field);
    const text = value === undefined ? undefined : String(value);
    if (spec.done.some((d) => sameState(value, d))) {
      const error = spec.error !== undefined && isObj(body) ? body[spec.error] : undefined;
      if (error !== undefined && error !== null) return { state: 'failed', value: text, error };
      return { state: 'done', result: spec.result !== undefined ? valueAt(body, spec.result) : body };
    }
    if (spec.failed?.some((f) => sameState(value, f))) return { state: 'failed', value: text, error: spec.error !== undefined ? valueAt(body, spec.error) : undefined };
    return { state: 'pending', value: text, known: false };
  }
  if (!isObj(body)) return { state: 'done', result: body };
  if (typeof body.done === 'boolean') {
    if (!body.done) return { state: 'pending', value: 'done: false', known: true };
    if (body.error !== undefined && body.error !== null) return { state: 'failed', value: 'done: true', error: body.error };
    return { state: 'done', result: 'response' in body ? body.response : body };
  }
  const found = findStateField(body);
  if (!found) return { state: 'done', result: body };
  const kind = classifyState(found.value);
  if (kind === 'done') {
    const conclusion = typeof body.conclusion === 'string' ? body.conclusion : undefined;
    if (conclusion !== undefined && classifyState(conclusion) === 'failed') return { state: 'failed', value: `${found.value} (${conclusion})`, error: body.error };
    return { state: 'done', result: body };
  }
  if (kind === 'failed') return { state: 'failed', value: found.value, error: body.error };
  return { state: 'pending', value: found.value, known: kind === 'pending' };
}

/**
 * The spec a state enum implies: its values the vocabulary reads as done and
 * as failed. Undefined when none reads as done (completion cannot be told).
 */
export function completionFromEnum(field: string, values: readonly unknown[]): CompletionSpec | undefined {
  const strings = values.filter((v): v is string => typeof v === 'string');
  const done = strings.filter((v) => classifyState(v) === 'done');
  if (done.length === 0) return undefined;
  const failed = strings.filter((v) => classifyState(v) === 'failed');
  return failed.length ? { field, done, failed } : { field, done };
}
