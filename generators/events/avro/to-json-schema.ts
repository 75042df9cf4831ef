/**
 * An Avro schema (specification 1.9+) as the JSON Schema of the value avsc
 * checks in a JSON envelope, so the payload types are printed by the same
 * schema-ts printer as every other payload. The mapping is one to one for
 * what a JSON body can carry: records (fields with a default are optional),
 * enums, arrays, maps, unions (unwrapped: the branches must be told apart
 * by their JSON value, as avsc's `wrapUnions: 'never'` requires), the
 * primitives and the logical types on them. A named type is one schema
 * object wherever it is referenced, so it is declared once. What a JSON
 * envelope cannot carry (`bytes`, `fixed`, `decimal`) and recursive types
 * are problems, reported with the path of the field.
 */
import type { JsonSchema } from '../../../contracts/model/types.js';

/** The JSON Schema, or the problems that stop it. */
export interface AvroMapping {
  schema?: JsonSchema;
  problems: string[];
}

type Json = Record<string, unknown>;

const PRIMITIVES: Record<string, Json> = {
  null: { type: 'null' },
  boolean: { type: 'boolean' },
  int: { type: 'integer' },
  long: { type: 'integer' },
  float: { type: 'number' },
  double: { type: 'number' },
  string: { type: 'string' },
};

/** What a logical type means for the JS value (its underlying type holds it). */
const LOGICAL: Record<string, string> = {
  uuid: 'a UUID',
  date: 'days since 1970-01-01',
  'time-millis': 'milliseconds after midnight',
  'time-micros': 'microseconds after midnight',
  'timestamp-millis': 'milliseconds since 1970-01-01T00:00:00Z',
  'timestamp-micros': 'microseconds since 1970-01-01T00:00:00Z',
  'local-timestamp-millis': 'milliseconds since 1970-01-01T00:00:00, local time',
  'local-timestamp-micros': 'microseconds since 1970-01-01T00:00:00, local time',
};

/** `ns.Name` of a named type (the name may be dotted already). */
function fullName(name: string, namespace: string | undefined): string {
  return name.includes('.') || !namespace ? name : `${namespace}.${name}`;
}

/** Maps `avro` to JSON Schema. */
export function avroToJsonSchema(avro: unknown): AvroMapping {
  const problems: string[] = [];
  const named = new Map<string, Json>();
  const defining = new Set<string>();

  const map = (s: unknown, path: string, namespace: string | undefined): Json => {
    if (typeof s === 'string') {
      if (PRIMITIVES[s]) return { ...PRIMITIVES[s] };
      if (s === 'bytes') return fail(path, '`bytes` has no JSON value in the event envelope; use a string (base64) or move the payload to JSON Schema');
      const ref = named.get(fullName(s, namespace)) ?? named.get(s);
      const refName = named.has(fullName(s, namespace)) ? fullName(s, namespace) : s;
      if (!ref) return fail(path, `the type \`${s}\` is not defined before it is used`);
      if (defining.has(refName)) return fail(path, `\`${s}\` refers to itself; recursive Avro types are not supported`);
      return ref;
    }
    if (Array.isArray(s)) {
      const branches = s.map((b, i) => map(b, `${path}[${i}]`, namespace));
      return { anyOf: branches };
    }
    if (!s || typeof s !== 'object') return fail(path, `${JSON.stringify(s)} is not an Avro schema`);
    const o = s as Json;
    const type = o.type;
    const doc = typeof o.doc === 'string' ? { description: o.doc } : {};
    if (typeof o.logicalType === 'string') {
      if (o.logicalType === 'decimal') return fail(path, 'the logical type `decimal` (on bytes or fixed) has no JSON value in the event envelope');
      const base = map(type, path, namespace);
      const meaning = LOGICAL[o.logicalType];
      return { ...base, description: [o.doc, `Avro \`${o.logicalType}\`${meaning ? `: ${meaning}` : ''}.`].filter(Boolean).join(' ') };
    }
    if (type === 'record' || type === 'error') {
      const name = typeof o.name === 'string' ? fullName(o.name, typeof o.namespace === 'string' ? o.namespace : namespace) : undefined;
      if (!name) return fail(path, 'a record needs a `name`');
      const ns = name.includes('.') ? name.slice(0, name.lastIndexOf('.')) : undefined;
      const out: Json = { title: name.slice(name.lastIndexOf('.') + 1), type: 'object', ...doc, properties: {}, required: [], additionalProperties: false };
      named.set(name, out);
      defining.add(name);
      const fields = Array.isArray(o.fields) ? o.fields : [];
      if (!Array.isArray(o.fields)) problems.push(`${path}: the record \`${name}\` has no \`fields\` list`);
      for (const f of fields as Json[]) {
        if (typeof f?.name !== 'string') {
          problems.push(`${path}: a field of \`${name}\` has no \`name\``);
          continue;
        }
        const field = map(f.type, `${path}.${f.name}`, ns);
        (out.properties as Json)[f.name] = typeof f.doc === 'string' && !field.title ? { ...field, description: f.doc } : field;
        // avsc accepts a missing field that has a default (it fills the default in)
        if (!('default' in f)) (out.required as string[]).push(f.name);
      }
      defining.delete(name);
      return out;
    }
    if (type === 'enum') {
      const name = typeof o.name === 'string' ? fullName(o.name, typeof o.namespace === 'string' ? o.namespace : namespace) : undefined;
      if (!name) return fail(path, 'an enum needs a `name`');
      const symbols = Array.isArray(o.symbols) ? o.symbols.filter((x): x is string => typeof x === 'string') : [];
      const out: Json = { title: name.slice(name.lastIndexOf('.') + 1), type: 'string', ...doc, enum: symbols };
      named.set(name, out);
      return out;
    }
    if (type === 'array') return { type: 'array', ...doc, items: map(o.items, `${path}[]`, namespace) };
    if (type === 'map') return { type: 'object', ...doc, additionalProperties: map(o.values, `${path}{}`, namespace) };
    if (type === 'fixed') return fail(path, '`fixed` has no JSON value in the event envelope');
    if (typeof type === 'string' || Array.isArray(type) || (type && typeof type === 'object')) {
      // `{ "type": "string" }`, `{ "type": ["null", …] }` or a nested schema object
      const inner = map(type, path, namespace);
      return Object.keys(doc).length ? { ...inner, ...doc } : inner;
    }
    return fail(path, `${JSON.stringify(s)} is not an Avro schema`);
  };

  function fail(path: string, problem: string): Json {
    problems.push(`${path}: ${problem}`);
    return {};
  }

  const schema = map(avro, '$', undefined);
  return problems.length ? { problems } : { schema: schema as JsonSchema, problems };
}
