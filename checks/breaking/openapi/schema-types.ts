/**
 * Types of a compared schema pair: `type` and `format` (generalized,
 * specialized, changed), nullability (`nullable: true` or a `null` in a 3.1
 * type array), and oasdiff's "list of types".
 *
 * A list of types is a schema that allows several scalar types, written as a
 * `oneOf`/`anyOf` whose members are each a plain single-type schema
 * (`oneOf: [{type: string}, {type: integer}]`) or, in OpenAPI 3.1, as a type
 * array (`type: [string, integer]`). When either version is such a list and
 * the other is a list or a single type, the change is one
 * `…-list-of-types-widened` / `…-list-of-types-narrowed` finding instead of a
 * type change plus `oneOf` members added or removed. Direction as oasdiff sets
 * it: a request (what clients send) is narrowed when a type is gone, else
 * widened; a response (what clients read) is widened when a type appeared,
 * else narrowed. `null` is left to the nullable checks.
 */
import { child, deref, isObject, type DiffContext, type Json, type Side } from './context.js';
import type { Direction, LocalChange, SchemaNode } from './schema-compare.js';
import { verb } from './schema-report.js';

interface TypePattern {
  types: Set<string>;
  list: boolean;
}

function scalarTypes(s: Json): string[] | undefined {
  const t = s.type;
  const list = Array.isArray(t) ? t : typeof t === 'string' ? [t] : undefined;
  if (!list || !list.every((x) => typeof x === 'string')) return undefined;
  return (list as string[]).filter((x) => x !== 'null');
}

/** One member of a list: a schema with exactly one type and no structure of its own. */
function memberType(side: Side, raw: unknown, ptr: string): string | undefined {
  const s = deref(side, raw, ptr).node;
  if (!s || s.properties !== undefined || s.oneOf !== undefined || s.anyOf !== undefined || s.allOf !== undefined) return undefined;
  const types = scalarTypes(s);
  return types && types.length === 1 ? types[0] : undefined;
}

/** The types a schema allows, when it is a single type or a list of them; undefined otherwise. */
function patternOf(side: Side, s: Json, ptr: string): TypePattern | undefined {
  if (s.not !== undefined || s.allOf !== undefined || (isObject(s.properties) && Object.keys(s.properties).length > 0)) return undefined;
  const own = scalarTypes(s);
  if (own && own.length > 0) return { types: new Set(own), list: own.length > 1 };
  for (const kw of ['oneOf', 'anyOf'] as const) {
    const members = s[kw];
    if (!Array.isArray(members) || members.length === 0) continue;
    const types = members.map((m, i) => memberType(side, m, child(ptr, kw, i)));
    if (types.every((t): t is string => t !== undefined)) return { types: new Set(types), list: true };
    return undefined;
  }
  return undefined;
}

/**
 * The list-of-types change between two resolved schemas, or undefined when
 * neither is a list of types or the allowed types are the same.
 */
function typeListChange(prev: Side, curr: Side, p: Json, c: Json, pp: string, cp: string, dir: Direction): LocalChange | undefined {
  const a = patternOf(prev, p, pp);
  const b = patternOf(curr, c, cp);
  if (!a || !b || !(a.list || b.list)) return undefined;
  const added = [...b.types].filter((t) => !a.types.has(t)).sort();
  const deleted = [...a.types].filter((t) => !b.types.has(t)).sort();
  if (added.length === 0 && deleted.length === 0) return undefined;
  const narrowed = dir === 'request' ? deleted.length > 0 : added.length === 0;
  const text = narrowed ? `had the type${deleted.length > 1 ? 's' : ''} ${deleted.join(', ')} removed from its list of types` : `had the type${added.length > 1 ? 's' : ''} ${added.join(', ')} added to its list of types`;
  return { suffix: narrowed ? 'list-of-types-narrowed' : 'list-of-types-widened', args: { text }, prev: pp, curr: cp };
}

/** The types a schema names, `null` left out. */
export function typeSet(s: Json): Set<string> {
  const t = s.type;
  const list = Array.isArray(t) ? t : typeof t === 'string' ? [t] : [];
  return new Set(list.filter((x): x is string => typeof x === 'string' && x !== 'null'));
}

function nullable(s: Json): boolean {
  return s.nullable === true || (Array.isArray(s.type) && s.type.includes('null'));
}

/** Whether type `t` is in `set`, an integer also within a number. */
export function covered(t: string, set: Set<string>): boolean {
  return set.has(t) || (t === 'integer' && set.has('number'));
}

function label(types: Set<string>, format: unknown): string {
  const t = types.size ? [...types].sort().join('|') : 'any';
  return typeof format === 'string' ? `${t}/${format}` : t;
}

/**
 * oasdiff's "compatible" type swaps: where values travel as text (a body whose
 * media type is not JSON, a response header), anything can become a string.
 * A request may swap to string (clients' old values still parse); a response
 * may swap from string (clients reading a string still can). Marked on a plain
 * type change for the reporter, which knows the location; a format change too
 * keeps it a type change.
 */
function looseSwap(pt: Set<string>, ct: Set<string>, pf: unknown, cf: unknown): Record<string, string> {
  if (pt.size === 0 || ct.size === 0 || pf !== cf) return {};
  const toString = (from: Set<string>, to: Set<string>) => {
    const gained = [...to].filter((t) => !from.has(t));
    return gained.length === 0 || (gained.length === 1 && gained[0] === 'string');
  };
  const out: Record<string, string> = {};
  if (toString(pt, ct)) out.looseRequest = 'compatible';
  if (toString(ct, pt)) out.looseResponse = 'compatible';
  return out;
}

/** The type (or format) change between two schemas, if any. */
function typeChange(p: Json, c: Json, pp: string, cp: string): LocalChange | undefined {
  const pt = typeSet(p);
  const ct = typeSet(c);
  const args = { from: label(pt, p.format), to: label(ct, c.format) };
  const same = pt.size === ct.size && [...pt].every((t) => ct.has(t));
  if (!same) {
    const widened = pt.size > 0 && (ct.size === 0 || [...pt].every((t) => covered(t, ct)));
    const narrowed = ct.size > 0 && (pt.size === 0 || [...ct].every((t) => covered(t, pt)));
    if (widened || narrowed) return { suffix: widened ? 'type-generalized' : 'type-specialized', args, prev: pp, curr: cp };
    return { suffix: 'type-changed', args: { ...args, ...looseSwap(pt, ct, p.format, c.format) }, prev: pp, curr: cp };
  }
  if (p.format !== c.format && (pt.size > 0 || ct.size > 0)) {
    const suffix = p.format !== undefined && c.format === undefined ? 'type-generalized' : p.format === undefined ? 'type-specialized' : 'type-changed';
    return { suffix, args, prev: pp, curr: cp };
  }
  return undefined;
}

/**
 * Records the type, list-of-types and nullability changes of a pair (none when
 * `compare` is false: a body wrapped in a oneOf is reported as that alone).
 * Returns true when a list-of-types change was recorded: the caller then leaves
 * the oneOf/anyOf members alone.
 */
export function compareTypes(ctx: DiffContext, node: SchemaNode, p: Json, c: Json, pp: string, cp: string, dir: Direction, compare: boolean): boolean {
  if (!compare) return false;
  const list = typeListChange(ctx.prev, ctx.curr, p, c, pp, cp, dir);
  const plain = typeChange(p, c, pp, cp);
  if (list) {
    // Response headers have no list-of-types id: there the plain type change is reported instead.
    if (plain) Object.assign(list.args, { fallback: plain.suffix, fallbackText: verb(plain) });
    node.changes.push(list);
  } else if (plain) node.changes.push(plain);
  const pn = nullable(p);
  const cn = nullable(c);
  if (pn !== cn) node.changes.push({ suffix: cn ? 'became-nullable' : 'became-not-nullable', args: {}, prev: pp, curr: cp });
  return list !== undefined;
}
