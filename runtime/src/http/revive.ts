/**
 * Typed values JSON cannot carry: `date-time` strings as `Date`s and `int64`
 * integers as `bigint`s or strings (the `dateType` and `int64` generator
 * options). Generated code describes where such values sit with a small
 * revival plan; integers beyond 2^53 are read losslessly from the JSON text.
 */
import type { Reviver } from './types.js';

/**
 * Where the typed values are: a leaf (`date`, `bigint`, `string` for int64
 * as text), or a node with properties (`p`), array items (`i`), additional
 * properties (`a`), alternatives all tried (`u`) and a reference into the plan table (`r`).
 */
export type RevivalPlan = 'date' | 'bigint' | 'string' | { r?: string; p?: Record<string, RevivalPlan>; i?: RevivalPlan; a?: RevivalPlan; u?: RevivalPlan[] };

/** Named plans (one per component schema that holds typed values), for references and recursion. */
export type RevivalTable = Record<string, RevivalPlan>;

// An integer too large for a double, kept as text by parseJsonPrecise until a plan claims it.
const MARK = '\u0000int:';

function integerText(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v).toString();
  if (typeof v === 'string') {
    const t = v.startsWith(MARK) ? v.slice(MARK.length) : v;
    if (/^-?\d+$/.test(t)) return t;
  }
  return undefined;
}

function apply(value: unknown, plan: RevivalPlan | undefined, table: RevivalTable, depth: number): unknown {
  if (plan === undefined || depth > 200) return value;
  if (plan === 'date') {
    if (typeof value !== 'string') return value;
    const d = new Date(value);
    return Number.isNaN(d.getTime()) ? value : d;
  }
  if (plan === 'bigint' || plan === 'string') {
    const text = integerText(value);
    return text === undefined ? value : plan === 'bigint' ? BigInt(text) : text;
  }
  let v = value;
  if (plan.r !== undefined) v = apply(v, table[plan.r], table, depth + 1);
  if (v !== null && typeof v === 'object' && !(v instanceof Date)) {
    if (Array.isArray(v)) {
      if (plan.i !== undefined) for (let k = 0; k < v.length; k++) v[k] = apply(v[k], plan.i, table, depth + 1);
    } else {
      const o = v as Record<string, unknown>;
      if (plan.p) for (const k in plan.p) if (k in o) o[k] = apply(o[k], plan.p[k], table, depth + 1);
      if (plan.a !== undefined) for (const k of Object.keys(o)) if (!plan.p || !(k in plan.p)) o[k] = apply(o[k], plan.a, table, depth + 1);
    }
  }
  if (plan.u) for (const m of plan.u) v = apply(v, m, table, depth + 1);
  return v;
}

/** A reviver for `plan` (changes the decoded value in place and returns it). */
export function reviver(table: RevivalTable, plan: RevivalPlan): Reviver {
  return (value) => apply(value, plan, table, 0);
}

/**
 * For request bodies in `int64: 'string'` mode: a deep copy in which the
 * planned integers are `bigint`s, so they are sent as JSON numbers.
 */
export function preparer(table: RevivalTable, plan: RevivalPlan): Reviver {
  const toBig = (p: RevivalPlan): RevivalPlan => (p === 'string' ? 'bigint' : p);
  const bigTable: RevivalTable = Object.fromEntries(Object.entries(table).map(([k, p]) => [k, mapLeaves(p, toBig)]));
  const bigPlan = mapLeaves(plan, toBig);
  return (value) => apply(structuredClone(value), bigPlan, bigTable, 0);
}

function mapLeaves(plan: RevivalPlan, f: (p: RevivalPlan) => RevivalPlan): RevivalPlan {
  if (typeof plan === 'string') return f(plan);
  const out: Exclude<RevivalPlan, string> = {};
  if (plan.r !== undefined) out.r = plan.r;
  if (plan.p) out.p = Object.fromEntries(Object.entries(plan.p).map(([k, p]) => [k, mapLeaves(p, f)]));
  if (plan.i !== undefined) out.i = mapLeaves(plan.i, f);
  if (plan.a !== undefined) out.a = mapLeaves(plan.a, f);
  if (plan.u) out.u = plan.u.map((p) => mapLeaves(p, f));
  return out;
}

/**
 * JSON.parse that keeps integers beyond ±2^53 exact: they come back as marked
 * text that a plan turns into a `bigint` or a string; {@link unmarkIntegers} turns any left into numbers.
 */
export function parseJsonPrecise(text: string): unknown {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92 /* \ */) i++;
      continue;
    }
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      let j = i + 1;
      while (j < text.length && /[\d.eE+-]/.test(text[j]!)) j++;
      const token = text.slice(i, j);
      if (/^-?\d{16,}$/.test(token) && !Number.isSafeInteger(Number(token))) {
        out += text.slice(last, i) + JSON.stringify(MARK + token);
        last = j;
      }
      i = j - 1;
    }
  }
  return JSON.parse(last === 0 ? text : out + text.slice(last));
}

/** Turns integers {@link parseJsonPrecise} kept as text, and no plan claimed, back into numbers. */
export function unmarkIntegers(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.startsWith(MARK) ? Number(value.slice(MARK.length)) : value;
  if (value === null || typeof value !== 'object' || depth > 200 || value instanceof Date) return value;
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) value[k] = unmarkIntegers(value[k], depth + 1);
  } else {
    const o = value as Record<string, unknown>;
    for (const k of Object.keys(o)) o[k] = unmarkIntegers(o[k], depth + 1);
  }
  return value;
}

/** JSON.stringify that writes `bigint`s as JSON numbers (exact). */
export function stringifyJson(value: unknown): string {
  let big = false;
  const text = JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v !== 'bigint') return v;
    big = true;
    return MARK + v.toString();
  });
  return big ? text.replace(/"\\u0000int:(-?\d+)"/g, '$1') : text;
}
