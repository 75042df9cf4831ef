/**
 * Avro schema compatibility, after the Avro specification's schema
 * resolution rules (a reader schema reading data written with a writer
 * schema), reported under the incompatibility names of Avro's own checker
 * (`SchemaCompatibility`), which Confluent Schema Registry reports too:
 * `READER_FIELD_MISSING_DEFAULT_VALUE`, `TYPE_MISMATCH`,
 * `MISSING_ENUM_SYMBOLS`, `MISSING_UNION_BRANCH`, `NAME_MISMATCH`,
 * `FIXED_SIZE_MISMATCH`.
 *
 * Backward: the new schema reads data written with the previous one; forward:
 * the previous schema reads data written with the new one; full: both.
 */
import type { CompatibilityMode } from './compatibility.js';

/** Avro's incompatibility names. */
export const AVRO_INCOMPATIBILITY_TYPES = [
  'READER_FIELD_MISSING_DEFAULT_VALUE',
  'TYPE_MISMATCH',
  'MISSING_ENUM_SYMBOLS',
  'MISSING_UNION_BRANCH',
  'NAME_MISMATCH',
  'FIXED_SIZE_MISMATCH',
] as const;

/** One incompatibility: its Avro name, the field path from the top record, and what is wrong. */
export interface AvroIncompatibility {
  type: (typeof AVRO_INCOMPATIBILITY_TYPES)[number];
  path: string[];
  message: string;
  direction: 'backward' | 'forward';
}

type Json = Record<string, unknown>;
const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
/** Writer type → reader types it is promoted to (Avro specification, "Schema Resolution"). */
const PROMOTIONS: Record<string, string[]> = { int: ['long', 'float', 'double'], long: ['float', 'double'], float: ['double'], string: ['bytes'], bytes: ['string'] };

/** The incompatibilities of `curr` against `prev` under `mode` (`_transitive` is the caller's loop over versions). */
export function checkAvroCompatibility(prev: unknown, curr: unknown, mode: CompatibilityMode): AvroIncompatibility[] {
  const base = mode.replace(/_transitive$/, '');
  const out: AvroIncompatibility[] = [];
  if (base === 'backward' || base === 'full') out.push(...resolveAll(curr, prev, 'backward'));
  if (base === 'forward' || base === 'full') out.push(...resolveAll(prev, curr, 'forward'));
  return out;
}

function resolveAll(reader: unknown, writer: unknown, direction: AvroIncompatibility['direction']): AvroIncompatibility[] {
  const ctx: Ctx = { readerNames: namedTypes(reader), writerNames: namedTypes(writer), inProgress: new Set(), out: [], direction };
  check(ctx, reader, writer, [], '', '');
  return ctx.out;
}

interface Ctx {
  readerNames: Map<string, Json>;
  writerNames: Map<string, Json>;
  inProgress: Set<string>;
  out: AvroIncompatibility[];
  direction: AvroIncompatibility['direction'];
}

/** A schema node with named references resolved: a primitive name, a union (array) or an object. */
function deref(node: unknown, names: Map<string, Json>, ns: string): { node: unknown; ns: string } {
  if (typeof node === 'string' && !PRIMITIVES.has(node)) {
    const hit = names.get(node.includes('.') ? node : ns ? `${ns}.${node}` : node) ?? names.get(node);
    return hit ? { node: hit, ns: namespaceOf(hit, ns) } : { node, ns };
  }
  if (isJson(node) && (typeof node.type !== 'string' || !['record', 'error', 'enum', 'fixed', 'array', 'map'].includes(node.type))) {
    // `{ type: "int", logicalType: … }` is its underlying type; `{ type: {…} }` is the nested schema
    return deref(node.type, names, ns);
  }
  return { node, ns: isJson(node) ? namespaceOf(node, ns) : ns };
}

function kindOf(node: unknown): string {
  if (Array.isArray(node)) return 'union';
  if (typeof node === 'string') return node;
  return isJson(node) && typeof node.type === 'string' ? (node.type === 'error' ? 'record' : node.type) : 'unknown';
}

function check(ctx: Ctx, readerRaw: unknown, writerRaw: unknown, path: string[], rns: string, wns: string): void {
  const r = deref(readerRaw, ctx.readerNames, rns);
  const w = deref(writerRaw, ctx.writerNames, wns);
  const rk = kindOf(r.node);
  const wk = kindOf(w.node);
  const fail = (type: AvroIncompatibility['type'], message: string): void => {
    ctx.out.push({ type, path, message, direction: ctx.direction });
  };
  if (wk === 'union') {
    // every branch the writer may have written must be readable
    for (const branch of w.node as unknown[]) check(ctx, r.node, branch, path, r.ns, w.ns);
    return;
  }
  if (rk === 'union') {
    const ok = (r.node as unknown[]).some((branch) => {
      const probe: Ctx = { ...ctx, out: [] };
      check(probe, branch, w.node, path, r.ns, w.ns);
      return probe.out.length === 0;
    });
    if (!ok) fail('MISSING_UNION_BRANCH', `reader union lacks writer type \`${describe(w.node)}\``);
    return;
  }
  if (rk !== wk) {
    if (!(PROMOTIONS[wk] ?? []).includes(rk)) fail('TYPE_MISMATCH', `reader type \`${rk}\` cannot read writer type \`${wk}\``);
    return;
  }
  if (PRIMITIVES.has(rk)) return;
  const rn = r.node as Json;
  const wn = w.node as Json;
  if (rk === 'array') return check(ctx, rn.items, wn.items, [...path, '[]'], r.ns, w.ns);
  if (rk === 'map') return check(ctx, rn.values, wn.values, [...path, '{}'], r.ns, w.ns);
  if (!sameName(rn, wn)) return fail('NAME_MISMATCH', `reader name \`${String(rn.name)}\` does not match writer name \`${String(wn.name)}\``);
  if (rk === 'fixed') {
    if (rn.size !== wn.size) fail('FIXED_SIZE_MISMATCH', `fixed size changed from ${String(wn.size)} to ${String(rn.size)}`);
    return;
  }
  if (rk === 'enum') {
    const symbols = new Set(Array.isArray(rn.symbols) ? rn.symbols : []);
    const missing = (Array.isArray(wn.symbols) ? wn.symbols : []).filter((s) => !symbols.has(s));
    if (missing.length > 0 && rn.default === undefined) fail('MISSING_ENUM_SYMBOLS', `reader enum lacks symbol${missing.length === 1 ? '' : 's'} ${missing.map((s) => `\`${String(s)}\``).join(', ')}`);
    return;
  }
  if (rk === 'record') {
    // a recursive record compares each pair of names once
    const key = `${String(rn.name)}\u0000${String(wn.name)}`;
    if (ctx.inProgress.has(key)) return;
    ctx.inProgress.add(key);
    const writerFields = Array.isArray(wn.fields) ? (wn.fields as Json[]) : [];
    for (const field of Array.isArray(rn.fields) ? (rn.fields as Json[]) : []) {
      const names = [field.name, ...(Array.isArray(field.aliases) ? field.aliases : [])];
      const written = writerFields.find((wf) => names.includes(wf.name));
      const at = [...path, String(field.name)];
      if (written) check(ctx, field.type, written.type, at, r.ns, w.ns);
      else if (!('default' in field)) ctx.out.push({ type: 'READER_FIELD_MISSING_DEFAULT_VALUE', path: at, message: `reader field \`${String(field.name)}\` has no default and the writer does not write it`, direction: ctx.direction });
    }
    ctx.inProgress.delete(key);
  }
}

/** Unqualified names, or a reader alias, match (as Avro's checker compares them). */
function sameName(reader: Json, writer: Json): boolean {
  const short = (n: unknown) => String(n ?? '').split('.').pop();
  const aliases = Array.isArray(reader.aliases) ? reader.aliases.map(short) : [];
  return short(reader.name) === short(writer.name) || aliases.includes(short(writer.name));
}

/** Every named type (record, enum, fixed) of a schema by full name. */
function namedTypes(schema: unknown, ns = '', into = new Map<string, Json>()): Map<string, Json> {
  if (Array.isArray(schema)) schema.forEach((s) => namedTypes(s, ns, into));
  else if (isJson(schema)) {
    const here = namespaceOf(schema, ns);
    if (typeof schema.name === 'string' && ['record', 'error', 'enum', 'fixed'].includes(String(schema.type))) {
      into.set(schema.name.includes('.') ? schema.name : here ? `${here}.${schema.name}` : schema.name, schema);
    }
    if (Array.isArray(schema.fields)) for (const f of schema.fields) if (isJson(f)) namedTypes(f.type, here, into);
    for (const k of ['items', 'values', 'type']) if (k in schema && typeof schema[k] !== 'string') namedTypes(schema[k], here, into);
  }
  return into;
}

function namespaceOf(node: Json, enclosing: string): string {
  if (typeof node.name === 'string' && node.name.includes('.')) return node.name.slice(0, node.name.lastIndexOf('.'));
  return typeof node.namespace === 'string' ? node.namespace : enclosing;
}

function describe(node: unknown): string {
  if (typeof node === 'string') return node;
  if (Array.isArray(node)) return `union`;
  return isJson(node) ? String(node.name ?? node.type) : 'unknown';
}

function isJson(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
