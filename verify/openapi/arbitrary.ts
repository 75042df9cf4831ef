/**
 * JSON Schema → fast-check arbitrary: the values `verify` sends are drawn
 * from the contract's own schemas (types, enums, consts, patterns, formats,
 * bounds, required properties, oneOf/anyOf/allOf), with the schema's
 * `examples` mixed in so a provider also sees the values its authors wrote.
 *
 * Hand-written rather than a library: json-schema-faker and openapi-sampler
 * draw with their own random source, so fast-check could neither replay a
 * `--seed` nor shrink a failing request; this module keeps both.
 */
import fc, { type Arbitrary } from 'fast-check';
import { resolveLocalRef } from '../../contracts/model/schema-refs.js';
import type { JsonSchema } from '../../contracts/model/types.js';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Which side of the wire the value is for: a request leaves `readOnly` properties out. */
export type SchemaDirection = 'request' | 'response';

/** How deep `$ref` cycles and nesting are followed before only the required shape is drawn. */
const MAX_DEPTH = 6;

/** The schema `$ref` names (one level), or the schema itself. */
export function deref(document: unknown, schema: JsonSchema | undefined, seen = 0): JsonSchema | undefined {
  if (!isObj(schema) || typeof schema.$ref !== 'string' || seen > 32) return schema;
  return deref(document, resolveLocalRef(document, schema.$ref), seen + 1);
}

/** Whether the property schema is marked `readOnly` (directly, behind a `$ref`, or in an `allOf` member). */
export function isMarked(document: unknown, schema: JsonSchema | undefined, keyword: 'readOnly' | 'writeOnly'): boolean {
  if (!isObj(schema)) return false;
  if (schema[keyword] === true) return true;
  const target = deref(document, schema);
  if (isObj(target) && target !== schema && target[keyword] === true) return true;
  return Array.isArray(schema.allOf) && schema.allOf.some((s) => isMarked(document, s as JsonSchema, keyword));
}

/** An arbitrary of values valid against `schema` (refs resolved in `document`). */
export function schemaArbitrary(document: unknown, schema: JsonSchema | undefined, direction: SchemaDirection, depth = 0): Arbitrary<unknown> {
  if (schema === undefined || schema === true) return fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.boolean());
  if (schema === false) return fc.constant(null);
  if (typeof schema.$ref === 'string') {
    const target = deref(document, schema);
    return depth > MAX_DEPTH * 2 ? fc.constant({}) : schemaArbitrary(document, target, direction, depth + 1);
  }
  const drawn = drawFromKeywords(document, schema, direction, depth);
  const examples = examplesOf(schema);
  return examples.length > 0 ? fc.oneof({ weight: 1, arbitrary: fc.constantFrom(...examples) }, { weight: 3, arbitrary: drawn }) : drawn;
}

function examplesOf(schema: Obj): unknown[] {
  const list = Array.isArray(schema.examples) ? [...schema.examples] : [];
  if (schema.example !== undefined) list.push(schema.example);
  return list;
}

function drawFromKeywords(document: unknown, schema: Obj, direction: SchemaDirection, depth: number): Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const alternatives = (Array.isArray(schema.oneOf) ? schema.oneOf : Array.isArray(schema.anyOf) ? schema.anyOf : undefined) as JsonSchema[] | undefined;
  if (alternatives && alternatives.length > 0) {
    // sibling keywords (a discriminator's shared properties) are merged into each alternative
    const { oneOf: _o, anyOf: _a, discriminator: _d, ...rest } = schema;
    return fc.oneof(...alternatives.map((alt) => schemaArbitrary(document, mergeAll(document, [rest, alt]), direction, depth + 1)));
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    const { allOf, ...rest } = schema;
    return schemaArbitrary(document, mergeAll(document, [rest, ...(allOf as JsonSchema[])]), direction, depth + 1);
  }
  const types = typesOf(schema);
  const nullable = types.includes('null') || schema.nullable === true;
  const concrete = types.filter((t) => t !== 'null');
  const arbs = (concrete.length > 0 ? concrete : [inferType(schema)]).map((t) => typedArbitrary(document, schema, t, direction, depth));
  if (nullable) arbs.push(fc.constant(null));
  return arbs.length === 1 ? arbs[0]! : fc.oneof(...arbs);
}

function typesOf(schema: Obj): string[] {
  if (Array.isArray(schema.type)) return schema.type.map(String);
  return typeof schema.type === 'string' ? [schema.type] : [];
}

function inferType(schema: Obj): string {
  if (isObj(schema.properties) || Array.isArray(schema.required) || isObj(schema.additionalProperties)) return 'object';
  if (schema.items !== undefined) return 'array';
  if (schema.pattern !== undefined || schema.format !== undefined || schema.minLength !== undefined) return 'string';
  if (schema.minimum !== undefined || schema.maximum !== undefined) return 'number';
  return 'string';
}

/** allOf members folded into one schema (properties and required lists united; the rest last-wins). */
function mergeAll(document: unknown, members: JsonSchema[]): Obj {
  const out: Obj = {};
  for (const member of members) {
    const m = deref(document, member);
    if (!isObj(m)) continue;
    const flat = Array.isArray(m.allOf) ? mergeAll(document, [{ ...m, allOf: undefined }, ...(m.allOf as JsonSchema[])]) : m;
    for (const [k, v] of Object.entries(flat)) {
      if (v === undefined || k === 'allOf') continue;
      if (k === 'properties' && isObj(v)) out.properties = { ...(isObj(out.properties) ? out.properties : {}), ...v };
      else if (k === 'required' && Array.isArray(v)) out.required = [...new Set([...(Array.isArray(out.required) ? out.required : []), ...v])];
      else out[k] = v;
    }
  }
  return out;
}

function typedArbitrary(document: unknown, schema: Obj, type: string, direction: SchemaDirection, depth: number): Arbitrary<unknown> {
  switch (type) {
    case 'string':
      return stringArbitrary(schema);
    case 'integer':
      return fc.integer({ min: bound(schema, 'minimum', 'exclusiveMinimum', 1, -1000), max: bound(schema, 'maximum', 'exclusiveMaximum', -1, 1000) });
    case 'number':
      return fc.double({ min: bound(schema, 'minimum', 'exclusiveMinimum', 0, -1000), max: bound(schema, 'maximum', 'exclusiveMaximum', 0, 1000), noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'array': {
      const minLength = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const maxLength = Math.max(minLength, typeof schema.maxItems === 'number' ? Math.min(schema.maxItems, minLength + 3) : minLength + 3);
      const items = schemaArbitrary(document, schema.items as JsonSchema | undefined, direction, depth + 1);
      return depth > MAX_DEPTH && minLength === 0 ? fc.constant([]) : fc.array(items, { minLength, maxLength: depth > MAX_DEPTH ? minLength : maxLength });
    }
    case 'object':
      return objectArbitrary(document, schema, direction, depth);
    default:
      return fc.constant(null);
  }
}

function bound(schema: Obj, inclusive: string, exclusive: string, step: number, fallback: number): number {
  if (typeof schema[exclusive] === 'number') return (schema[exclusive] as number) + step;
  if (typeof schema[inclusive] === 'number') return schema[inclusive] as number;
  // OpenAPI 3.0 writes exclusiveMinimum as a boolean beside minimum
  return fallback;
}

function objectArbitrary(document: unknown, schema: Obj, direction: SchemaDirection, depth: number): Arbitrary<unknown> {
  const properties = isObj(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
  const record: Record<string, Arbitrary<unknown>> = {};
  const requiredKeys: string[] = [];
  for (const [name, prop] of Object.entries(properties)) {
    if (direction === 'request' && isMarked(document, prop as JsonSchema, 'readOnly')) continue;
    if (direction === 'response' && isMarked(document, prop as JsonSchema, 'writeOnly')) continue;
    // past the depth limit only required properties are drawn, so a recursive schema ends
    if (!required.has(name) && depth > MAX_DEPTH) continue;
    record[name] = schemaArbitrary(document, prop as JsonSchema, direction, depth + 1);
    if (required.has(name)) requiredKeys.push(name);
  }
  return fc.record(record, { requiredKeys });
}

/** Formats drawn as themselves; any other format falls back to the string's own keywords. */
const FORMATS: Record<string, () => Arbitrary<string>> = {
  uuid: () => fc.uuid(),
  'date-time': () => fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true }).map((d) => d.toISOString()),
  date: () => fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  email: () => fc.emailAddress(),
  uri: () => fc.webUrl(),
  url: () => fc.webUrl(),
  'uri-reference': () => fc.webPath().map((p) => p || '/'),
  ipv4: () => fc.ipV4(),
  ipv6: () => fc.ipV6(),
  hostname: () => fc.domain(),
};

function stringArbitrary(schema: Obj): Arbitrary<string> {
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  // only declared bounds filter formats and patterns (a uuid is 36 characters whatever the default)
  const declaredMax = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  const maxLength = Number.isFinite(declaredMax) ? declaredMax : Math.max(minLength, 24);
  const fits = (s: string) => s.length >= minLength && s.length <= declaredMax;
  const format = typeof schema.format === 'string' ? FORMATS[schema.format] : undefined;
  if (format) return format().filter(fits);
  if (typeof schema.pattern === 'string') {
    let re: RegExp | undefined;
    try {
      re = new RegExp(schema.pattern, 'u');
    } catch {
      re = undefined;
    }
    if (re) return fc.stringMatching(re).filter(fits);
  }
  return fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 24) });
}
