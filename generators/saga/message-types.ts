/**
 * TypeScript types of the protobuf messages a saga's gRPC steps send and
 * receive, as named aliases in the saga's type scope (next to the JSON
 * Schema aliases of core/schema-ts/declare-refs.ts, in one first-use order).
 * Messages are not JSON Schemas, so this is not the schema printer's: it
 * follows protobuf-es's shapes.
 */
import type { ProtoContract } from '../../contracts/model/types.js';
import { propertyKey } from '../core/names.js';
import type { RefTypes } from '../core/schema-ts/declare-refs.js';
import type { Direction } from '../core/schema-ts/types.js';

const SCALARS: Record<string, string> = {
  double: 'number', float: 'number', int32: 'number', uint32: 'number', sint32: 'number', fixed32: 'number', sfixed32: 'number',
  int64: 'bigint', uint64: 'bigint', sint64: 'bigint', fixed64: 'bigint', sfixed64: 'bigint',
  bool: 'boolean', string: 'string', bytes: 'Uint8Array',
};

const paren = (t: string) => (/[|&]/.test(t) ? `(${t})` : t);

/**
 * The type of a protobuf message: its fields as protobuf-es names them, all
 * optional as in a message init. The `read` side (what a participant
 * returns) also allows `undefined`, as protobuf-es declares message fields,
 * so its messages fit under exactOptionalPropertyTypes; the request side
 * does not, so it fits protobuf-es's `MessageInit` there.
 */
export function messageType<D>(types: RefTypes<D>, proto: ProtoContract, fullName: string, dir?: Direction): string {
  const read = dir === 'read';
  const key = `proto:${proto.root}:${fullName}${read ? '|read' : ''}`;
  const message = proto.messages.find((m) => m.fullName === fullName);
  if (!message) return 'unknown';
  return types.declare(key, message.name, () => {
    const nested = (type: string) => messageType(types, proto, type.replace(/^\./, ''), dir);
    const lines = message.fields.map((f) => {
      let t = 'unknown';
      // a list first: the loader gives a repeated scalar its scalar's type name, which must not make it a single scalar
      if (f.fieldKind === 'list') t = `${paren(SCALARS[f.type] ?? (proto.messages.some((m) => m.fullName === f.type.replace(/^\./, '')) ? nested(f.type) : 'unknown'))}[]`;
      else if (f.fieldKind === 'scalar' || SCALARS[f.type]) t = SCALARS[f.type] ?? 'unknown';
      else if (f.fieldKind === 'enum') t = 'number';
      else if (f.fieldKind === 'message') t = nested(f.type);
      else if (f.fieldKind === 'map') t = 'Record<string, unknown>';
      return `  ${propertyKey(localName(f.name))}?: ${t}${read && t !== 'unknown' ? ' | undefined' : ''};\n`;
    });
    return { text: lines.length ? `{\n${lines.join('')}}` : 'Record<string, never>', doc: `The protobuf message \`${fullName}\`${read ? ' (as a participant returns it)' : ''}.` };
  });
}

/** protobuf-es's local name of a field: lowerCamelCase of the proto name. */
export function localName(protoName: string): string {
  return protoName.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
