/**
 * Revival plans for the `dateType: 'Date'` and `int64: 'bigint' | 'string'`
 * options: where in a response (or request) body the `date-time` strings and
 * `int64` integers sit, as the runtime's `RevivalPlan` data. Component
 * schemas that hold such values (directly or through references) get one
 * named entry in a plan table, so recursion and sharing cost nothing.
 */
import type { JsonSchema, OpenApiContract } from '../../contracts/model/types.js';
import { localRefTarget } from '../../contracts/openapi/local-ref.js';
import { pointerParts } from '../core/schema-ts/ref.js';
import type { TypedValueOptions } from '../core/schema-ts/types.js';

/** The typed-value options of the generator (the schema printer's; the plans here are their run-time side). */
export type { TypedValueOptions };

/** The runtime's plan shape (see runtime/src/http/revive.ts). */
export type Plan = 'date' | 'bigint' | 'string' | { r?: string; p?: Record<string, Plan>; i?: Plan; a?: Plan; u?: Plan[] };

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const PREFIX = '#/components/schemas/';

/** Plans for one contract: `planOf(schema)` (undefined when nothing needs reviving) and the table of named plans used. */
export interface Revivals {
  planOf(schema: JsonSchema | undefined): Plan | undefined;
  /** Named plans referenced so far (component name → plan), for the generated table. */
  table(): Record<string, Plan>;
  /** True when a plan holds int64 leaves (the operation must read integers exactly). */
  hasIntegers(plan: Plan | undefined): boolean;
}

/** Builds the plans of `contract` for `options`; all plans are undefined when both options are off. */
export function createRevivals(contract: OpenApiContract, options: TypedValueOptions): Revivals {
  const active = options.dateType === 'Date' || options.int64 !== 'number';
  const components = new Map(contract.schemas.map((s) => [s.name, s.schema]));
  const leaf = (s: Obj): Plan | undefined => {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (options.dateType === 'Date' && types.includes('string') && s.format === 'date-time') return 'date';
    if (options.int64 !== 'number' && types.includes('integer') && s.format === 'int64') return options.int64;
    return undefined;
  };
  const resolve = (ref: string): JsonSchema | undefined => localRefTarget(contract, ref);

  // which components need a plan: fixpoint over "has a leaf" and "references one that does"
  const needs = new Set<string>();
  const direct = new Map<string, { leaf: boolean; refs: Set<string> }>();
  const scan = (node: unknown, acc: { leaf: boolean; refs: Set<string> }, seen: Set<unknown>) => {
    if (!isObj(node) && !Array.isArray(node)) return;
    if (seen.has(node)) return;
    seen.add(node);
    if (isObj(node)) {
      if (leaf(node) !== undefined) acc.leaf = true;
      if (typeof node.$ref === 'string') {
        if (node.$ref.startsWith(PREFIX) && pointerParts(node.$ref).length === 3) acc.refs.add(pointerParts(node.$ref)[2]!);
        else if (node.$ref.startsWith('#')) scan(resolve(node.$ref), acc, seen);
      }
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'example' && k !== 'examples' && k !== 'default' && k !== 'enum' && k !== 'const') scan(v, acc, seen);
  };
  if (active) {
    for (const [name, schema] of components) {
      const acc = { leaf: false, refs: new Set<string>() };
      scan(schema, acc, new Set());
      direct.set(name, acc);
      if (acc.leaf) needs.add(name);
    }
    for (let changed = true; changed; ) {
      changed = false;
      for (const [name, d] of direct) if (!needs.has(name) && [...d.refs].some((r) => needs.has(r))) needs.add(name), (changed = true);
    }
  }

  const used = new Map<string, Plan>();
  const building = new Set<string>();
  const named = (name: string): Plan | undefined => {
    if (!needs.has(name)) return undefined;
    if (!used.has(name) && !building.has(name)) {
      building.add(name);
      const p = plan(components.get(name), new Set());
      building.delete(name);
      if (p !== undefined) used.set(name, p);
    }
    return { r: name };
  };
  function plan(schema: JsonSchema | undefined, stack: Set<string>): Plan | undefined {
    if (!isObj(schema)) return undefined;
    if (typeof schema.$ref === 'string') {
      const ref = schema.$ref;
      if (ref.startsWith(PREFIX) && pointerParts(ref).length === 3) return named(pointerParts(ref)[2]!);
      if (!ref.startsWith('#') || stack.has(ref)) return undefined;
      return plan(resolve(ref), new Set([...stack, ref]));
    }
    const l = leaf(schema);
    if (l !== undefined) return l;
    const node: Exclude<Plan, string> = {};
    if (isObj(schema.properties)) {
      const p: Record<string, Plan> = {};
      for (const [k, v] of Object.entries(schema.properties)) {
        const sub = plan(v as JsonSchema, stack);
        if (sub !== undefined) p[k] = sub;
      }
      if (Object.keys(p).length) node.p = p;
    }
    const items = plan(schema.items as JsonSchema | undefined, stack);
    if (items !== undefined) node.i = items;
    const extra = isObj(schema.additionalProperties) ? plan(schema.additionalProperties as JsonSchema, stack) : undefined;
    if (extra !== undefined) node.a = extra;
    const alternatives = [...(Array.isArray(schema.allOf) ? schema.allOf : []), ...(Array.isArray(schema.oneOf) ? schema.oneOf : []), ...(Array.isArray(schema.anyOf) ? schema.anyOf : [])]
      .map((m) => plan(m as JsonSchema, stack))
      .filter((m): m is Plan => m !== undefined);
    if (alternatives.length) node.u = alternatives;
    return Object.keys(node).length ? node : undefined;
  }
  const hasIntegers = (p: Plan | undefined, seen = new Set<string>()): boolean => {
    if (p === undefined || p === 'date') return false;
    if (p === 'bigint' || p === 'string') return true;
    if (p.r !== undefined) {
      if (seen.has(p.r)) return false;
      seen.add(p.r);
      if (hasIntegers(used.get(p.r), seen)) return true;
    }
    return [...Object.values(p.p ?? {}), p.i, p.a, ...(p.u ?? [])].some((x) => hasIntegers(x, seen));
  };
  return {
    planOf: (schema) => (active ? plan(schema, new Set()) : undefined),
    table: () => Object.fromEntries([...used.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    hasIntegers: (p) => hasIntegers(p),
  };
}
