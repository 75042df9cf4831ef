/**
 * oasdiff's form-exploded array widening: a query or cookie parameter sent in
 * `form` style with `explode` (their default) that became an array still
 * accepts what clients sent before, as a single value (`?tag=red`) is a
 * one-element array. It holds when the array's items accept every value the
 * scalar did: their type contains the scalar's (a parameter's value travels as
 * text, so a string item accepts any scalar), and nothing but the type,
 * nullability and annotations tells the items from the scalar.
 */
import { deref, type DiffContext } from './context.js';
import type { OpParameter } from './operations.js';
import { ANNOTATION_ONLY, compareSchemas, differsBeyond, type SchemaMemo } from './schema-compare.js';
import { covered, typeSet } from './schema-types.js';

/** Changes the items may show against the scalar: its type, its nullability, annotations. */
const TYPE_OR_ANNOTATION = new RegExp(`${ANNOTATION_ONLY.source}|^(type-|list-of-types-|became-nullable$|became-not-nullable$)`);

/** Whether the parameter went from a scalar to a form-exploded array whose items accept every value of the scalar. */
export function becameFormExplodedArray(ctx: DiffContext, memo: SchemaMemo, prev: OpParameter, curr: OpParameter): boolean {
  if (curr.in !== 'query' && curr.in !== 'cookie') return false;
  const style = curr.node.style ?? 'form';
  const explode = curr.node.explode ?? style === 'form';
  if (style !== 'form' || explode !== true) return false;
  const p = deref(ctx.prev, prev.node.schema, prev.pointer + '/schema');
  const c = deref(ctx.curr, curr.node.schema, curr.pointer + '/schema');
  if (!p.node || !c.node) return false;
  const before = typeSet(p.node);
  const after = typeSet(c.node);
  if (before.size === 0 || before.has('array') || after.size !== 1 || !after.has('array')) return false;
  const items = deref(ctx.curr, c.node.items, c.pointer + '/items');
  if (!items.node) return false;
  if (!itemTypeAccepts(typeSet(items.node), before)) return false;
  const node = compareSchemas(ctx, memo, p.node, items.node, p.pointer, items.pointer, 'request');
  return !differsBeyond(node, TYPE_OR_ANNOTATION);
}

/** oasdiff's isTypeContained for text: an untyped or string item accepts any scalar; else one type within the other. */
function itemTypeAccepts(item: Set<string>, scalar: Set<string>): boolean {
  if (item.size === 0 || (item.size === 1 && item.has('string'))) return true;
  return item.size === 1 && scalar.size === 1 && covered([...scalar][0], item);
}

