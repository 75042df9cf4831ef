/**
 * A schema-valid saga definition → SagaContract, plus the checks JSON Schema
 * cannot express (unique step names, one pivot, contract names that exist).
 * Whether the named operations exist in those contracts is the lint's job
 * (`saga-operation-exists`), not the loader's.
 */
import { dirname, resolve } from 'node:path';
import type { Finding } from '../finding.js';
import type { JsonSchema, SagaCall, SagaContract, SagaRetry, SagaStep } from '../model/types.js';
import { parseDuration } from './duration.js';

/** The saga definition as the schema allows it (raw durations). */
interface RawCall {
  openapi?: string;
  operationId?: string;
  grpc?: string;
  method?: string;
  asyncapi?: string;
  send?: string;
  reply?: string;
  failure?: string;
  local?: string;
}

interface RawStep {
  name: string;
  call: RawCall;
  compensate?: RawCall;
  pivot?: boolean;
  timeout?: string;
  retry?: { attempts: number | 'unlimited'; delay?: string; maxDelay?: string };
}

interface RawSaga {
  saga: string;
  version: number;
  description?: string;
  contracts?: Record<string, string>;
  data?: JsonSchema;
  timeout?: string;
  steps: RawStep[];
}

/** Delay before the first retry when `retry.delay` is not given (documented in the schema). */
export const DEFAULT_RETRY_DELAY_MS = 1_000;

/** The fields of SagaContract that come from the definition itself. */
export type NormalizedSaga = Omit<SagaContract, 'name' | 'kind' | 'file' | 'files'>;

/** Checks what the schema cannot and normalizes. `data` must already be schema-valid. */
export function normalizeSaga(data: unknown, file: string): { saga?: NormalizedSaga; findings: Finding[] } {
  const raw = data as RawSaga;
  const findings = crossChecks(raw, file);
  if (findings.length > 0) return { findings };

  const base = dirname(file);
  const contracts: Record<string, string> = {};
  for (const [name, path] of Object.entries(raw.contracts ?? {})) contracts[name] = resolve(base, path);

  const marked = raw.steps.findIndex((s) => s.pivot === true);
  // With no step marked, the last step is the pivot.
  const pivot = marked >= 0 ? marked : raw.steps.length - 1;
  const steps = raw.steps.map((s, i): SagaStep => {
    const step: SagaStep = { name: s.name, call: toCall(s.call), pivot: i === pivot, location: { file, pointer: `/steps/${i}` } };
    if (s.compensate) step.compensate = toCall(s.compensate);
    if (s.timeout !== undefined) step.timeoutMs = parseDuration(s.timeout)!;
    if (s.retry) step.retry = toRetry(s.retry);
    return step;
  });

  const saga: NormalizedSaga = { saga: raw.saga, version: raw.version, contracts, steps, document: data as Record<string, unknown> };
  if (raw.description !== undefined) saga.description = raw.description;
  if (raw.data !== undefined) saga.data = raw.data;
  if (raw.timeout !== undefined) saga.timeoutMs = parseDuration(raw.timeout)!;
  return { saga, findings: [] };
}

/** Copies exactly the keys of the call's form (the schema has already rejected mixed forms). */
function toCall(c: RawCall): SagaCall {
  if (c.openapi !== undefined) return { openapi: c.openapi, operationId: c.operationId! };
  if (c.grpc !== undefined) return { grpc: c.grpc, method: c.method! };
  if (c.asyncapi !== undefined) {
    const call: SagaCall = { asyncapi: c.asyncapi, send: c.send! };
    if (c.reply !== undefined) call.reply = c.reply;
    if (c.failure !== undefined) call.failure = c.failure;
    return call;
  }
  return { local: c.local! };
}

function toRetry(r: NonNullable<RawStep['retry']>): SagaRetry {
  const retry: SagaRetry = { attempts: r.attempts, delayMs: r.delay !== undefined ? parseDuration(r.delay)! : DEFAULT_RETRY_DELAY_MS };
  if (r.maxDelay !== undefined) retry.maxDelayMs = parseDuration(r.maxDelay)!;
  return retry;
}

function crossChecks(raw: RawSaga, file: string): Finding[] {
  const findings: Finding[] = [];
  const err = (pointer: string, message: string, hint: string, onKey = false): void => {
    findings.push({ ruleId: 'load/invalid-saga', severity: 'error', kind: 'saga', file, pointer, onKey, message, hint });
  };

  const seen = new Map<string, number>();
  raw.steps.forEach((s, i) => {
    const first = seen.get(s.name);
    if (first !== undefined) err(`/steps/${i}/name`, `Step name \`${s.name}\` is used twice (also steps[${first}]).`, 'Give every step a unique name; generated code and instance records are keyed by it.');
    else seen.set(s.name, i);
  });

  const pivots = raw.steps.flatMap((s, i) => (s.pivot === true ? [i] : []));
  for (const i of pivots.slice(1)) {
    err(`/steps/${i}/pivot`, `Step \`${raw.steps[i]!.name}\` is a second pivot (steps[${pivots[0]}] is one already).`, 'A saga has at most one pivot: the step after which it only goes forward.');
  }

  const known = new Set(Object.keys(raw.contracts ?? {}));
  raw.steps.forEach((s, i) => {
    for (const which of ['call', 'compensate'] as const) {
      const c = s[which];
      if (!c) continue;
      for (const form of ['openapi', 'grpc', 'asyncapi'] as const) {
        const name = c[form];
        if (name === undefined || known.has(name)) continue;
        const listed = known.size > 0 ? ` (listed: ${[...known].map((n) => `\`${n}\``).join(', ')})` : '';
        err(`/steps/${i}/${which}/${form}`, `Step \`${s.name}\` calls contract \`${name}\`, which is not listed under \`contracts\`${listed}.`, `Add \`${name}: <path relative to this file>\` under \`contracts\`, or fix the name.`);
      }
    }
  });
  return findings;
}
