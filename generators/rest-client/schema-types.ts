/**
 * JSON Schema (OpenAPI 3.0/3.1 flavour) to TypeScript type text. Component
 * schemas become named types (so recursion is free); schemas with `readOnly`
 * or `writeOnly` members get a second, request-side shape (`<Name>Writable`).
 */
import type { JsonSchema, OpenApiContract } from '../../contracts/model/types.js';
import { docComment, pascalCase, propertyKey, stringLiteral } from '../core/names.js';
import type { TypedValueOptions } from './revival.js';

/** Which side of the wire a type describes: responses omit writeOnly members, requests omit readOnly ones. */
export type Direction = 'read' | 'write';

/** Hands out unique identifiers (see createNameScope). */
export interface Scope {
  claim(base: string): string;
}

interface Named {
  raw: string;
  pointer: string;
  schema: JsonSchema;
  read: string;
  /** Request-side name, when the schema differs by direction. */
  write?: string;
  /** Runtime list of enum values, for enum schemas. */
  values?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const SCHEMAS_PREFIX = '#/components/schemas/';

/** Decodes a `#/a/b~1c` pointer into segments. */
export function pointerParts(ref: string): string[] {
  return ref
    .replace(/^#\/?/, '')
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      let t = s;
      try {
        t = decodeURIComponent(s);
      } catch {
        // keep as written
      }
      return t.replace(/~1/g, '/').replace(/~0/g, '~');
    });
}

/** The type emitter of one contract. `refName` maps a named type to the local name to print (imports). */
export interface SchemaTypes {
  /** TypeScript type text of `schema`. */
  typeOf(schema: JsonSchema | undefined, direction: Direction, refName: (name: string) => string): string;
  /** Follows `$ref`s to the schema object. */
  deref(schema: JsonSchema | undefined): JsonSchema | undefined;
  /** Declarations of every component schema (and enum value lists), for the types file. */
  declarations(): string;
  /** Every named type. */
  names(): string[];
}

/** Builds the emitter; claims the component schemas' names in `types` and enum lists in `values`. */
export function createSchemaTypes(contract: OpenApiContract, types: Scope, values: Scope, typed: TypedValueOptions = { dateType: 'string', int64: 'number' }): SchemaTypes {
  const doc = contract.document;
  const byPointer = new Map<string, Named>();
  const named: Named[] = [];
  for (const s of contract.schemas) {
    const n: Named = { raw: s.name, pointer: SCHEMAS_PREFIX + s.name, schema: s.schema, read: types.claim(pascalCase(s.name)) };
    named.push(n);
    byPointer.set(n.pointer, n);
  }
  const lookup = (ref: string): Named | undefined => {
    if (!ref.startsWith(SCHEMAS_PREFIX)) return undefined;
    const parts = pointerParts(ref);
    return parts.length === 3 ? byPointer.get(SCHEMAS_PREFIX + parts[2]) : undefined;
  };
  const resolve = (ref: string): JsonSchema | undefined => {
    if (!ref.startsWith('#')) return undefined;
    let node: unknown = doc;
    for (const p of pointerParts(ref)) node = isObj(node) || Array.isArray(node) ? (node as Obj)[p] : undefined;
    return isObj(node) || typeof node === 'boolean' ? (node as JsonSchema) : undefined;
  };

  // Which named schemas differ by direction: own readOnly/writeOnly members, or a reference to one that does.
  const own = new Map<Named, { rw: boolean; refs: Set<Named> }>();
  const scan = (node: unknown, acc: { rw: boolean; refs: Set<Named> }, root: boolean, seen: Set<unknown>) => {
    if (!isObj(node) && !Array.isArray(node)) return;
    if (seen.has(node)) return;
    seen.add(node);
    if (isObj(node)) {
      if (!root && (node.readOnly === true || node.writeOnly === true)) acc.rw = true;
      if (typeof node.$ref === 'string') {
        const target = lookup(node.$ref);
        if (target) acc.refs.add(target);
        else if (node.$ref.startsWith('#')) scan(resolve(node.$ref), acc, false, seen);
      }
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'example' && k !== 'examples' && k !== 'default' && k !== 'const' && k !== 'enum') scan(v, acc, false, seen);
  };
  for (const n of named) {
    const acc = { rw: false, refs: new Set<Named>() };
    scan(n.schema, acc, true, new Set());
    own.set(n, acc);
  }
  const directional = new Set(named.filter((n) => own.get(n)!.rw));
  for (let changed = true; changed; ) {
    changed = false;
    for (const n of named) if (!directional.has(n) && [...own.get(n)!.refs].some((r) => directional.has(r))) directional.add(n), (changed = true);
  }
  for (const n of named) {
    if (directional.has(n)) n.write = types.claim(n.read + 'Writable');
    if (isObj(n.schema) && Array.isArray(n.schema.enum) && enumLiterals(n.schema.enum).length > 0) n.values = values.claim(n.read + 'Values');
  }

  // Alias edges (refs outside object members and array items): a cycle through them cannot be a type alias.
  const aliasRefs = new Map<Named, Set<Named>>();
  const aliasScan = (node: unknown, acc: Set<Named>) => {
    if (!isObj(node)) return;
    if (typeof node.$ref === 'string') {
      const t = lookup(node.$ref);
      if (t) acc.add(t);
      return;
    }
    for (const k of ['allOf', 'oneOf', 'anyOf']) if (Array.isArray(node[k])) for (const m of node[k] as unknown[]) aliasScan(m, acc);
  };
  for (const n of named) aliasScan(n.schema, aliasRefs.set(n, new Set()).get(n)!);
  const reaches = (from: Named, to: Named): boolean => {
    const stack = [from];
    const seen = new Set<Named>();
    while (stack.length) {
      const x = stack.pop()!;
      if (x === to) return true;
      if (seen.has(x)) continue;
      seen.add(x);
      stack.push(...aliasRefs.get(x)!);
    }
    return false;
  };

  interface Ctx {
    dir: Direction;
    refName: (name: string) => string;
    /** The named type being declared, while still in alias position. */
    aliasOf?: Named;
    stack: Set<string>;
    indent: string;
  }

  function refType(ref: string, ctx: Ctx): string {
    const target = lookup(ref);
    if (target) {
      if (ctx.aliasOf && reaches(target, ctx.aliasOf)) return 'unknown';
      return ctx.refName(ctx.dir === 'write' && target.write ? target.write : target.read);
    }
    if (ctx.stack.has(ref)) return 'unknown';
    const resolved = resolve(ref);
    if (resolved === undefined) return 'unknown';
    ctx.stack.add(ref);
    try {
      return emit(resolved, ctx);
    } finally {
      ctx.stack.delete(ref);
    }
  }

  function emit(schema: JsonSchema | undefined, ctx: Ctx): string {
    if (schema === undefined || schema === true) return 'unknown';
    if (schema === false) return 'never';
    if (!isObj(schema)) return 'unknown';
    const s = schema;
    if (typeof s.$ref === 'string') return nullable(s, refType(s.$ref, ctx));
    if ('const' in s) return literal(s.const);
    if (Array.isArray(s.enum)) {
      const lits = enumLiterals(s.enum);
      if (lits.length) return nullable(s, union(lits));
    }
    const parts: string[] = [];
    const members = Array.isArray(s.oneOf) ? s.oneOf : Array.isArray(s.anyOf) ? s.anyOf : undefined;
    if (members && members.length) parts.push(union(members.map((m) => discriminated(s, m as JsonSchema, ctx))));
    if (Array.isArray(s.allOf)) for (const m of s.allOf) parts.push(emit(m as JsonSchema, ctx));
    const hasOwn = s.type !== undefined || isObj(s.properties) || s.additionalProperties !== undefined || s.items !== undefined;
    if (hasOwn || parts.length === 0) parts.push(baseType(s, { ...ctx, aliasOf: undefined }));
    const unique = [...new Set(parts)].filter((p) => p !== 'unknown' || parts.length === 1);
    return nullable(s, unique.length === 1 ? unique[0]! : unique.length === 0 ? 'unknown' : unique.map((p) => paren(p)).join(' & '));
  }

  function discriminated(parent: Obj, member: JsonSchema, ctx: Ctx): string {
    const type = emit(member, ctx);
    const d = parent.discriminator;
    if (!isObj(d) || typeof d.propertyName !== 'string' || !isObj(member) || typeof member.$ref !== 'string') return type;
    const target = lookup(member.$ref);
    const mapping = isObj(d.mapping) ? d.mapping : {};
    let keys = Object.entries(mapping)
      .filter(([, v]) => v === member.$ref || (target !== undefined && v === target.raw))
      .map(([k]) => k);
    if (keys.length === 0 && target) keys = [target.raw];
    if (keys.length === 0) return type;
    return `${paren(type)} & { ${propertyKey(d.propertyName)}: ${union(keys.map((k) => stringLiteral(k)))} }`;
  }

  function baseType(s: Obj, ctx: Ctx): string {
    let kinds: string[] = Array.isArray(s.type) ? s.type.map(String) : typeof s.type === 'string' ? [s.type] : [];
    if (kinds.length === 0) {
      if (isObj(s.properties) || s.additionalProperties !== undefined) kinds = ['object'];
      else if (s.items !== undefined) kinds = ['array'];
      else return 'unknown';
    }
    return union(
      kinds.map((k) => {
        switch (k) {
          case 'string':
            return s.format === 'binary' ? 'Blob' : s.format === 'date-time' && typed.dateType === 'Date' ? 'Date' : 'string';
          case 'integer':
            return s.format === 'int64' && typed.int64 !== 'number' ? typed.int64 : 'number';
          case 'number':
            return 'number';
          case 'boolean':
            return 'boolean';
          case 'null':
            return 'null';
          case 'array':
            return `${paren(emit(s.items as JsonSchema | undefined, ctx), true)}[]`;
          case 'object':
            return objectType(s, ctx);
          default:
            return 'unknown';
        }
      }),
    );
  }

  function objectType(s: Obj, ctx: Ctx): string {
    const props = isObj(s.properties) ? s.properties : {};
    const required = new Set(Array.isArray(s.required) ? s.required.map(String) : []);
    const inner = ctx.indent + '  ';
    const lines: string[] = [];
    for (const [name, p] of Object.entries(props)) {
      if (isObj(p) && ((ctx.dir === 'write' && p.readOnly === true) || (ctx.dir === 'read' && p.writeOnly === true))) continue;
      const docLines = isObj(p) ? [typeof p.description === 'string' ? p.description.trim() : typeof p.title === 'string' ? p.title.trim() : undefined, p.deprecated === true ? '@deprecated' : undefined] : [];
      const t = emit(p as JsonSchema, { ...ctx, indent: inner });
      lines.push(`${docComment(docLines, inner)}${inner}${propertyKey(name)}${required.has(name) ? '' : '?'}: ${t};`);
    }
    const ap = s.additionalProperties;
    let index: string | undefined;
    if (ap === true || (ap === undefined && Object.keys(props).length === 0)) index = 'unknown';
    else if (isObj(ap)) index = emit(ap, { ...ctx, indent: inner });
    if (index === 'unknown') lines.push(`${inner}[key: string]: unknown;`);
    if (lines.length === 0) return ap === false ? 'Record<string, never>' : '{}';
    const body = `{\n${lines.join('\n')}\n${ctx.indent}}`;
    return index !== undefined && index !== 'unknown' ? `${body} & { [key: string]: ${index} }` : body;
  }

  function declare(n: Named, dir: Direction, name: string): string {
    const s = n.schema;
    const doc = isObj(s) ? docComment([typeof s.description === 'string' ? s.description.trim() : typeof s.title === 'string' ? s.title.trim() : undefined, s.deprecated === true ? '@deprecated' : undefined]) : '';
    const type = emit(s, { dir, refName: (x) => x, aliasOf: n, stack: new Set([n.pointer]), indent: '' });
    return `${doc}export type ${name} = ${type};\n`;
  }

  return {
    typeOf: (schema, dir, refName) => emit(schema, { dir, refName, stack: new Set(), indent: '' }),
    deref(schema) {
      let s = schema;
      for (let i = 0; i < 20 && isObj(s) && typeof s.$ref === 'string'; i++) s = resolve(s.$ref);
      return s;
    },
    declarations() {
      const out: string[] = [];
      for (const n of named) {
        out.push(declare(n, 'read', n.read));
        if (n.write) out.push(declare(n, 'write', n.write));
        if (n.values) out.push(`/** Every value of {@link ${n.read}}, for runtime checks and pickers. */\nexport const ${n.values} = [${enumLiterals((n.schema as Obj).enum as unknown[]).join(', ')}] as const;\n`);
        out.push('\n');
      }
      return out.join('');
    },
    names: () => named.flatMap((n) => (n.write ? [n.read, n.write] : [n.read])),
  };
}

function enumLiterals(values: unknown[]): string[] {
  return [...new Set(values.filter((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)).map(literal))];
}

function literal(v: unknown): string {
  if (typeof v === 'string') return stringLiteral(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'number';
  if (typeof v === 'boolean' || v === null) return String(v);
  return 'unknown';
}

function nullable(s: Obj, type: string): string {
  return s.nullable === true && type !== 'unknown' && !/\bnull$/.test(type) ? `${paren(type)} | null` : type;
}

function union(types: string[]): string {
  const unique = [...new Set(types)];
  if (unique.includes('unknown')) return 'unknown';
  return unique.length ? unique.map((t) => (scan(t).intersection && !scan(t).wrapped ? `(${t})` : t)).join(' | ') : 'never';
}

// Parenthesizes composite types so they can be combined; `strict` also wraps intersections (array element position).
function paren(type: string, strict = false): string {
  const top = scan(type);
  if (top.wrapped) return type;
  return top.union || (strict && top.intersection) ? `(${type})` : type;
}

// Where `|` / `&` occur outside brackets, string literals and comments; `wrapped` when one pair of parentheses spans the whole text.
function scan(type: string): { union: boolean; intersection: boolean; wrapped: boolean } {
  let depth = 0;
  const r = { union: false, intersection: false, wrapped: type.startsWith('(') };
  for (let i = 0; i < type.length; i++) {
    const c = type[i];
    if (c === '/' && type[i + 1] === '*') {
      const end = type.indexOf('*/', i + 2);
      i = end < 0 ? type.length : end + 1;
      continue;
    }
    if (c === "'") {
      for (i++; i < type.length && type[i] !== "'"; i++) if (type[i] === '\\') i++;
      continue;
    }
    if (c === '(' || c === '{' || c === '[' || c === '<') depth++;
    else if (c === ')' || c === '}' || c === ']' || c === '>') {
      depth--;
      if (depth === 0 && i < type.length - 1) r.wrapped = false;
    } else if (depth === 0 && c === '|') r.union = true;
    else if (depth === 0 && c === '&') r.intersection = true;
  }
  return r;
}
