/**
 * Structural comparison of two JSON Schemas through the `$ref`s of their
 * documents.
 *
 * Each pair of schema locations (previous pointer, current pointer, direction)
 * is compared once and memoized: a schema shared by a thousand operations costs
 * one comparison. The result is a graph of {@link SchemaNode}s: the changes
 * found at that schema and edges to the compared sub-schemas (properties,
 * items, oneOf members). A pair met again while it is being compared (a
 * recursive schema) returns the node under construction, so recursion ends at
 * once and the graph simply has a cycle; the reporter walks it without
 * revisiting a node on the current path.
 *
 * Changes are recorded by suffix (`max-length-decreased`, `enum-value-removed`)
 * without judging them: the reporter joins the suffix to the scope
 * (`request-property`, `response-body`, …) and the catalogue decides whether
 * that is an oasdiff change at all. So direction only matters here for
 * readOnly/writeOnly properties, which one side never sees (schema-mutability.ts),
 * and for lists of types (schema-types.ts).
 */
import { UsageError } from '../../../contracts/errors.js';
import { deref, isObject, child, lookup, type DiffContext, type Json, type Side } from './context.js';
import { compareKeywords } from './schema-keywords.js';
import { compareTypes } from './schema-types.js';
import { compareFlags, hiddenPropertyAddedOrRemoved, hiddenPropertyChanged, isHidden, mutabilityOf } from './schema-mutability.js';
import { verb } from './schema-report.js';

/** Request (what clients send) or response (what clients read). */
export type Direction = 'request' | 'response';

/** One change found at a schema. `prop` names the property it is about, when it is about one. */
export interface LocalChange {
  suffix: string;
  args: Record<string, string>;
  prop?: string;
  /** Pointers of the schema (or property) in each document, when it exists there. */
  prev?: string;
  curr?: string;
}

/** A compared pair of schemas. */
export interface SchemaNode {
  changes: LocalChange[];
  children: { segment: string; node: SchemaNode }[];
  /** Set by {@link markLive}: this node or one reachable from it has changes. */
  live: boolean;
}

/** The memo of one diff (one per direction is kept in the key). */
export interface SchemaMemo {
  nodes: Map<string, SchemaNode>;
  all: SchemaNode[];
}

/** Creates an empty memo. */
export function createSchemaMemo(): SchemaMemo {
  return { nodes: new Map(), all: [] };
}

const EMPTY: SchemaNode = { changes: [], children: [], live: false };

/** Compares a previous and a current schema (either may be a `$ref`) written at the given pointers. */
export function compareSchemas(
  ctx: DiffContext,
  memo: SchemaMemo,
  prevRaw: unknown,
  currRaw: unknown,
  prevPtr: string,
  currPtr: string,
  dir: Direction,
): SchemaNode {
  // The boolean schema `false` (OpenAPI 3.1) accepts nothing: becoming it, or ceasing to be it, is the whole change.
  const pf = isFalseSchema(ctx.prev, prevRaw);
  const cf = isFalseSchema(ctx.curr, currRaw);
  if (pf !== cf) return falseSchemaNode(memo, pf, cf, prevPtr, currPtr, dir);
  const p = deref(ctx.prev, prevRaw, prevPtr);
  const c = deref(ctx.curr, currRaw, currPtr);
  if (!p.node || !c.node) return EMPTY;
  const key = `${dir}\u0000${p.pointer}\u0000${c.pointer}`;
  const hit = memo.nodes.get(key);
  if (hit) return hit;
  const node: SchemaNode = { changes: [], children: [], live: false };
  memo.nodes.set(key, node);
  memo.all.push(node);
  // $refs can nest schemas far deeper than the text (a chain of 3,000 components): the
  // comparison recurses, so it stops at a documented depth with a finding at the schema
  if (++comparing > MAX_SCHEMA_DEPTH) {
    comparing = 0;
    throw tooDeepSchema(ctx.curr.contract.file, c.pointer);
  }
  try {
    fill(ctx, memo, node, p.node, c.node, p.pointer, c.pointer, dir);
  } finally {
    if (comparing > 0) comparing--;
  }
  return node;
}

/** How many schemas deep (through properties, items, combinators and `$ref`s) a breaking comparison goes (docs/limits.md). */
export const MAX_SCHEMA_DEPTH = 500;

// schemas on the current comparison path (compareSchemas ↔ fill recursion)
let comparing = 0;

function tooDeepSchema(file: string, pointer: string): UsageError {
  return new UsageError(`A schema in ${file} nests deeper than ${MAX_SCHEMA_DEPTH} levels.`, [
    {
      ruleId: 'breaking/too-deep',
      severity: 'error',
      kind: 'openapi',
      file,
      pointer,
      message: `This schema is nested more than ${MAX_SCHEMA_DEPTH} schemas deep (through properties, items and $refs); contractkit compares schemas up to ${MAX_SCHEMA_DEPTH} levels deep.`,
      hint: 'Make the chain recursive (a $ref back to a schema already on the path is fine) or flatten it (see docs/limits.md).',
    },
  ]);
}

/** Whether a schema (through a `$ref`) is the boolean schema `false`. */
function isFalseSchema(side: Side, raw: unknown): boolean {
  if (raw === false) return true;
  return isObject(raw) && typeof raw.$ref === 'string' && lookup(side, raw.$ref) === false;
}

function falseSchemaNode(memo: SchemaMemo, pf: boolean, cf: boolean, prevPtr: string, currPtr: string, dir: Direction): SchemaNode {
  const key = `${dir}\u0000false\u0000${prevPtr}\u0000${currPtr}`;
  const hit = memo.nodes.get(key);
  if (hit) return hit;
  const node: SchemaNode = { changes: [{ suffix: cf ? 'schema-became-false' : 'schema-became-not-false', args: {}, prev: prevPtr, curr: currPtr }], children: [], live: false };
  memo.nodes.set(key, node);
  memo.all.push(node);
  return node;
}

function add(node: SchemaNode, suffix: string, prev: string | undefined, curr: string | undefined, args: Record<string, string> = {}, prop?: string): void {
  node.changes.push({ suffix, args, prop, prev, curr });
}

function fill(ctx: DiffContext, memo: SchemaMemo, node: SchemaNode, p: Json, c: Json, pp: string, cp: string, dir: Direction): void {
  const moved = wrappedInOneOf(ctx, p, c, cp);
  // A body wrapped into a oneOf is one change (oasdiff #702): its raw type change to
  // "any", its added alternatives and the properties that moved into them are not.
  // When an alternative is the previous schema itself, every payload valid before still
  // matches it (a warning: oneOf rejects one that also matches another alternative).
  if (moved) {
    const suffix = originalPreserved(ctx, memo, p, c, pp, cp, dir) ? 'wrapped-in-one-of-original-preserved' : 'wrapped-in-one-of';
    add(node, suffix, pp, child(cp, 'oneOf'), { count: String((c.oneOf as unknown[]).length) });
  }
  // A list of types that gained or lost one is one change too: its oneOf/anyOf members are not compared.
  const list = compareTypes(ctx, node, p, c, pp, cp, dir, !moved);
  compareEnums(node, p, c, pp, cp);
  compareBounds(node, p, c, pp, cp);
  comparePattern(node, p, c, pp, cp);
  compareKeywords(ctx, node, p, c, pp, cp);
  compareProperties(ctx, memo, node, p, c, pp, cp, dir, moved);
  if (p.items !== undefined && c.items !== undefined) {
    const sub = compareSchemas(ctx, memo, p.items, c.items, child(pp, 'items'), child(cp, 'items'), dir);
    if (sub !== EMPTY) node.children.push({ segment: 'items', node: sub });
  } else if (p.items === undefined && isFalseSchema(ctx.curr, c.items)) add(node, 'schema-became-false', undefined, child(cp, 'items'), {}, 'items');
  else if (c.items === undefined && isFalseSchema(ctx.prev, p.items)) add(node, 'schema-became-not-false', child(pp, 'items'), undefined, {}, 'items');
  for (const kw of ['oneOf', 'anyOf', 'allOf'] as const) {
    if ((moved && kw === 'oneOf') || (list && kw !== 'allOf')) continue;
    compareComposition(ctx, memo, node, kw, p, c, pp, cp, dir);
  }
}

// ------------------------------------------------------------------ values

function valueSet(v: unknown): Map<string, unknown> | undefined {
  if (!Array.isArray(v)) return undefined;
  return new Map(v.map((x) => [JSON.stringify(x), x]));
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function compareEnums(node: SchemaNode, p: Json, c: Json, pp: string, cp: string): void {
  for (const kw of ['enum', 'x-extensible-enum'] as const) {
    const pe = valueSet(p[kw]);
    const ce = valueSet(c[kw]);
    const prefix = kw === 'enum' ? '' : 'x-extensible-';
    if (!pe && ce) {
      if (kw === 'enum') add(node, 'became-enum', pp, cp);
      continue;
    }
    if (!pe || !ce) continue;
    for (const [k, v] of pe) if (!ce.has(k)) add(node, `${prefix}enum-value-removed`, pp, cp, { value: show(v) });
    for (const [k, v] of ce) if (!pe.has(k) && kw === 'enum') add(node, 'enum-value-added', pp, cp, { value: show(v) });
  }
  if (p.default !== undefined || c.default !== undefined) {
    const pd = JSON.stringify(p.default);
    const cd = JSON.stringify(c.default);
    if (pd !== cd) {
      const suffix = p.default === undefined ? 'default-value-added' : c.default === undefined ? 'default-value-removed' : 'default-value-changed';
      add(node, suffix, pp, cp, { from: pd ?? '', to: cd ?? '' });
    }
  }
}

// ------------------------------------------------------------------ bounds

/** keyword → [suffix stem, value assumed when absent (undefined: none)]. */
const UPPER: [string, string][] = [
  ['maxLength', 'max-length'],
  ['maximum', 'max'],
  ['maxItems', 'max-items'],
];
const LOWER: [string, string, number | undefined][] = [
  ['minLength', 'min-length', 0],
  ['minimum', 'min', undefined],
  ['minItems', 'min-items', 0],
];

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function compareBounds(node: SchemaNode, p: Json, c: Json, pp: string, cp: string): void {
  for (const [kw, stem] of UPPER) {
    const a = num(p[kw]);
    const b = num(c[kw]);
    if (a === b) continue;
    const args = { keyword: kw, from: String(a ?? 'none'), to: String(b ?? 'none') };
    if (a === undefined) add(node, `${stem}-set`, pp, cp, args);
    else if (b === undefined) add(node, `${stem}-unset`, pp, cp, args);
    else add(node, `${stem}-${b < a ? 'decreased' : 'increased'}`, pp, cp, args);
  }
  for (const [kw, stem, absent] of LOWER) {
    const a = num(p[kw]) ?? absent;
    const b = num(c[kw]) ?? absent;
    if (a === b) continue;
    const args = { keyword: kw, from: String(a ?? 'none'), to: String(b ?? 'none') };
    // minItems/minLength default to 0, so "set" means raised from 0 — oasdiff still names a
    // fresh minItems "set"; a fresh minLength is an increase.
    if (p[kw] === undefined && stem !== 'min-length') add(node, `${stem}-set`, pp, cp, args);
    else if (c[kw] === undefined && stem !== 'min-length') add(node, `${stem}-unset`, pp, cp, args);
    else if (a !== undefined && b !== undefined) add(node, `${stem}-${b < a ? 'decreased' : 'increased'}`, pp, cp, args);
  }
}

function comparePattern(node: SchemaNode, p: Json, c: Json, pp: string, cp: string): void {
  const a = typeof p.pattern === 'string' ? p.pattern : undefined;
  const b = typeof c.pattern === 'string' ? c.pattern : undefined;
  if (a === b) return;
  // oasdiff calls a change to `.*` (anything) generalized, and any other change unknowable.
  const suffix = a === undefined ? 'pattern-added' : b === undefined ? 'pattern-removed' : b === '.*' ? 'pattern-generalized' : 'pattern-changed';
  add(node, suffix, pp, cp, { from: a ?? '', to: b ?? '' });
}

// ------------------------------------------------------------------ objects

function requiredSet(s: Json): Set<string> {
  return new Set(Array.isArray(s.required) ? s.required.filter((x): x is string => typeof x === 'string') : []);
}

/**
 * oasdiff's "oneOf wrapping": a concrete object (properties, no oneOf) became a
 * oneOf with no type or properties of its own, and some of its properties live
 * on in an alternative. Returns the names that moved, or undefined.
 */
function wrappedInOneOf(ctx: DiffContext, p: Json, c: Json, cp: string): Set<string> | undefined {
  if (!Array.isArray(c.oneOf) || c.oneOf.length === 0 || p.oneOf !== undefined) return undefined;
  if (!isObject(p.properties) || c.properties !== undefined || c.type !== undefined) return undefined;
  const names = Object.keys(p.properties);
  if (names.length === 0) return undefined;
  const moved = new Set<string>();
  c.oneOf.forEach((alt, i) => {
    const props = deref(ctx.curr, alt, child(cp, 'oneOf', i)).node?.properties;
    if (isObject(props)) for (const n of names) if (n in props) moved.add(n);
  });
  return moved.size ? moved : undefined;
}

/** Suffixes of changes that leave what a schema accepts as it was (annotations, lifecycle). */
export const ANNOTATION_ONLY = /^(default-value-|discriminator-|deprecated|reactivated|sunset-|stability-)/;

/**
 * Whether one alternative of the new oneOf has the validation contract of the
 * previous schema: compared with it, nothing but annotations changed, down to
 * its deepest sub-schema.
 */
function originalPreserved(ctx: DiffContext, memo: SchemaMemo, p: Json, c: Json, pp: string, cp: string, dir: Direction): boolean {
  return (c.oneOf as unknown[]).some((alt, i) => {
    const ptr = child(cp, 'oneOf', i);
    if (!deref(ctx.curr, alt, ptr).node) return false;
    return !differs(compareSchemas(ctx, memo, p, alt, pp, ptr, dir));
  });
}

/** Whether a change other than an annotation is reachable from `node` (cycle-safe). */
function differs(node: SchemaNode): boolean {
  return differsBeyond(node, ANNOTATION_ONLY);
}

/** Whether a change whose suffix `ignored` does not match is reachable from `node` (cycle-safe). */
export function differsBeyond(node: SchemaNode, ignored: RegExp): boolean {
  const seen = new Set<SchemaNode>([node]);
  const stack = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.changes.some((ch) => !ignored.test(ch.suffix))) return true;
    for (const ch of n.children) {
      if (seen.has(ch.node)) continue;
      seen.add(ch.node);
      stack.push(ch.node);
    }
  }
  return false;
}

function compareProperties(ctx: DiffContext, memo: SchemaMemo, node: SchemaNode, p: Json, c: Json, pp: string, cp: string, dir: Direction, moved?: Set<string>): void {
  const pprops = isObject(p.properties) ? p.properties : {};
  const cprops = isObject(c.properties) ? c.properties : {};
  const preq = requiredSet(p);
  const creq = requiredSet(c);
  for (const name of Object.keys(pprops)) {
    const pptr = child(pp, 'properties', name);
    const pm = mutabilityOf(ctx, 'prev', pprops[name], pptr);
    if (!(name in cprops)) {
      if (isHidden(pm, dir)) hiddenPropertyAddedOrRemoved(node, name, preq.has(name), true, pptr, dir);
      else if (moved?.has(name)) continue;
      else add(node, preq.has(name) ? 'required-property-removed' : 'optional-property-removed', pptr, undefined, {}, name);
      continue;
    }
    const cptr = child(cp, 'properties', name);
    const cm = mutabilityOf(ctx, 'curr', cprops[name], cptr);
    compareFlags(node, name, pm, cm, dir === 'request' ? preq.has(name) && creq.has(name) : preq.has(name), pptr, cptr);
    if (isHidden(pm, dir) || isHidden(cm, dir)) {
      // Invisible on this side in one version: the flip says it all. In both: only oasdiff's read-only / write-only variants.
      if (isHidden(pm, dir) && isHidden(cm, dir)) {
        const sub = compareSchemas(ctx, memo, pprops[name], cprops[name], pptr, cptr, dir);
        hiddenPropertyChanged(node, name, !preq.has(name) && creq.has(name), preq.has(name) && !creq.has(name), sub, pptr, cptr, dir, verb);
      }
      continue;
    }
    if (!preq.has(name) && creq.has(name)) add(node, hasDefault(ctx, cprops[name], cptr) ? 'became-required-with-default' : 'became-required', pptr, cptr, {}, name);
    if (preq.has(name) && !creq.has(name)) add(node, 'became-optional', pptr, cptr, {}, name);
    const sub = compareSchemas(ctx, memo, pprops[name], cprops[name], pptr, cptr, dir);
    if (sub !== EMPTY) node.children.push({ segment: name, node: sub });
  }
  for (const name of Object.keys(cprops)) {
    if (name in pprops) continue;
    const cptr = child(cp, 'properties', name);
    if (isHidden(mutabilityOf(ctx, 'curr', cprops[name], cptr), dir)) {
      hiddenPropertyAddedOrRemoved(node, name, creq.has(name), false, cptr, dir);
      continue;
    }
    const suffix = creq.has(name) ? (hasDefault(ctx, cprops[name], cptr) ? 'required-property-added-with-default' : 'required-property-added') : 'optional-property-added';
    add(node, suffix, undefined, cptr, {}, name);
  }
}

function hasDefault(ctx: DiffContext, raw: unknown, ptr: string): boolean {
  return deref(ctx.curr, raw, ptr).node?.default !== undefined;
}

// ------------------------------------------------------------------ composition

/** Keys sub-schemas by their `$ref` (so reordering does not matter), inline ones by position. */
function members(list: unknown): Map<string, { raw: unknown; index: number }> {
  const out = new Map<string, { raw: unknown; index: number }>();
  if (!Array.isArray(list)) return out;
  list.forEach((raw, index) => {
    const ref = isObject(raw) && typeof raw.$ref === 'string' ? raw.$ref.split('/').pop()! : `#${index}`;
    out.set(out.has(ref) ? `${ref}#${index}` : ref, { raw, index });
  });
  return out;
}

function compareComposition(ctx: DiffContext, memo: SchemaMemo, node: SchemaNode, kw: 'oneOf' | 'anyOf' | 'allOf', p: Json, c: Json, pp: string, cp: string, dir: Direction): void {
  if (p[kw] === undefined && c[kw] === undefined) return;
  const stem = kw === 'oneOf' ? 'one-of' : kw === 'anyOf' ? 'any-of' : 'all-of';
  const pm = members(p[kw]);
  const cm = members(c[kw]);
  // An allOf member holding only annotations accepts everything: oasdiff names it apart (info).
  const note = (side: Side, raw: unknown, ptr: string): string => (kw === 'allOf' && annotationOnly(side, raw, ptr) ? '-annotation-only' : '');
  for (const [k, v] of pm) {
    const w = cm.get(k);
    const ptr = child(pp, kw, v.index);
    if (!w) add(node, `${stem}-removed${note(ctx.prev, v.raw, ptr)}`, ptr, undefined, { member: k, keyword: kw });
    else {
      const sub = compareSchemas(ctx, memo, v.raw, w.raw, ptr, child(cp, kw, w.index), dir);
      if (sub !== EMPTY) node.children.push({ segment: `${kw}[${k}]`, node: sub });
    }
  }
  for (const [k, w] of cm) {
    const ptr = child(cp, kw, w.index);
    if (!pm.has(k)) add(node, `${stem}-added${note(ctx.curr, w.raw, ptr)}`, undefined, ptr, { member: k, keyword: kw });
  }
}

/** Keywords that describe a schema without constraining what it accepts. */
const ANNOTATION_KEYWORDS = new Set(['title', 'description', 'example', 'examples', 'default', 'externalDocs', '$comment', 'deprecated']);

/** Whether a schema (through its `$ref`) holds annotations only, so accepts what `{}` accepts. */
function annotationOnly(side: Side, raw: unknown, ptr: string): boolean {
  const node = deref(side, raw, ptr).node;
  return node !== undefined && Object.keys(node).every((k) => ANNOTATION_KEYWORDS.has(k) || k.startsWith('x-'));
}

/** Marks every node from which a change is reachable (reverse reachability, linear, cycle-safe). */
export function markLive(memo: SchemaMemo): void {
  const parents = new Map<SchemaNode, SchemaNode[]>();
  const queue: SchemaNode[] = [];
  for (const n of memo.all) {
    for (const ch of n.children) {
      const list = parents.get(ch.node);
      if (list) list.push(n);
      else parents.set(ch.node, [n]);
    }
    if (n.changes.length > 0 && !n.live) {
      n.live = true;
      queue.push(n);
    }
  }
  while (queue.length) {
    const n = queue.pop()!;
    for (const parent of parents.get(n) ?? []) {
      if (!parent.live) {
        parent.live = true;
        queue.push(parent);
      }
    }
  }
}
