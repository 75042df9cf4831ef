/**
 * Scenarios: a small YAML file of canned exchanges.
 *
 * ```yaml
 * scenarios:
 *   - name: a known order
 *     given:                      # state, by collection path (implies --stateful)
 *       /api/v1/orders:
 *         - { id: o-1, status: pending }
 *     when: { method: GET, path: /api/v1/orders/o-2 }   # also headers:, body: (subsets)
 *     then: { status: 404 }       # also headers:, body: (else a sample of that status)
 * ```
 *
 * The file is checked with ajv against {@link SCENARIO_FILE_SCHEMA}; a bad
 * file is a UsageError with findings at the offending line (exit 2).
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { isMap, isSeq, parseDocument } from 'yaml';
import { UsageError } from '../../contracts/errors.js';
import type { Finding } from '../../contracts/finding.js';
import { schemaErrorsToFindings } from '../../contracts/source/schema-errors.js';
import { setSourceText } from '../../contracts/source/positions.js';

/** One canned exchange. */
export interface Scenario {
  name: string;
  given?: Record<string, unknown[]>;
  when: { method: string; path: string; headers?: Record<string, string>; body?: unknown };
  then: { status: number; headers?: Record<string, string>; body?: unknown };
  /** Where the scenario is written (file and JSON pointer), for logs. */
  pointer: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The JSON Schema of a scenario file. */
export const SCENARIO_FILE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['scenarios'],
  properties: {
    scenarios: {
      type: 'array',
      minItems: 1,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['when', 'then'],
        properties: {
          name: { type: 'string' },
          given: { type: 'object', propertyNames: { pattern: '^/' }, additionalProperties: { type: 'array', items: { type: 'object' } } },
          when: {
            type: 'object',
            additionalProperties: false,
            required: ['method', 'path'],
            properties: {
              method: { enum: [...METHODS, ...METHODS.map((m) => m.toUpperCase())] },
              path: { type: 'string', pattern: '^/' },
              headers: { type: 'object', additionalProperties: { type: 'string' } },
              body: {},
            },
          },
          then: {
            type: 'object',
            additionalProperties: false,
            required: ['status'],
            properties: {
              status: { type: 'integer', minimum: 100, maximum: 599 },
              headers: { type: 'object', additionalProperties: { type: 'string' } },
              body: {},
            },
          },
        },
      },
    },
  },
};

/** Reads and checks a scenario file. @throws UsageError with located findings for a file that cannot be used. */
export function loadScenarios(file: string): Scenario[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`Cannot read the scenario file ${file}: ${(e as Error).message}`);
  }
  setSourceText(file, text);
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) {
    const findings: Finding[] = doc.errors.map((e) => ({
      ruleId: 'mock/invalid-scenarios',
      severity: 'error',
      kind: 'config',
      file,
      line: e.linePos?.[0]?.line,
      column: e.linePos?.[0]?.col,
      message: `The scenario file is not valid YAML: ${e.message.split('\n')[0]}`,
      hint: 'Fix the YAML syntax at this line.',
    }));
    throw new UsageError(`The scenario file ${file} is not valid YAML.`, findings);
  }
  const data: unknown = doc.toJS();
  if (!isMap(doc.contents) && !isSeq(doc.contents) && data == null) {
    throw new UsageError(`The scenario file ${file} is empty.`, [
      { ruleId: 'mock/invalid-scenarios', severity: 'error', kind: 'config', file, line: 1, column: 1, message: 'The scenario file is empty.', hint: 'Write `scenarios:` with a list of { when, then } entries (docs/mock.md).' },
    ]);
  }
  const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  const validate = ajv.compile(SCENARIO_FILE_SCHEMA);
  if (!validate(data)) {
    const findings = schemaErrorsToFindings(validate.errors ?? [], file, 'config', 'mock/invalid-scenarios', 'scenario file');
    throw new UsageError(`The scenario file ${file} is not valid.`, findings);
  }
  const list = (data as { scenarios: Omit<Scenario, 'pointer' | 'name'>[] & { name?: string }[] }).scenarios as (Omit<Scenario, 'pointer' | 'name'> & { name?: string })[];
  return list.map((s, i) => ({ ...s, name: s.name ?? `scenario ${i + 1}`, when: { ...s.when, method: s.when.method.toLowerCase() }, pointer: `/scenarios/${i}` }));
}

/** Whether `actual` holds everything `expected` holds (objects by subset, arrays and scalars by equality). */
export function holds(actual: unknown, expected: unknown): boolean {
  if (expected === null || typeof expected !== 'object') return actual === expected;
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((e, i) => holds(actual[i], e));
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
  return Object.entries(expected).every(([k, v]) => holds((actual as Record<string, unknown>)[k], v));
}

/** The first scenario whose `when` the request matches. */
export function matchScenario(scenarios: readonly Scenario[], req: { method: string; path: string; headers: Record<string, string | string[] | undefined>; body: unknown }): Scenario | undefined {
  return scenarios.find((s) => {
    if (s.when.method !== req.method.toLowerCase() || s.when.path !== req.path) return false;
    for (const [name, value] of Object.entries(s.when.headers ?? {})) if (String(req.headers[name.toLowerCase()] ?? '') !== value) return false;
    return s.when.body === undefined || holds(req.body, s.when.body);
  });
}
