/**
 * The properties an object schema declares, following what the loader leaves
 * in a payload: `allOf` branches (an envelope schema extended per event) and
 * `$ref`s the parser kept as `#/…` pointers into the payload itself (cycles).
 */
import type { JsonSchema } from '../../../../contracts/model/types.js';
import { pointerSegments } from '../../../../contracts/source/positions.js';

/** One declared property and the pointer (relative to the schema root) it is written at. */
export interface DeclaredProperty {
  schema: JsonSchema;
  /** Pointer relative to the schema root (`/allOf/0/properties/eventId`). */
  pointer: string;
}

/** What an object schema declares. */
export interface ObjectShape {
  properties: Map<string, DeclaredProperty>;
  required: Set<string>;
}

const escape = (s: string): string => s.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * Collects `properties` and `required` of `root`, merged over its `allOf`
 * branches (first declaration wins, as the branches are read in order) and
 * through `#/…` `$ref`s resolved against `root`. Never loops on cycles.
 */
export function objectShape(root: JsonSchema): ObjectShape {
  const shape: ObjectShape = { properties: new Map(), required: new Set() };
  const visiting = new Set<unknown>();

  const visit = (node: unknown, pointer: string, depth: number): void => {
    if (!node || typeof node !== 'object' || Array.isArray(node) || visiting.has(node) || depth > 32) return;
    const schema = node as Record<string, unknown>;
    if (typeof schema.$ref === 'string') {
      const target = resolveLocal(root, schema.$ref);
      if (target) {
        visiting.add(node);
        visit(target.node, target.pointer, depth + 1);
        visiting.delete(node);
      }
      return;
    }
    visiting.add(node);
    const props = schema.properties;
    if (props && typeof props === 'object' && !Array.isArray(props)) {
      for (const [name, value] of Object.entries(props as Record<string, unknown>)) {
        if (!shape.properties.has(name)) shape.properties.set(name, { schema: value as JsonSchema, pointer: `${pointer}/properties/${escape(name)}` });
      }
    }
    if (Array.isArray(schema.required)) for (const r of schema.required) if (typeof r === 'string') shape.required.add(r);
    if (Array.isArray(schema.allOf)) schema.allOf.forEach((branch, i) => visit(branch, `${pointer}/allOf/${i}`, depth + 1));
    visiting.delete(node);
  };

  visit(unwrapMultiFormat(root), '', 0);
  return shape;
}

/**
 * The `format` a property schema declares, looking through `#/…` `$ref`s and
 * `allOf` branches (`eventId: { allOf: [{ $ref: Uuid }], description }`).
 */
export function formatOf(root: JsonSchema, schema: JsonSchema, depth = 0): string | undefined {
  if (!schema || typeof schema !== 'object' || depth > 16) return undefined;
  if (typeof schema.format === 'string') return schema.format;
  if (typeof schema.$ref === 'string') {
    const target = resolveLocal(root, schema.$ref);
    return target ? formatOf(root, target.node as JsonSchema, depth + 1) : undefined;
  }
  if (Array.isArray(schema.allOf)) {
    for (const branch of schema.allOf) {
      const f = formatOf(root, branch as JsonSchema, depth + 1);
      if (f !== undefined) return f;
    }
  }
  return undefined;
}

/** AsyncAPI 3 multi-format schema objects (`{ schemaFormat, schema }`) hold the schema one level down. */
function unwrapMultiFormat(schema: JsonSchema): JsonSchema {
  if (schema && typeof schema === 'object' && typeof schema.schemaFormat === 'string' && schema.schema && typeof schema.schema === 'object') {
    return schema.schema as JsonSchema;
  }
  return schema;
}

/** Resolves `#/…` against `root`; other refs (unresolved files) give undefined. */
function resolveLocal(root: JsonSchema, ref: string): { node: unknown; pointer: string } | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const seg of pointerSegments(ref)) {
    if (!node || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
  }
  return node === undefined ? undefined : { node, pointer: ref.slice(1) };
}
