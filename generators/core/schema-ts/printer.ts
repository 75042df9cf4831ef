/**
 * The printer: one JSON Schema to TypeScript type text. It dispatches on the
 * kind of schema to the file that prints that kind (primitive.ts, enum-const.ts,
 * array.ts, object.ts, union.ts, all-of.ts, nullable.ts); `$ref`s and named
 * types are the naming strategy's (`PrintHooks`, see the declare-*.ts files),
 * so recursion stays finite wherever a strategy names what it refers to.
 */
import type { JsonSchema } from '../../../contracts/model/types.js';
import { allOfParts, allOfType } from './all-of.js';
import { arrayType } from './array.js';
import { constType, enumType } from './enum-const.js';
import { withNull, nullableRefs } from './nullable.js';
import { objectType } from './object.js';
import { group, unionOf } from './parens.js';
import { primitiveType } from './primitive.js';
import { oneOfType } from './union.js';
import { isSchemaObject, WIRE_VALUES, EXACT_STYLE, type PrintContext, type PrintHooks, type SchemaObject, type SchemaTsStyle, type Direction, type TypedValueOptions } from './types.js';

/** A context at the top of a type (no indentation, both sides of the wire unless `dir`). */
export function printContext(options: { style?: SchemaTsStyle; typed?: TypedValueOptions; dir?: Direction; hooks?: PrintHooks; indent?: string }): PrintContext {
  return { style: options.style ?? EXACT_STYLE, typed: options.typed ?? WIRE_VALUES, dir: options.dir, indent: options.indent ?? '', hooks: options.hooks ?? {} };
}

/** The TypeScript type text of `schema` (`true`/absent: `unknown`, `false`: `never`). */
export function printSchema(schema: JsonSchema | undefined, ctx: PrintContext): string {
  if (schema === undefined || schema === true) return 'unknown';
  if (schema === false) return 'never';
  if (!isSchemaObject(schema)) return 'unknown';
  if (!ctx.unnamed && ctx.hooks.named) {
    const name = ctx.hooks.named(schema, ctx);
    if (name !== undefined) return name;
  }
  const here = ctx.unnamed ? { ...ctx, unnamed: undefined } : ctx;
  switch (ctx.style.compose) {
    case 'intersect':
      return intersect(schema, here);
    case 'unions-first':
      return withNull(schema, firstOf(schema, here, ['oneOf', 'allOf']), here);
    case 'all-of-first':
      if (typeof schema.$ref === 'string' && here.hooks.ref) return here.hooks.ref(schema.$ref, here);
      return withNull(schema, firstOf(schema, here, ['allOf', 'oneOf']), here);
  }
}

// `intersect`: every keyword present contributes (oneOf/anyOf & allOf & own type); unknown parts drop out
function intersect(s: SchemaObject, ctx: PrintContext): string {
  if (typeof s.$ref === 'string' && ctx.hooks.ref) {
    const t = ctx.hooks.ref(s.$ref, ctx);
    return nullableRefs(ctx) ? withNull(s, t, ctx) : t;
  }
  if ('const' in s) return constType(s);
  if (Array.isArray(s.enum)) {
    const t = enumType(s.enum, ctx);
    if (t !== undefined) return withNull(s, t, ctx);
  }
  const parts: string[] = [];
  const union = oneOfType(s, ctx, printSchema);
  if (union !== undefined) parts.push(union);
  parts.push(...(allOfParts(s, ctx, printSchema) ?? []));
  const hasOwn = s.type !== undefined || isSchemaObject(s.properties) || s.additionalProperties !== undefined || s.items !== undefined;
  // the schema's own shape is not in alias position any more: a ref from inside it may recurse
  if (hasOwn || parts.length === 0) parts.push(ownType(s, { ...ctx, aliasOf: undefined }));
  const unique = [...new Set(parts)].filter((p) => p !== 'unknown' || parts.length === 1);
  return withNull(s, unique.length === 1 ? unique[0]! : unique.length === 0 ? 'unknown' : unique.map((p) => group(p, ctx.style.parens)).join(' & '), ctx);
}

// the schema's `type` (or the type its keywords imply), each kind printed by its file
function ownType(s: SchemaObject, ctx: PrintContext): string {
  let kinds: string[] = Array.isArray(s.type) ? s.type.map(String) : typeof s.type === 'string' ? [s.type] : [];
  if (kinds.length === 0) {
    if (isSchemaObject(s.properties) || s.additionalProperties !== undefined) kinds = ['object'];
    else if (s.items !== undefined) kinds = ['array'];
    else return 'unknown';
  }
  return unionOf(kinds.map((k) => primitiveType(k, s, ctx) ?? (k === 'array' ? arrayType(s, ctx, printSchema) : k === 'object' ? objectType(s, ctx, printSchema) : 'unknown')));
}

// `unions-first` / `all-of-first`: the first keyword present decides the type
function firstOf(s: SchemaObject, ctx: PrintContext, order: readonly ('oneOf' | 'allOf')[]): string {
  if ('const' in s) return constType(s);
  if (Array.isArray(s.enum)) return enumType(s.enum, ctx)!;
  for (const k of order) {
    if (k === 'oneOf') {
      const t = oneOfType(s, ctx, printSchema);
      if (t !== undefined) return t;
    } else {
      const parts = allOfParts(s, ctx, printSchema);
      if (parts !== undefined) return allOfType(parts, ctx);
    }
  }
  // a list of types: one variant per type (a variant is not named again, nor is a $ref followed from it)
  if (Array.isArray(s.type)) {
    return s.type
      .map((ty) =>
        ctx.style.compose === 'unions-first' ? printSchema({ ...s, type: ty } as JsonSchema, { ...ctx, unnamed: true }) : firstOf({ ...s, type: ty }, ctx, order),
      )
      .join(' | ');
  }
  const kind = typeof s.type === 'string' ? s.type : '';
  const primitive = primitiveType(kind, s, ctx);
  if (primitive !== undefined) return primitive;
  if (kind === 'array') return arrayType(s, ctx, printSchema);
  if (kind === 'object' || s.properties || (ctx.style.compose === 'all-of-first' && s.additionalProperties !== undefined)) return objectType(s, ctx, printSchema);
  return 'unknown';
}
