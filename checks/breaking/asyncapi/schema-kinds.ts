/**
 * How the JSON Schema differ sees a schema node: the classes of the everit
 * library that Confluent's checker compares (empty, false, object, array,
 * string, number, boolean, null, enum, combined, not), derived from plain
 * JSON Schema data. `$ref`s are resolved inside the schema's own root (the
 * loader leaves only cyclic references as `$ref`).
 */
import type { JsonSchema } from '../../../contracts/model/types.js';

/** A JSON object. */
export type Json = Record<string, unknown>;

/** The everit schema class a node stands for. */
export type SchemaKind = 'empty' | 'false' | 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null' | 'enum' | 'combined' | 'not';

/** A normalized node: its kind plus the data the kind's comparison reads. */
export interface SchemaNode {
  kind: SchemaKind;
  /** The schema object (for `empty`/`false`, an empty object). */
  node: Json;
  /** For `combined`: the criterion and the subschemas (a type array becomes `anyOf` of one schema per type). */
  criterion?: 'allOf' | 'anyOf' | 'oneOf';
  subschemas?: unknown[];
  /** For `number`: true when `type: integer`. */
  integer?: boolean;
}

const OBJECT_KEYWORDS = ['properties', 'required', 'additionalProperties', 'patternProperties', 'minProperties', 'maxProperties', 'dependencies'];
const ARRAY_KEYWORDS = ['items', 'additionalItems', 'minItems', 'maxItems', 'uniqueItems'];
const STRING_KEYWORDS = ['minLength', 'maxLength', 'pattern'];
const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];
const COMBINATORS = ['allOf', 'anyOf', 'oneOf'] as const;

/** True for a plain object. */
export function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Follows local `$ref`s (`#/…`) from `root`; anything unresolvable is treated as the empty schema. */
export function deref(schema: unknown, root: unknown): unknown {
  let current = schema;
  for (let hops = 0; hops < 32 && isJson(current) && typeof current.$ref === 'string'; hops++) {
    const ref = current.$ref;
    if (!ref.startsWith('#')) return {};
    let target: unknown = root;
    for (const raw of ref.slice(1).split('/').filter((s) => s !== '')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      target = isJson(target) || Array.isArray(target) ? (target as Record<string, unknown>)[key] : undefined;
    }
    if (target === undefined) return {};
    current = target;
  }
  return current;
}

/** Classifies a (dereferenced) schema node. */
export function classify(schema: JsonSchema | unknown): SchemaNode {
  if (schema === false) return { kind: 'false', node: {} };
  if (!isJson(schema)) return { kind: 'empty', node: {} };
  const s = schema;
  const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [];
  const combinators = COMBINATORS.filter((c) => Array.isArray(s[c]));
  const own = withoutCombinators(s);
  const hasOwn = types.length > 0 || hasAny(own, [...OBJECT_KEYWORDS, ...ARRAY_KEYWORDS, ...STRING_KEYWORDS, ...NUMBER_KEYWORDS, 'enum', 'const', 'not']);
  if (combinators.length > 1 || (combinators.length === 1 && hasOwn)) {
    // everit turns several keyword groups into allOf of one schema per group
    const parts: unknown[] = hasOwn ? [own] : [];
    for (const c of combinators) parts.push(combinators.length === 1 && !hasOwn ? s[c] : { [c]: s[c] });
    return { kind: 'combined', node: s, criterion: 'allOf', subschemas: parts };
  }
  if (combinators.length === 1) return { kind: 'combined', node: s, criterion: combinators[0], subschemas: s[combinators[0]!] as unknown[] };
  if (types.length > 1) {
    return { kind: 'combined', node: s, criterion: 'anyOf', subschemas: types.map((t) => ({ ...s, type: t })) };
  }
  const type = types[0] ?? inferType(s);
  if (type === undefined) {
    if ('enum' in s || 'const' in s) return { kind: 'enum', node: s };
    if ('not' in s) return { kind: 'not', node: s };
    return { kind: 'empty', node: s };
  }
  if (type === 'integer') return { kind: 'number', node: s, integer: true };
  if (type === 'number') return { kind: 'number', node: s, integer: false };
  if (type === 'object' || type === 'array' || type === 'string' || type === 'boolean' || type === 'null') return { kind: type, node: s };
  return { kind: 'empty', node: s };
}

function inferType(s: Json): string | undefined {
  if (hasAny(s, OBJECT_KEYWORDS)) return 'object';
  if (hasAny(s, ARRAY_KEYWORDS)) return 'array';
  if (hasAny(s, STRING_KEYWORDS)) return 'string';
  if (hasAny(s, NUMBER_KEYWORDS)) return 'number';
  return undefined;
}

function hasAny(s: Json, keys: readonly string[]): boolean {
  return keys.some((k) => k in s);
}

function withoutCombinators(s: Json): Json {
  const out: Json = {};
  for (const [k, v] of Object.entries(s)) if (!(COMBINATORS as readonly string[]).includes(k)) out[k] = v;
  return out;
}

/** The allowed values of an `enum` or `const`, or undefined when the node has neither. */
export function enumValues(node: Json): unknown[] | undefined {
  if (Array.isArray(node.enum)) return node.enum;
  if ('const' in node) return [node.const];
  return undefined;
}

/** Stable JSON text (sorted keys) for comparing values and deduplicating subschemas. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isJson(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
