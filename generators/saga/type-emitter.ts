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

  function schemaType(schema: JsonSchema | undefined, doc: DocRef, indent = ''): string {
    if (schema === undefined || schema === true) return 'unknown';
    if (schema === false) return 'never';
    const s = schema as Record<string, any>;
    if (typeof s.$ref === 'string') {
      const target = resolve(s.$ref, doc);
      if (!target) return 'unknown';
      if (!named.has(target.key)) {
        const entry = { name: scope.claim(pascalCase(target.hint)), text: 'unknown', doc: undefined as string | undefined };
        named.set(target.key, entry);
        order.push(target.key);
        entry.text = schemaType(target.schema, target.doc, '');
        const t = target.schema as Record<string, unknown>;
        entry.doc = typeof t === 'object' && typeof t.description === 'string' ? t.description : undefined;
      }
      return named.get(target.key)!.name;
    }
    let t = shape(s, doc, indent);
    if (s.nullable === true && t !== 'unknown') t = `${t} | null`;
    return t;
  }

  function shape(s: Record<string, any>, doc: DocRef, indent: string): string {
    if ('const' in s) return literal(s.const);
    if (Array.isArray(s.enum)) return s.enum.map(literal).join(' | ') || 'never';
    if (Array.isArray(s.allOf)) return s.allOf.map((x: JsonSchema) => paren(schemaType(x, doc, indent))).join(' & ') || 'unknown';
    const alts = s.oneOf ?? s.anyOf;
    if (Array.isArray(alts)) return alts.map((x: JsonSchema) => paren(schemaType(x, doc, indent))).join(' | ') || 'unknown';
    if (Array.isArray(s.type)) return s.type.map((ty: string) => shape({ ...s, type: ty }, doc, indent)).join(' | ');
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
        return `${paren(schemaType(s.items, doc, indent))}[]`;
    }
    if (s.type === 'object' || s.properties || s.additionalProperties !== undefined) return objectType(s, doc, indent);
    return 'unknown';
  }

  function objectType(s: Record<string, any>, doc: DocRef, indent: string): string {
    const props = Object.entries((s.properties ?? {}) as Record<string, JsonSchema>);
    const required = new Set<string>(Array.isArray(s.required) ? s.required : []);
    const extra = s.additionalProperties;
    if (props.length === 0) return `Record<string, ${extra && extra !== true ? schemaType(extra, doc, indent) : 'unknown'}>`;
    const inner = indent + '  ';
    const lines = props.map(([key, p]) => {
      const d = typeof p === 'object' && typeof p.description === 'string' ? docComment([p.description], inner) : '';
      return `${d}${inner}${propertyKey(key)}${required.has(key) ? '' : '?'}: ${schemaType(p, doc, inner)};\n`;
    });
    if (extra && extra !== false) lines.push(`${inner}[key: string]: unknown;\n`);
    return `{\n${lines.join('')}${indent}}`;
  }

  const SCALARS: Record<string, string> = {
    double: 'number', float: 'number', int32: 'number', uint32: 'number', sint32: 'number', fixed32: 'number', sfixed32: 'number',
    int64: 'bigint', uint64: 'bigint', sint64: 'bigint', fixed64: 'bigint', sfixed64: 'bigint',
    bool: 'boolean', string: 'string', bytes: 'Uint8Array',
  };

  /** The type of a protobuf message (its fields as protobuf-es names them, all optional as in a message init). */
  function messageType(proto: ProtoContract, fullName: string): string {
    const key = `proto:${proto.root}:${fullName}`;
    if (named.has(key)) return named.get(key)!.name;
    const message = proto.messages.find((m) => m.fullName === fullName);
    if (!message) return 'unknown';
    const entry = { name: scope.claim(pascalCase(message.name)), text: 'unknown', doc: undefined as string | undefined };
    named.set(key, entry);
    order.push(key);
    const lines = message.fields.map((f) => {
      let t = 'unknown';
      if (f.fieldKind === 'scalar' || SCALARS[f.type]) t = SCALARS[f.type] ?? 'unknown';
      else if (f.fieldKind === 'enum') t = 'number';
      else if (f.fieldKind === 'message') t = messageType(proto, f.type.replace(/^\./, ''));
      else if (f.fieldKind === 'map') t = 'Record<string, unknown>';
      else if (f.fieldKind === 'list') t = `${paren(SCALARS[f.type] ?? (proto.messages.some((m) => m.fullName === f.type.replace(/^\./, '')) ? messageType(proto, f.type.replace(/^\./, '')) : 'unknown'))}[]`;
      return `  ${propertyKey(localName(f.name))}?: ${t};\n`;
    });
    entry.text = lines.length ? `{\n${lines.join('')}}` : 'Record<string, never>';
    entry.doc = `The protobuf message \`${fullName}\`.`;
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
