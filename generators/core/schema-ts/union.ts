/**
 * `oneOf` / `anyOf`: a union of the members (TypeScript cannot say "exactly
 * one"). With a `discriminator`, each `$ref` member is narrowed by the
 * discriminating property, so `switch (x.kind)` narrows the union.
 */
import type { JsonSchema } from '../../../contracts/model/types.js';
import { propertyKey, stringLiteral } from '../names.js';
import { group, joinUnion, unionOf } from './parens.js';
import { isSchemaObject, type PrintContext, type PrintSchema, type SchemaObject } from './types.js';

/** The members of `s`'s `oneOf`, else of its `anyOf`; undefined when it has neither list. */
export function unionMembers(s: SchemaObject): JsonSchema[] | undefined {
  return Array.isArray(s.oneOf) ? (s.oneOf as JsonSchema[]) : Array.isArray(s.anyOf) ? (s.anyOf as JsonSchema[]) : undefined;
}

/**
 * The union of `s`'s oneOf/anyOf members; undefined when there is no list
 * (or, in the `intersect` composition, an empty one). An empty list is
 * nothing (`unions-first`) or `unknown` (`all-of-first`).
 */
export function oneOfType(s: SchemaObject, ctx: PrintContext, print: PrintSchema): string | undefined {
  const members = unionMembers(s);
  if (members === undefined) return undefined;
  if (ctx.style.compose === 'intersect') return members.length ? unionOf(members.map((m) => discriminated(s, m, ctx, print))) : undefined;
  return joinUnion(members.map((m) => print(m, ctx)), ctx.style.parens) || (ctx.style.compose === 'all-of-first' ? 'unknown' : '');
}

/** A member of a discriminated union, narrowed by the discriminator's property to the mapping's keys for it (or its component name). */
function discriminated(parent: SchemaObject, member: JsonSchema, ctx: PrintContext, print: PrintSchema): string {
  const type = print(member, ctx);
  const d = parent.discriminator;
  if (!ctx.style.discriminator || !isSchemaObject(d) || typeof d.propertyName !== 'string' || !isSchemaObject(member) || typeof member.$ref !== 'string') return type;
  const ref = member.$ref;
  const target = ctx.hooks.refTarget?.(ref);
  const mapping = isSchemaObject(d.mapping) ? d.mapping : {};
  let keys = Object.entries(mapping)
    .filter(([, v]) => v === ref || (target !== undefined && v === target))
    .map(([k]) => k);
  if (keys.length === 0 && target !== undefined) keys = [target];
  if (keys.length === 0) return type;
  return `${group(type, ctx.style.parens)} & { ${propertyKey(d.propertyName)}: ${unionOf(keys.map((k) => stringLiteral(k)))} }`;
}
