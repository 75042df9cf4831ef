/**
 * JSON Schema differences the way Confluent Schema Registry's JSON Schema
 * checker names and judges them (`io.confluent.kafka.schemaregistry.json.diff`):
 * `diffJsonSchema(original, update)` lists every difference, each marked
 * compatible or not for a reader using `update` on data written with
 * `original`. Backward compatibility is `diff(previous, current)`, forward is
 * `diff(current, previous)`.
 *
 * Content models follow Confluent: an object is open when it has no
 * `patternProperties` and `additionalProperties` is absent or `true`; closed
 * when `additionalProperties: false`; partially open otherwise. Removing a
 * property is compatible only from an open model; adding one only to a
 * closed (or covering partially open) model, optional or with a default.
 */
import { canonical, classify, deref, enumValues, type Json, type SchemaNode } from './schema-kinds.js';
import { COMPATIBLE_DIFFERENCES, type DifferenceType } from './difference-types.js';
import { compareArrays, compareNumbers, compareObjects, compareStrings } from './json-schema-diff-kinds.js';

export type { DifferenceType } from './difference-types.js';

/** One difference: its Confluent type, where (schema keys from the root), and whether it is compatible. */
export interface SchemaDifference {
  type: DifferenceType;
  /** Keys from the schema root (`['properties', 'total', 'maxLength']`). */
  path: string[];
  compatible: boolean;
}

/** State of one comparison: the differences found and the pairs already being compared (recursion guard). */
export interface DiffContext {
  differences: SchemaDifference[];
  path: string[];
  roots: { original: unknown; update: unknown };
  visiting: Map<object, Set<object>>;
}

/** Every difference between `original` and `update` (either may be undefined: schema added or removed). */
export function diffJsonSchema(original: unknown, update: unknown): SchemaDifference[] {
  const ctx: DiffContext = { differences: [], path: [], roots: { original, update }, visiting: new Map() };
  compareSchemas(ctx, original, update);
  return ctx.differences;
}

/** Records a difference at the current path (plus `extra` keys). */
export function addDifference(ctx: DiffContext, type: DifferenceType, ...extra: string[]): void {
  ctx.differences.push({ type, path: [...ctx.path, ...extra], compatible: COMPATIBLE_DIFFERENCES.has(type) });
}

/** Runs `fn` with `keys` appended to the path. */
export function within(ctx: DiffContext, keys: string[], fn: () => void): void {
  const saved = ctx.path;
  ctx.path = [...saved, ...keys];
  try {
    fn();
  } finally {
    ctx.path = saved;
  }
}

/** A fresh context at the same place, for trial comparisons (union branches, partially open models). */
export function subContext(ctx: DiffContext): DiffContext {
  return { differences: [], path: ctx.path, roots: ctx.roots, visiting: ctx.visiting };
}

/** True when every difference in `ctx` is compatible. */
export function isCompatible(ctx: DiffContext): boolean {
  return ctx.differences.every((d) => d.compatible);
}

/** Compares two schema nodes at the current path. */
export function compareSchemas(ctx: DiffContext, originalRaw: unknown, updateRaw: unknown): void {
  if (originalRaw === undefined && updateRaw === undefined) return;
  if (originalRaw === undefined) return addDifference(ctx, 'SCHEMA_ADDED');
  if (updateRaw === undefined) return addDifference(ctx, 'SCHEMA_REMOVED');
  const originalSchema = deref(originalRaw, ctx.roots.original);
  const updateSchema = deref(updateRaw, ctx.roots.update);
  const original = classify(originalSchema);
  const update = classify(updateSchema);

  if (original.kind !== 'combined' && update.kind === 'combined') {
    const subs = update.subschemas ?? [];
    if (subs.length === 1) {
      if (mergeIfCompatible(ctx, (t) => compareSchemas(t, originalRaw, subs[0]))) return;
    } else if (update.criterion === 'anyOf' || update.criterion === 'oneOf') {
      // a value the old schema allowed still matches one branch: the type was widened into a union
      for (const branch of subs) {
        const trial = subContext(ctx);
        compareSchemas(trial, originalRaw, branch);
        if (isCompatible(trial)) {
          ctx.differences.push(...trial.differences);
          return addDifference(ctx, 'SUM_TYPE_EXTENDED');
        }
      }
    }
  } else if (original.kind === 'combined' && update.kind !== 'combined' && (original.subschemas ?? []).length === 1) {
    const only = original.subschemas![0];
    if (mergeIfCompatible(ctx, (t) => compareSchemas(t, only, updateRaw))) return;
  }

  if (original.kind !== update.kind) {
    // anything may become the empty schema; the false schema may become anything
    if (original.kind === 'false' || update.kind === 'empty') return;
    return addDifference(ctx, 'TYPE_CHANGED');
  }
  if (!enter(ctx, original.node, update.node)) return;
  try {
    compareAnnotations(ctx, original.node, update.node);
    compareKind(ctx, original, update);
    if (original.kind !== 'enum') compareEnums(ctx, original.node, update.node);
  } finally {
    leave(ctx, original.node, update.node);
  }
}

/** Runs a trial comparison; keeps its differences (and returns true) only when they are all compatible. */
function mergeIfCompatible(ctx: DiffContext, run: (trial: DiffContext) => void): boolean {
  const trial = subContext(ctx);
  run(trial);
  if (!isCompatible(trial)) return false;
  ctx.differences.push(...trial.differences);
  return true;
}

function enter(ctx: DiffContext, original: Json, update: Json): boolean {
  let seen = ctx.visiting.get(original);
  if (!seen) ctx.visiting.set(original, (seen = new Set()));
  if (seen.has(update)) return false;
  seen.add(update);
  return true;
}

function leave(ctx: DiffContext, original: Json, update: Json): void {
  ctx.visiting.get(original)?.delete(update);
}

function compareAnnotations(ctx: DiffContext, o: Json, u: Json): void {
  if (o.$id !== u.$id) addDifference(ctx, 'ID_CHANGED');
  if (o.title !== u.title) addDifference(ctx, 'TITLE_CHANGED');
  if (o.description !== u.description) addDifference(ctx, 'DESCRIPTION_CHANGED');
  if (canonical(o.default) !== canonical(u.default)) addDifference(ctx, 'DEFAULT_CHANGED');
}

function compareKind(ctx: DiffContext, o: SchemaNode, u: SchemaNode): void {
  switch (o.kind) {
    case 'object':
      return compareObjects(ctx, o.node, u.node);
    case 'array':
      return compareArrays(ctx, o.node, u.node);
    case 'string':
      return compareStrings(ctx, o.node, u.node);
    case 'number':
      return compareNumbers(ctx, o, u);
    case 'enum':
      return compareEnums(ctx, o.node, u.node);
    case 'combined':
      return compareCombined(ctx, o, u);
    case 'not':
      return compareNot(ctx, o.node, u.node);
    default:
      return;
  }
}

/** `enum`/`const`: a wider set of values is compatible, a narrower or different one is not. */
function compareEnums(ctx: DiffContext, o: Json, u: Json): void {
  const before = enumValues(o);
  const after = enumValues(u);
  if (!before && !after) return;
  const key = 'enum' in u || !('const' in u) ? 'enum' : 'const';
  if (!after) return addDifference(ctx, 'ENUM_ARRAY_EXTENDED', key);
  if (!before) return addDifference(ctx, 'ENUM_ARRAY_NARROWED', key);
  const a = new Set(before.map(canonical));
  const b = new Set(after.map(canonical));
  const widened = [...a].every((v) => b.has(v));
  const narrowed = [...b].every((v) => a.has(v));
  if (widened && narrowed) return;
  addDifference(ctx, widened ? 'ENUM_ARRAY_EXTENDED' : narrowed ? 'ENUM_ARRAY_NARROWED' : 'ENUM_ARRAY_CHANGED', key);
}

function compareNot(ctx: DiffContext, o: Json, u: Json): void {
  if (canonical(o.not) === canonical(u.not)) return;
  // what `not` excludes works the other way round: excluding less is wider
  const trial = subContext(ctx);
  within(trial, ['not'], () => compareSchemas(trial, u.not, o.not));
  addDifference(ctx, isCompatible(trial) ? 'NOT_TYPE_NARROWED' : 'NOT_TYPE_EXTENDED', 'not');
}

function compareCombined(ctx: DiffContext, o: SchemaNode, u: SchemaNode): void {
  const changed = compareCriteria(ctx, o, u);
  if (changed) return;
  const dedupe = (list: unknown[]): unknown[] => [...new Map(list.map((s) => [canonical(s), s])).values()];
  const before = dedupe(o.subschemas ?? []);
  const after = dedupe(u.subschemas ?? []);
  const product = u.criterion === 'allOf';
  if (before.length < after.length) addDifference(ctx, product ? 'PRODUCT_TYPE_EXTENDED' : 'SUM_TYPE_EXTENDED');
  else if (before.length > after.length) addDifference(ctx, product ? 'PRODUCT_TYPE_NARROWED' : 'SUM_TYPE_NARROWED');
  // which old branch can each new branch stand for? a maximum matching decides
  const edges: SchemaDifference[][][] = before.map((ob, i) =>
    after.map((ub) => {
      const trial = subContext(ctx);
      within(trial, [o.criterion!, String(i)], () => compareSchemas(trial, ob, ub));
      return isCompatible(trial) ? trial.differences : (undefined as unknown as SchemaDifference[]);
    }),
  );
  const match = maximumMatching(edges.map((row) => row.map((e) => e !== undefined)));
  for (const [i, j] of match) ctx.differences.push(...edges[i]![j]!);
  if (match.length < Math.min(before.length, after.length)) addDifference(ctx, 'COMBINED_TYPE_SUBSCHEMAS_CHANGED');
}

/** Criterion changes: to anyOf is wider; to oneOf/allOf only from a single branch. Returns true when incompatible. */
function compareCriteria(ctx: DiffContext, o: SchemaNode, u: SchemaNode): boolean {
  if (o.criterion === u.criterion) return false;
  const single = (n: SchemaNode): boolean => (n.subschemas ?? []).length === 1;
  let extended = false;
  if (u.criterion === 'anyOf') extended = true;
  else if (u.criterion === 'oneOf') extended = single(o);
  else extended = single(o) && single(u);
  addDifference(ctx, extended ? 'COMBINED_TYPE_EXTENDED' : 'COMBINED_TYPE_CHANGED');
  return !extended;
}

/** Maximum bipartite matching (augmenting paths); the sets are tiny. */
function maximumMatching(adjacent: boolean[][]): [number, number][] {
  const owner: (number | undefined)[] = [];
  const tryAssign = (i: number, seen: Set<number>): boolean => {
    for (let j = 0; j < (adjacent[i]?.length ?? 0); j++) {
      if (!adjacent[i]![j] || seen.has(j)) continue;
      seen.add(j);
      if (owner[j] === undefined || tryAssign(owner[j]!, seen)) {
        owner[j] = i;
        return true;
      }
    }
    return false;
  };
  adjacent.forEach((_, i) => tryAssign(i, new Set()));
  return owner.flatMap((i, j) => (i === undefined ? [] : [[i, j] as [number, number]]));
}
