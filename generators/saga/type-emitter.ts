/**
 * TypeScript types from the contracts a saga calls: JSON Schemas (OpenAPI
 * bodies, AsyncAPI payloads, the saga's `data`) and protobuf messages.
 * Referenced schemas and messages become named aliases, emitted once, so
 * recursive shapes stay finite and the output reads like hand-written types.
 */
import type { JsonSchema, ProtoContract } from '../../contracts/model/types.js';
import { createNameScope, docComment, pascalCase, propertyKey, stringLiteral } from '../core/names.js';

/** Resolves a `$ref` seen in a document to a schema and the document it lives in. */
export type RefResolver = (ref: string, doc: DocRef) => { schema: JsonSchema; doc: DocRef; key: string; hint: string } | undefined;

/** A document a schema lives in (for resolving its local `#/…` refs). */
export interface DocRef {
  /** Contract name (prefix of generated names). */
  name: string;
  document: Record<string, unknown> | undefined;
}

/**
 * Which side of an HTTP exchange a schema describes: `read` (a response:
 * `writeOnly` properties left out) or `write` (a request: `readOnly` ones
 * left out), as the generated REST client types them. Undefined: neither.
 */
export type Direction = 'read' | 'write' | undefined;

/** Collects named types and turns schemas into type text. */
export function createTypeEmitter(resolve: RefResolver, reserved: Iterable<string> = []) {
  const scope = createNameScope(reserved);
  const named = new Map<string, { name: string; text: string; doc?: string }>();
  const order: string[] = [];

  function literal(v: unknown): string {
    if (typeof v === 'string') return stringLiteral(v);
    if (typeof v === 'number' || typeof v === 'boolean' || v === null) return String(v);
    return 'unknown';
  }
  const paren = (t: string) => (/[|&]/.test(t) ? `(${t})` : t);

  // whether a schema (through its refs) has readOnly/writeOnly properties, so its two directions differ
  const sided = new Map<string, boolean>();
  function hasSides(schema: JsonSchema | undefined, doc: DocRef, seen = new Set<string>()): boolean {
    if (schema === undefined || typeof schema !== 'object') return false;
    const s = schema as Record<string, any>;
    if (typeof s.$ref === 'string') {
      const target = resolve(s.$ref, doc);
      if (!target || seen.has(target.key)) return false;
      if (sided.has(target.key)) return sided.get(target.key)!;
      seen.add(target.key);
      const r = hasSides(target.schema, target.doc, seen);
      sided.set(target.key, r);
      return r;
    }
    if (s.readOnly === true || s.writeOnly === true) return true;
    const kids: unknown[] = [...Object.values(s.properties ?? {}), s.items, s.additionalProperties, ...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])];
    return kids.some((k) => typeof k === 'object' && k !== null && hasSides(k as JsonSchema, doc, seen));
  }

  function schemaType(schema: JsonSchema | undefined, doc: DocRef, indent = '', dir?: Direction): string {
    if (schema === undefined || schema === true) return 'unknown';
    if (schema === false) return 'never';
    const s = schema as Record<string, any>;
    if (typeof s.$ref === 'string') {
      const target = resolve(s.$ref, doc);
      if (!target) return 'unknown';
      const side = dir !== undefined && hasSides(s, doc) ? dir : undefined;
      const key = side ? `${target.key}|${side}` : target.key;
      if (!named.has(key)) {
        const entry = { name: scope.claim(pascalCase(side === 'write' ? `${target.hint} writable` : target.hint)), text: 'unknown', doc: undefined as string | undefined };
        named.set(key, entry);
        order.push(key);
        entry.text = schemaType(target.schema, target.doc, '', side);
        const t = target.schema as Record<string, unknown>;
        entry.doc = typeof t === 'object' && typeof t.description === 'string' ? t.description : undefined;
      }
      return named.get(key)!.name;
    }
    let t = shape(s, doc, indent, dir);
    if (s.nullable === true && t !== 'unknown') t = `${t} | null`;
    return t;
  }

  function shape(s: Record<string, any>, doc: DocRef, indent: string, dir: Direction): string {
    if ('const' in s) return literal(s.const);
    if (Array.isArray(s.enum)) return s.enum.map(literal).join(' | ') || 'never';
    if (Array.isArray(s.allOf)) return s.allOf.map((x: JsonSchema) => paren(schemaType(x, doc, indent, dir))).join(' & ') || 'unknown';
    const alts = s.oneOf ?? s.anyOf;
    if (Array.isArray(alts)) return alts.map((x: JsonSchema) => paren(schemaType(x, doc, indent, dir))).join(' | ') || 'unknown';
    if (Array.isArray(s.type)) return s.type.map((ty: string) => shape({ ...s, type: ty }, doc, indent, dir)).join(' | ');
    switch (s.type) {
      case 'string':
        return 'string';
      case 'integer':
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'null':
        return 'null';
      case 'array':
        return `${paren(schemaType(s.items, doc, indent, dir))}[]`;
    }
    if (s.type === 'object' || s.properties || s.additionalProperties !== undefined) return objectType(s, doc, indent, dir);
    return 'unknown';
  }

  function objectType(s: Record<string, any>, doc: DocRef, indent: string, dir: Direction): string {
    const hidden = (p: JsonSchema) => typeof p === 'object' && ((dir === 'read' && p.writeOnly === true) || (dir === 'write' && p.readOnly === true));
    const props = Object.entries((s.properties ?? {}) as Record<string, JsonSchema>).filter(([, p]) => !hidden(p));
    const required = new Set<string>(Array.isArray(s.required) ? s.required : []);
    const extra = s.additionalProperties;
    if (props.length === 0) return `Record<string, ${extra && extra !== true ? schemaType(extra, doc, indent, dir) : 'unknown'}>`;
    const inner = indent + '  ';
    const lines = props.map(([key, p]) => {
      const d = typeof p === 'object' && typeof p.description === 'string' ? docComment([p.description], inner) : '';
      return `${d}${inner}${propertyKey(key)}${required.has(key) ? '' : '?'}: ${schemaType(p, doc, inner, dir)};\n`;
    });
    if (extra && extra !== false) lines.push(`${inner}[key: string]: unknown;\n`);
    return `{\n${lines.join('')}${indent}}`;
  }

  const SCALARS: Record<string, string> = {
    double: 'number', float: 'number', int32: 'number', uint32: 'number', sint32: 'number', fixed32: 'number', sfixed32: 'number',
    int64: 'bigint', uint64: 'bigint', sint64: 'bigint', fixed64: 'bigint', sfixed64: 'bigint',
    bool: 'boolean', string: 'string', bytes: 'Uint8Array',
  };

  /**
   * The type of a protobuf message: its fields as protobuf-es names them, all
   * optional as in a message init. The `read` side (what a participant
   * returns) also allows `undefined`, as protobuf-es declares message fields,
   * so its messages fit under exactOptionalPropertyTypes; the request side
   * does not, so it fits protobuf-es's `MessageInit` there.
   */
  function messageType(proto: ProtoContract, fullName: string, dir?: Direction): string {
    const read = dir === 'read';
    const key = `proto:${proto.root}:${fullName}${read ? '|read' : ''}`;
    if (named.has(key)) return named.get(key)!.name;
    const message = proto.messages.find((m) => m.fullName === fullName);
    if (!message) return 'unknown';
    const entry = { name: scope.claim(pascalCase(message.name)), text: 'unknown', doc: undefined as string | undefined };
    named.set(key, entry);
    order.push(key);
    const nested = (type: string) => messageType(proto, type.replace(/^\./, ''), dir);
    const lines = message.fields.map((f) => {
      let t = 'unknown';
      if (f.fieldKind === 'scalar' || SCALARS[f.type]) t = SCALARS[f.type] ?? 'unknown';
      else if (f.fieldKind === 'enum') t = 'number';
      else if (f.fieldKind === 'message') t = nested(f.type);
      else if (f.fieldKind === 'map') t = 'Record<string, unknown>';
      else if (f.fieldKind === 'list') t = `${paren(SCALARS[f.type] ?? (proto.messages.some((m) => m.fullName === f.type.replace(/^\./, '')) ? nested(f.type) : 'unknown'))}[]`;
      return `  ${propertyKey(localName(f.name))}?: ${t}${read && t !== 'unknown' ? ' | undefined' : ''};\n`;
    });
    entry.text = lines.length ? `{\n${lines.join('')}}` : 'Record<string, never>';
    entry.doc = `The protobuf message \`${fullName}\`${read ? ' (as a participant returns it)' : ''}.`;
    return entry.name;
  }

  return {
    schemaType,
    messageType,
    /** Reserves a name for a type the caller declares. */
    claim: (base: string) => scope.claim(base),
    /** The named types collected so far, as `export type` declarations in first-use order. */
    declarations(): string {
      return order
        .map((k) => named.get(k)!)
        .map((e) => `${docComment([e.doc])}export type ${e.name} = ${e.text};\n`)
        .join('\n');
    },
  };
}

/** protobuf-es's local name of a field: lowerCamelCase of the proto name. */
export function localName(protoName: string): string {
  return protoName.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
