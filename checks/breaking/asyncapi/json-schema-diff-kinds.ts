/**
 * The per-type comparisons of the JSON Schema differ (objects, arrays,
 * strings, numbers), after Confluent's ObjectSchemaDiff, ArraySchemaDiff,
 * StringSchemaDiff and NumberSchemaDiff.
 */
import type { DifferenceType } from './difference-types.js';
import { addDifference, compareSchemas, isCompatible, subContext, within, type DiffContext } from './json-schema-diff.js';
import { canonical, classify, deref, isJson, type Json, type SchemaNode } from './schema-kinds.js';

type Bound = 'MAX_LENGTH' | 'MIN_LENGTH' | 'MAXIMUM' | 'MINIMUM' | 'EXCLUSIVE_MAXIMUM' | 'EXCLUSIVE_MINIMUM' | 'MAX_PROPERTIES' | 'MIN_PROPERTIES' | 'MAX_ITEMS' | 'MIN_ITEMS';

/** A numeric keyword added, removed, increased or decreased. */
function compareBound(ctx: DiffContext, keyword: string, name: Bound, o: Json, u: Json): void {
  const a = typeof o[keyword] === 'number' ? (o[keyword] as number) : undefined;
  const b = typeof u[keyword] === 'number' ? (u[keyword] as number) : undefined;
  if (a === b) return;
  const suffix = a === undefined ? 'ADDED' : b === undefined ? 'REMOVED' : a < b ? 'INCREASED' : 'DECREASED';
  addDifference(ctx, `${name}_${suffix}` as DifferenceType, keyword);
}

/** `minLength`, `maxLength`, `pattern`. */
export function compareStrings(ctx: DiffContext, o: Json, u: Json): void {
  compareBound(ctx, 'maxLength', 'MAX_LENGTH', o, u);
  compareBound(ctx, 'minLength', 'MIN_LENGTH', o, u);
  if (o.pattern !== u.pattern) {
    addDifference(ctx, o.pattern === undefined ? 'PATTERN_ADDED' : u.pattern === undefined ? 'PATTERN_REMOVED' : 'PATTERN_CHANGED', 'pattern');
  }
}

/** Bounds, `multipleOf`, and integer ↔ number. */
export function compareNumbers(ctx: DiffContext, o: SchemaNode, u: SchemaNode): void {
  compareBound(ctx, 'maximum', 'MAXIMUM', o.node, u.node);
  compareBound(ctx, 'minimum', 'MINIMUM', o.node, u.node);
  compareBound(ctx, 'exclusiveMaximum', 'EXCLUSIVE_MAXIMUM', o.node, u.node);
  compareBound(ctx, 'exclusiveMinimum', 'EXCLUSIVE_MINIMUM', o.node, u.node);
  const a = o.node.multipleOf as number | undefined;
  const b = u.node.multipleOf as number | undefined;
  if (a !== b) {
    let type: DifferenceType;
    if (a === undefined) type = 'MULTIPLE_OF_ADDED';
    else if (b === undefined) type = 'MULTIPLE_OF_REMOVED';
    else if (b % a === 0) type = 'MULTIPLE_OF_EXPANDED';
    else if (a % b === 0) type = 'MULTIPLE_OF_REDUCED';
    else type = 'MULTIPLE_OF_CHANGED';
    addDifference(ctx, type, 'multipleOf');
  }
  if (o.integer && !u.integer) addDifference(ctx, 'TYPE_EXTENDED', 'type');
  else if (!o.integer && u.integer) addDifference(ctx, 'TYPE_NARROWED', 'type');
}

// ------------------------------------------------------------------ objects

const props = (s: Json): Json => (isJson(s.properties) ? s.properties : {});
const required = (s: Json): Set<string> => new Set(Array.isArray(s.required) ? (s.required as string[]) : []);
const permitsAdditional = (s: Json): boolean => s.additionalProperties !== false;
const additionalSchema = (s: Json): unknown => (isJson(s.additionalProperties) ? s.additionalProperties : undefined);
const patterns = (s: Json): Json => (isJson(s.patternProperties) ? s.patternProperties : {});

/** Open: no `patternProperties`, `additionalProperties` absent or true. */
function isOpenObject(s: Json): boolean {
  return Object.keys(patterns(s)).length === 0 && additionalSchema(s) === undefined && permitsAdditional(s);
}

/** The schema a partially open model gives a property it does not name. */
function partialSchemaFor(s: Json, key: string): unknown {
  for (const [pattern, schema] of Object.entries(patterns(s))) {
    try {
      if (new RegExp(pattern, 'u').test(key)) return schema;
    } catch {
      // an invalid pattern covers nothing
    }
  }
  return additionalSchema(s);
}

const hasDefault = (schema: unknown, root: unknown): boolean => {
  const s = deref(schema, root);
  return isJson(s) && 'default' in s;
};

/** Properties, `required`, `dependencies`, `additionalProperties`, property counts. */
export function compareObjects(ctx: DiffContext, o: Json, u: Json): void {
  const before = props(o);
  const after = props(u);
  const reqBefore = required(o);
  const reqAfter = required(u);
  for (const key of Object.keys(before)) {
    if (!(key in after)) continue;
    if (reqBefore.has(key) && !reqAfter.has(key)) addDifference(ctx, 'REQUIRED_ATTRIBUTE_REMOVED', 'properties', key);
    else if (!reqBefore.has(key) && reqAfter.has(key)) {
      addDifference(ctx, hasDefault(after[key], ctx.roots.update) ? 'REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED' : 'REQUIRED_ATTRIBUTE_ADDED', 'properties', key);
    }
  }
  for (const key of unionKeys(before, after)) {
    within(ctx, ['properties', key], () => {
      if (!(key in after)) return propertyRemoved(ctx, before[key], u, key);
      if (!(key in before)) return propertyAdded(ctx, o, key, after[key], reqAfter.has(key));
      compareSchemas(ctx, before[key], after[key]);
    });
  }
  compareDependencies(ctx, o, u);
  within(ctx, ['additionalProperties'], () => {
    if (permitsAdditional(o) !== permitsAdditional(u)) addDifference(ctx, permitsAdditional(u) ? 'ADDITIONAL_PROPERTIES_ADDED' : 'ADDITIONAL_PROPERTIES_REMOVED');
    else if (additionalSchema(o) === undefined && additionalSchema(u) !== undefined) addDifference(ctx, 'ADDITIONAL_PROPERTIES_NARROWED');
    else if (additionalSchema(o) !== undefined && additionalSchema(u) === undefined) addDifference(ctx, 'ADDITIONAL_PROPERTIES_EXTENDED');
    else compareSchemas(ctx, additionalSchema(o), additionalSchema(u));
  });
  compareBound(ctx, 'maxProperties', 'MAX_PROPERTIES', o, u);
  compareBound(ctx, 'minProperties', 'MIN_PROPERTIES', o, u);
}

// Only the update's content model matters: a property may go only where the reader still accepts anything.
function propertyRemoved(ctx: DiffContext, schema: unknown, u: Json, key: string): void {
  if (isOpenObject(u)) return addDifference(ctx, 'PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL');
  const partial = partialSchemaFor(u, key);
  if (partial !== undefined) {
    const trial = subContext(ctx);
    compareSchemas(trial, schema, partial);
    ctx.differences.push(...trial.differences);
    return addDifference(ctx, isCompatible(trial) ? 'PROPERTY_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'PROPERTY_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL');
  }
  addDifference(ctx, schema === false ? 'PROPERTY_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL' : 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL');
}

// Only the original's content model matters: in an open model the old data may hold the property with any value.
function propertyAdded(ctx: DiffContext, o: Json, key: string, schema: unknown, isRequired: boolean): void {
  if (isOpenObject(o)) {
    return addDifference(ctx, classify(deref(schema, ctx.roots.update)).kind === 'empty' ? 'PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL' : 'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL');
  }
  const partial = partialSchemaFor(o, key);
  if (partial !== undefined) {
    const trial = subContext(ctx);
    compareSchemas(trial, partial, schema);
    ctx.differences.push(...trial.differences);
    addDifference(ctx, isCompatible(trial) ? 'PROPERTY_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'PROPERTY_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL');
  }
  if (!isRequired) return addDifference(ctx, 'OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL');
  addDifference(ctx, hasDefault(schema, ctx.roots.update) ? 'REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL' : 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL');
}

function compareDependencies(ctx: DiffContext, o: Json, u: Json): void {
  const before = isJson(o.dependencies) ? o.dependencies : {};
  const after = isJson(u.dependencies) ? u.dependencies : {};
  for (const key of unionKeys(before, after)) {
    within(ctx, ['dependencies', key], () => {
      const a = before[key];
      const b = after[key];
      if (Array.isArray(a) || Array.isArray(b)) {
        if (b === undefined) return addDifference(ctx, 'DEPENDENCY_ARRAY_REMOVED');
        if (a === undefined) return addDifference(ctx, 'DEPENDENCY_ARRAY_ADDED');
        const sa = new Set((a as unknown[]).map(String));
        const sb = new Set((b as unknown[]).map(String));
        if (canonical([...sa].sort()) === canonical([...sb].sort())) return;
        if ([...sa].every((x) => sb.has(x))) return addDifference(ctx, 'DEPENDENCY_ARRAY_EXTENDED');
        if ([...sb].every((x) => sa.has(x))) return addDifference(ctx, 'DEPENDENCY_ARRAY_NARROWED');
        return addDifference(ctx, 'DEPENDENCY_ARRAY_CHANGED');
      }
      if (b === undefined) return addDifference(ctx, 'DEPENDENCY_SCHEMA_REMOVED');
      if (a === undefined) return addDifference(ctx, 'DEPENDENCY_SCHEMA_ADDED');
      compareSchemas(ctx, a, b);
    });
  }
}

// ------------------------------------------------------------------ arrays

const permitsAdditionalItems = (s: Json): boolean => s.additionalItems !== false;
const additionalItemsSchema = (s: Json): unknown => (isJson(s.additionalItems) ? s.additionalItems : undefined);
const isOpenArray = (s: Json): boolean => permitsAdditionalItems(s) && additionalItemsSchema(s) === undefined;

/** `items` (one schema or a tuple), `additionalItems`, item counts, `uniqueItems`. */
export function compareArrays(ctx: DiffContext, o: Json, u: Json): void {
  const tupleBefore = Array.isArray(o.items) ? (o.items as unknown[]) : [];
  const tupleAfter = Array.isArray(u.items) ? (u.items as unknown[]) : [];
  const allBefore = Array.isArray(o.items) ? undefined : o.items;
  const allAfter = Array.isArray(u.items) ? undefined : u.items;
  within(ctx, ['items'], () => compareSchemas(ctx, allBefore, allAfter));
  const common = Math.min(tupleBefore.length, tupleAfter.length);
  for (let i = 0; i < Math.max(tupleBefore.length, tupleAfter.length); i++) {
    within(ctx, ['items', String(i)], () => {
      if (i < common) return compareSchemas(ctx, tupleBefore[i], tupleAfter[i]);
      if (i < tupleBefore.length) return itemRemoved(ctx, tupleBefore[i], u);
      itemAdded(ctx, o, tupleAfter[i]);
    });
  }
  within(ctx, ['additionalItems'], () => {
    if (permitsAdditionalItems(o) !== permitsAdditionalItems(u)) addDifference(ctx, permitsAdditionalItems(o) ? 'ADDITIONAL_ITEMS_REMOVED' : 'ADDITIONAL_ITEMS_ADDED');
    else if (additionalItemsSchema(o) === undefined && additionalItemsSchema(u) !== undefined) addDifference(ctx, 'ADDITIONAL_ITEMS_NARROWED');
    else if (additionalItemsSchema(o) !== undefined && additionalItemsSchema(u) === undefined) addDifference(ctx, 'ADDITIONAL_ITEMS_EXTENDED');
    else compareSchemas(ctx, additionalItemsSchema(o), additionalItemsSchema(u));
  });
  compareBound(ctx, 'maxItems', 'MAX_ITEMS', o, u);
  compareBound(ctx, 'minItems', 'MIN_ITEMS', o, u);
  if (!!o.uniqueItems !== !!u.uniqueItems) addDifference(ctx, o.uniqueItems ? 'UNIQUE_ITEMS_REMOVED' : 'UNIQUE_ITEMS_ADDED', 'uniqueItems');
}

function itemRemoved(ctx: DiffContext, schema: unknown, u: Json): void {
  if (isOpenArray(u)) return addDifference(ctx, 'ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL');
  const partial = additionalItemsSchema(u);
  if (partial !== undefined) {
    const trial = subContext(ctx);
    compareSchemas(trial, schema, partial);
    ctx.differences.push(...trial.differences);
    return addDifference(ctx, isCompatible(trial) ? 'ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL');
  }
  addDifference(ctx, schema === false ? 'ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL' : 'ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL');
}

function itemAdded(ctx: DiffContext, o: Json, schema: unknown): void {
  if (isOpenArray(o)) {
    return addDifference(ctx, classify(deref(schema, ctx.roots.update)).kind === 'empty' ? 'ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL' : 'ITEM_ADDED_TO_OPEN_CONTENT_MODEL');
  }
  const partial = additionalItemsSchema(o);
  if (partial === undefined) return addDifference(ctx, 'ITEM_ADDED_TO_CLOSED_CONTENT_MODEL');
  const trial = subContext(ctx);
  compareSchemas(trial, partial, schema);
  ctx.differences.push(...trial.differences);
  addDifference(ctx, isCompatible(trial) ? 'ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL' : 'ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL');
}

function unionKeys(a: Json, b: Json): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])];
}
