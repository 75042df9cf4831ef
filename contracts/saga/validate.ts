/**
 * Validates a saga definition against schema/saga.schema.json with ajv and
 * turns the errors into findings in plain words, one per problem.
 *
 * ajv reports a failing `oneOf` with every branch's errors; for the step call
 * forms that is a wall of noise, so calls are diagnosed here instead: which
 * form the user meant is read from the keys present, and only that form's
 * schema is applied.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Finding } from '../finding.js';
import { toPointer } from '../source/positions.js';

/** The call forms, by their discriminating key, and their definitions in the schema. */
export const CALL_FORMS = { openapi: 'openapiCall', grpc: 'grpcCall', asyncapi: 'asyncapiCall', local: 'localCall' } as const;
const FORM_KEYS = Object.keys(CALL_FORMS) as (keyof typeof CALL_FORMS)[];
const FORMS_IN_WORDS = '`openapi` + `operationId`, `grpc` + `method`, `asyncapi` + `send`, or `local`';

const SCHEMA_ID = 'https://contractkit.dev/schema/saga.schema.json';

interface Validators {
  saga: ValidateFunction;
  forms: Record<keyof typeof CALL_FORMS, ValidateFunction>;
}

let validators: Validators | undefined;

/** Finds schema/saga.schema.json from the sources (tests) or the build in dist/. */
export function sagaSchemaPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'schema', 'saga.schema.json');
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('contractkit: schema/saga.schema.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
}

function getValidators(): Validators {
  if (validators) return validators;
  // allowUnionTypes: `data` is an object or boolean schema.
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  // ajv-formats is CommonJS; under NodeNext its default export arrives as the module object.
  const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (a: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addSchema(JSON.parse(readFileSync(sagaSchemaPath(), 'utf8')) as object);
  const get = (ref: string): ValidateFunction => ajv.getSchema(`${SCHEMA_ID}${ref}`)!;
  validators = {
    saga: get(''),
    forms: {
      openapi: get('#/definitions/openapiCall'),
      grpc: get('#/definitions/grpcCall'),
      asyncapi: get('#/definitions/asyncapiCall'),
      local: get('#/definitions/localCall'),
    },
  };
  return validators;
}

/** Validates parsed saga data; returns one `load/invalid-saga` finding per problem (empty when valid). */
export function validateSaga(data: unknown, file: string): Finding[] {
  const v = getValidators();
  if (v.saga(data)) return [];
  const errors = v.saga.errors ?? [];
  const findings: Finding[] = [];
  const callPaths = new Set<string>();
  for (const e of errors) {
    const call = /^\/steps\/\d+\/(call|compensate)/.exec(e.instancePath);
    if (call) callPaths.add(call[0]);
  }
  for (const path of [...callPaths].sort()) findings.push(...checkCall(valueAt(data, path), path, file, v));

  const oneOfPaths = new Set(errors.filter((e) => e.keyword === 'oneOf').map((e) => e.instancePath));
  for (const e of errors) {
    if ([...callPaths].some((p) => e.instancePath === p || e.instancePath.startsWith(p + '/'))) continue;
    // A failing oneOf (retry.attempts) is reported once, in words, not per branch.
    if (oneOfPaths.has(e.instancePath) && e.keyword !== 'oneOf') continue;
    findings.push(toFinding(e, '', file));
  }
  return dedupe(findings);
}

/** Diagnoses one `call`/`compensate` value: which form it meant, and what that form lacks. */
function checkCall(value: unknown, path: string, file: string, v: Validators): Finding[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [finding(file, path, `${capital(where(path))} must be a mapping with one call form.`, `Write one of ${FORMS_IN_WORDS}.`)];
  }
  const forms = FORM_KEYS.filter((k) => k in value);
  if (forms.length === 0) {
    return [finding(file, path, `${capital(where(path))} names no call form.`, `A step calls exactly one of ${FORMS_IN_WORDS}.`)];
  }
  if (forms.length > 1) {
    const listed = forms.map((f) => `\`${f}\``).join(' and ');
    return [{ ...finding(file, `${path}/${forms[1]}`, `${capital(where(path))} mixes ${listed}; a step calls exactly one of them.`, `Split it into separate steps, or keep one of ${FORMS_IN_WORDS}.`), onKey: true }];
  }
  const validate = v.forms[forms[0]!];
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => toFinding(e, path, file));
}

/** One ajv error in plain words. `prefix` is the instance path the validated value sits at. */
function toFinding(e: ErrorObject, prefix: string, file: string): Finding {
  const at = prefix + e.instancePath;
  const here = capital(where(at));
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required': {
      const key = String(params.missingProperty);
      return finding(file, at, `${here} is missing \`${key}\`.`, `Add \`${key}\`${REQUIRED_HINTS[key] ? `: ${REQUIRED_HINTS[key]}` : '.'}`);
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      return { ...finding(file, `${at}/${escapeKey(key)}`, `Unknown key \`${key}\` in ${where(at)}.`, 'Check the spelling; schema/saga.schema.json lists the allowed keys.'), onKey: true };
    }
    case 'pattern':
    case 'type':
    case 'minimum':
    case 'minItems':
    case 'minLength':
    case 'oneOf':
    case 'propertyNames':
      return describeValue(e, at, file);
    default:
      return finding(file, at, `${here} ${e.message ?? 'is invalid'}.`, 'See schema/saga.schema.json for what is allowed here.');
  }
}

/** Messages for values of the wrong shape, worded by what the field is. */
function describeValue(e: ErrorObject, at: string, file: string): Finding {
  const here = capital(where(at));
  const last = at.split('/').pop() ?? '';
  if (['timeout', 'delay', 'maxDelay'].includes(last)) {
    return finding(file, at, `${here} is not a duration.`, 'Write a whole number and a unit: `200ms`, `5s`, `10m` or `1h`.');
  }
  if (last === 'attempts') return finding(file, at, `${here} must be a positive whole number or \`unlimited\`.`, 'For example `attempts: 3`, or `attempts: unlimited` for a step after the pivot.');
  if ((last === 'saga' || last === 'name') && e.keyword === 'pattern') return finding(file, at, `${here} must be kebab-case.`, 'Use lowercase words joined by hyphens, like `place-order`.');
  if (last === 'method') return finding(file, at, `${here} must name a method as \`package.Service/Method\`.`, 'For example `payments.v1.PaymentService/Charge`.');
  if (last === 'version') return finding(file, at, `${here} must be a positive whole number.`, 'Start at `version: 1` and raise it when the steps change.');
  if (last === 'steps') return finding(file, at, `${here} must list at least one step.`, 'Add steps, each with a `name` and a `call`.');
  if (at === '') return finding(file, at, 'A saga definition must be a mapping.', 'Start with `saga: <id>`, `version: 1` and `steps:`.');
  return finding(file, at, `${here} ${e.message ?? 'is invalid'}.`, 'See schema/saga.schema.json for what is allowed here.');
}

const REQUIRED_HINTS: Record<string, string> = {
  saga: 'the saga id in kebab-case, like `saga: place-order`.',
  version: '`version: 1` for a new saga.',
  steps: 'the list of steps, each with a `name` and a `call`.',
  name: 'a kebab-case step name, unique in the saga.',
  call: `one of ${FORMS_IN_WORDS}.`,
  operationId: 'the `operationId` of the OpenAPI operation to call.',
  method: 'the method as `package.Service/Method`.',
  send: 'the id of the AsyncAPI send operation.',
  attempts: 'a positive whole number or `unlimited`.',
};

/** Where a pointer is, in words: `/steps/2/retry/delay` → `` `steps[2].retry.delay` ``. */
function where(pointer: string): string {
  if (pointer === '') return 'the saga definition';
  const segs = pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let out = '';
  for (const s of segs) out += /^\d+$/.test(s) ? `[${s}]` : out ? `.${s}` : s;
  return `\`${out}\``;
}

function finding(file: string, pointer: string, message: string, hint: string): Finding {
  return { ruleId: 'load/invalid-saga', severity: 'error', kind: 'saga', file, pointer, message, hint };
}

function valueAt(data: unknown, pointer: string): unknown {
  return pointer
    .slice(1)
    .split('/')
    .reduce<unknown>((node, s) => (node as Record<string, unknown> | undefined)?.[s], data);
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.pointer}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function escapeKey(key: string): string {
  return toPointer([key]).slice(1);
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
