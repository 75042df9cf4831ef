/**
 * What an OpenAPI contract says about the completion of a 202 operation: the
 * operation that answers the polls, how its body tells done from failed, and
 * what `wait()` finally resolves with. The rest-client generator (typed
 * `wait()`, the completion spec it passes to the runtime) and the
 * `async-completion-detectable` lint rule read it from here, with the
 * runtime's own vocabulary (runtime/src/http/completion.ts), so what the
 * tools accept is what generated clients recognize.
 */
import { completionFromEnum, STATE_FIELDS, type CompletionSpec } from '../../runtime/src/http/completion.js';
import type { HttpOperation, JsonSchema, OpenApiContract, SourceRef } from '../model/types.js';
import { toPointer } from '../source/positions.js';
import { getAt, isObject } from './locator.js';
import { isJsonMediaType } from './media-types.js';
import type { SchemaDeref } from './pagination.js';

/** The extension naming the status field and its terminal values, on the operation or its 202 response. */
export const COMPLETION_EXTENSION = 'x-contractkit-completion';

type Obj = Record<string, unknown>;

/** How the contract says that the work behind a 202 has finished. */
export type CompletionSource =
  /** `x-contractkit-completion` (on the 202 response or the operation) or the generator's `completion` option. */
  | { kind: 'declared'; spec: CompletionSpec }
  /** The status operation answers 303 See Other: the result is where it points. */
  | { kind: 'redirect' }
  /** A long-running operation: a boolean `done`, with `response` or `error`. */
  | { kind: 'operation' }
  /** A state field (`status`, `state`, `phase`, or one of them one object down); `spec` when its enum says which values are terminal. */
  | { kind: 'state'; field: string; spec?: CompletionSpec }
  /** The status operation answers 202 while busy and its success with the result. */
  | { kind: 'busy-202' }
  /** Nothing tells: `why` says what is missing. */
  | { kind: 'none'; why: string };

/** A 202 operation's completion, as far as the contract tells. */
export interface AsyncStatus {
  /** The operation answering the polls: named by the 202's `links`, else a GET one path parameter below. */
  statusOperation?: HttpOperation;
  completion: CompletionSource;
  /** The schema of what `wait()` resolves with, when the contract says. */
  finalSchema?: JsonSchema;
  /** A `x-contractkit-completion` that cannot be used, and where it is written. */
  invalid?: { message: string; at: SourceRef };
}

/** Follows internal `$ref`s in a bundled document. */
export function documentDeref(document: Obj): SchemaDeref {
  return (schema) => {
    let s: unknown = schema;
    for (let hop = 0; hop < 32 && isObject(s) && typeof s.$ref === 'string'; hop++) {
      s = s.$ref.startsWith('#') ? getAt(document, s.$ref.slice(1)) : undefined;
    }
    return isObject(s) || typeof s === 'boolean' ? (s as JsonSchema) : undefined;
  };
}

/**
 * Reads a completion spec (`{ field, done, failed?, result?, error? }`);
 * returns what is wrong with it as text instead.
 */
export function parseCompletionSpec(raw: unknown): CompletionSpec | string {
  if (!isObject(raw)) return 'it must be an object: `{ field: state, done: [finished], failed: [crashed] }`';
  const unknown = Object.keys(raw).filter((k) => !['field', 'done', 'failed', 'result', 'error'].includes(k));
  if (unknown.length) return `unknown member(s) ${unknown.map((k) => `\`${k}\``).join(', ')}; the members are field, done, failed, result and error`;
  if (typeof raw.field !== 'string' || raw.field === '') return '`field` must name the property holding the state (a dotted path reaches into an object: `status.phase`)';
  const values = (key: 'done' | 'failed') => {
    const v = raw[key];
    return Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string' || typeof x === 'boolean') ? (v as (string | boolean)[]) : undefined;
  };
  const done = values('done');
  if (!done) return '`done` must list the values (strings or booleans) that mean the work finished successfully';
  if (raw.failed !== undefined && !values('failed')) return '`failed` must list the values that mean the work failed';
  for (const key of ['result', 'error'] as const) if (raw[key] !== undefined && (typeof raw[key] !== 'string' || raw[key] === '')) return `\`${key}\` must name a property`;
  const spec: CompletionSpec = { field: raw.field, done };
  if (raw.failed !== undefined) spec.failed = values('failed');
  if (typeof raw.result === 'string') spec.result = raw.result;
  if (typeof raw.error === 'string') spec.error = raw.error;
  return spec;
}

/** The raw node at `pointer` of the bundled document, `$ref`s followed. */
function rawAt(contract: OpenApiContract, deref: SchemaDeref, pointer: string): Obj | undefined {
  const node = deref(getAt(contract.document, pointer) as JsonSchema);
  return isObject(node) ? node : undefined;
}

function operationPointer(op: HttpOperation): string {
  return `${toPointer(['paths', op.path])}/${op.method}`;
}

/** The 202 response object as written (for `links` and extensions the model does not keep). */
function acceptedNode(contract: OpenApiContract, op: HttpOperation, deref: SchemaDeref): Obj | undefined {
  const item = rawAt(contract, deref, toPointer(['paths', op.path]));
  const operation = item && isObject(item[op.method]) ? (item[op.method] as Obj) : undefined;
  const responses = operation && isObject(operation.responses) ? operation.responses : undefined;
  const accepted = responses ? deref(responses['202'] as JsonSchema) : undefined;
  return isObject(accepted) ? accepted : undefined;
}

/** The operation a `links` entry of a response names (`operationId`, or an `operationRef` into this document). */
function linkedOperation(contract: OpenApiContract, response: Obj | undefined): HttpOperation | undefined {
  const links = response && isObject(response.links) ? Object.values(response.links) : [];
  for (const link of links) {
    if (!isObject(link)) continue;
    if (typeof link.operationId === 'string') {
      const target = contract.operations.find((o) => o.operationId === link.operationId);
      if (target) return target;
    }
    const ref = link.operationRef;
    if (typeof ref === 'string' && ref.startsWith('#/paths/')) {
      // a URI fragment may percent-encode the braces of a path template
      const pointer = safeDecode(ref.slice(1));
      const target = contract.operations.find((o) => operationPointer(o) === pointer);
      if (target) return target;
    }
  }
  return undefined;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A GET one path parameter below the operation's path (`POST /orders/{id}/exports` → `GET /orders/{id}/exports/{exportId}`). */
function childGet(contract: OpenApiContract, op: HttpOperation): HttpOperation | undefined {
  const prefix = op.path.replace(/\/+$/, '');
  return contract.operations.find((o) => o.method === 'get' && o !== op && o.path.startsWith(`${prefix}/{`) && /^\/\{[^}/]+\}$/.test(o.path.slice(prefix.length)));
}

/** The JSON schema of an operation's first success response other than 202. */
function successSchema(op: HttpOperation): JsonSchema | undefined {
  for (const r of op.responses) {
    if (!/^2/.test(r.status) || r.status === '202') continue;
    const media = r.content.find((m) => isJsonMediaType(m.mediaType) && m.schema !== undefined);
    if (media) return media.schema;
  }
  return undefined;
}

/** Properties of an object schema, through `$ref` and `allOf`. */
function propertiesOf(schema: JsonSchema | undefined, deref: SchemaDeref, depth = 0): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  const s = schema === undefined ? undefined : deref(schema);
  if (!isObject(s) || depth > 8) return out;
  if (isObject(s.properties)) for (const [k, v] of Object.entries(s.properties)) out.set(k, v as JsonSchema);
  if (Array.isArray(s.allOf)) for (const part of s.allOf) for (const [k, v] of propertiesOf(part as JsonSchema, deref, depth + 1)) if (!out.has(k)) out.set(k, v);
  return out;
}

/** The schema at a dotted property path (`status.phase`). */
function propertyAt(schema: JsonSchema | undefined, path: string, deref: SchemaDeref): JsonSchema | undefined {
  let s = schema;
  for (const key of path.split('.')) s = propertiesOf(s, deref).get(key);
  return s;
}

/** A property that can hold a state: a string, a string enum, or untyped. */
function stateLike(schema: JsonSchema | undefined, deref: SchemaDeref): { values?: unknown[] } | undefined {
  const s = schema === undefined ? undefined : deref(schema);
  if (!isObject(s)) return s === true ? {} : undefined;
  if (Array.isArray(s.enum)) return s.enum.some((v) => typeof v === 'string') ? { values: s.enum } : undefined;
  if (s.type === 'string' || (Array.isArray(s.type) && s.type.includes('string'))) return {};
  return s.type === undefined && s.properties === undefined && s.items === undefined ? {} : undefined;
}

/** How a status body schema shows completion: a long-running operation's `done`, a state field, or nothing. */
function completionOfSchema(schema: JsonSchema | undefined, deref: SchemaDeref): CompletionSource | undefined {
  const props = propertiesOf(schema, deref);
  const done = props.get('done');
  const doneSchema = done === undefined ? undefined : deref(done);
  if (isObject(doneSchema) && doneSchema.type === 'boolean') return { kind: 'operation' };
  const candidates: [string, JsonSchema | undefined][] = STATE_FIELDS.map((f) => [f, props.get(f)]);
  for (const f of STATE_FIELDS) {
    const inner = propertiesOf(props.get(f), deref);
    for (const g of STATE_FIELDS) if (inner.has(g)) candidates.push([`${f}.${g}`, inner.get(g)]);
  }
  for (const [field, prop] of candidates) {
    const state = prop === undefined ? undefined : stateLike(prop, deref);
    if (!state) continue;
    if (!state.values) return { kind: 'state', field };
    const spec = completionFromEnum(field, state.values);
    if (!spec) return { kind: 'none', why: `its \`${field}\` enum (${state.values.map((v) => JSON.stringify(v)).join(', ')}) has no value that reads as done (such as \`succeeded\` or \`completed\`)` };
    return { kind: 'state', field, spec };
  }
  return undefined;
}

/**
 * The completion of `op` (an operation answering 202). `option` is the
 * generator's `completion` option, used when the contract has no extension.
 */
/** {@link asyncStatusOf} with `$ref`s followed in the contract's own bundled document (what generators call). */
export function acceptedStatusOf(contract: OpenApiContract, op: HttpOperation, option?: CompletionSpec): AsyncStatus {
  return asyncStatusOf(contract, op, documentDeref(contract.document), option);
}

export function asyncStatusOf(contract: OpenApiContract, op: HttpOperation, deref: SchemaDeref, option?: CompletionSpec): AsyncStatus {
  const accepted = acceptedNode(contract, op, deref);
  const statusOperation = linkedOperation(contract, accepted) ?? childGet(contract, op);
  const acceptedSchema = acceptedBodySchema(op);
  // without a status operation, a 202 body that is a status resource is what the polls answer
  const statusSchema = statusOperation ? successSchema(statusOperation) : completionOfSchema(acceptedSchema, deref) ? acceptedSchema : undefined;
  const out: AsyncStatus = { completion: { kind: 'none', why: '' } };
  if (statusOperation) out.statusOperation = statusOperation;

  const declaredRaw = accepted?.[COMPLETION_EXTENSION] ?? op.extensions[COMPLETION_EXTENSION];
  if (declaredRaw !== undefined) {
    const parsed = parseCompletionSpec(declaredRaw);
    const onResponse = accepted?.[COMPLETION_EXTENSION] !== undefined;
    const where = onResponse ? op.responses.find((r) => r.status === '202')!.location : op.location;
    if (typeof parsed === 'string') out.invalid = { message: `\`${COMPLETION_EXTENSION}\` of ${op.method.toUpperCase()} ${op.path}: ${parsed}.`, at: { ...where, pointer: `${where.pointer ?? ''}/${COMPLETION_EXTENSION}` } };
    else return declared(out, parsed, statusSchema, deref);
  }
  if (option) return declared(out, option, statusSchema, deref);

  if (statusOperation?.responses.some((r) => r.status === '303')) {
    out.completion = { kind: 'redirect' };
    const result = linkedOperation(contract, rawAt(contract, deref, `${operationPointer(statusOperation)}/responses/303`));
    const schema = result ? successSchema(result) : undefined;
    if (schema !== undefined) out.finalSchema = schema;
    return out;
  }
  // a state field decides when the body has one (an enum without a done value leaves completion unknown)
  const shown = completionOfSchema(statusSchema, deref);
  const busy = statusOperation?.responses.some((r) => r.status === '202');
  out.completion = shown ?? (busy ? { kind: 'busy-202' } : { kind: 'none', why: noneWhy(statusOperation) });
  // a long-running operation resolves with its `response`
  const final = (shown?.kind === 'operation' ? propertiesOf(statusSchema, deref).get('response') : undefined) ?? statusSchema;
  if (final !== undefined) out.finalSchema = final;
  return out;
}

function declared(out: AsyncStatus, spec: CompletionSpec, statusSchema: JsonSchema | undefined, deref: SchemaDeref): AsyncStatus {
  out.completion = { kind: 'declared', spec };
  const final = spec.result !== undefined ? propertyAt(statusSchema, spec.result, deref) : statusSchema;
  if (final !== undefined) out.finalSchema = final;
  return out;
}

/** The 202 response's JSON body schema. */
function acceptedBodySchema(op: HttpOperation): JsonSchema | undefined {
  const accepted = op.responses.find((r) => r.status === '202');
  return accepted?.content.find((m) => isJsonMediaType(m.mediaType) && m.schema !== undefined)?.schema;
}

function noneWhy(statusOperation: HttpOperation | undefined): string {
  if (!statusOperation) {
    return 'no status operation is linked from the 202 response (`links`) or found one path parameter below it, and the 202 body has no `status`, `state` or `phase` field';
  }
  const name = statusOperation.operationId ?? `${statusOperation.method.toUpperCase()} ${statusOperation.path}`;
  return `its status operation \`${name}\` answers with no \`status\`, \`state\` or \`phase\` field, no \`done\`, no 202 while busy and no 303 to the result`;
}
