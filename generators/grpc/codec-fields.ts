/**
 * The code of one field in a generated encoder and decoder, following
 * protobuf-es's to-binary.ts and from-binary.ts case by case: presence
 * checks (implicit zero values, explicit presence, required), packed and
 * unpacked lists, map entries, oneofs, unwrapped wrapper fields, Struct
 * fields held as JSON, delimited (group) messages, closed enums, 64-bit
 * integers as bigint or string.
 */
import { ScalarType, type DescEnum, type DescField, type DescMessage } from '@bufbuild/protobuf';
import { isWrapperDesc } from '@bufbuild/protobuf/wkt';
import { isIdentifier, stringLiteral } from '../core/names.js';
import { IMPLICIT, LEGACY_REQUIRED, usesJson, type MessagePlan } from './codec-plan.js';

/** What field code needs from the file being built. */
export interface FieldContext {
  /** The message being generated. */
  self: MessagePlan;
  /** Local name of a runtime export. */
  rt(name: string): string;
  /** Local name of a function of another message's codec (`write`, `read`, `readGroup`, `create`). */
  ref(desc: DescMessage, kind: 'write' | 'read' | 'readGroup' | 'create'): string;
  /** Local name of the set of values of a closed enum. */
  known(desc: DescEnum): string;
}

const WIRE = { varint: 0, bit64: 1, ld: 2, startGroup: 3, endGroup: 4, bit32: 5 } as const;

const METHOD: Record<ScalarType, string> = {
  [ScalarType.DOUBLE]: 'double',
  [ScalarType.FLOAT]: 'float',
  [ScalarType.INT64]: 'int64',
  [ScalarType.UINT64]: 'uint64',
  [ScalarType.INT32]: 'int32',
  [ScalarType.FIXED64]: 'fixed64',
  [ScalarType.FIXED32]: 'fixed32',
  [ScalarType.BOOL]: 'bool',
  [ScalarType.STRING]: 'string',
  [ScalarType.BYTES]: 'bytes',
  [ScalarType.UINT32]: 'uint32',
  [ScalarType.SFIXED32]: 'sfixed32',
  [ScalarType.SFIXED64]: 'sfixed64',
  [ScalarType.SINT32]: 'sint32',
  [ScalarType.SINT64]: 'sint64',
};

/** Writer methods that write a whole packed list (length prefix included). */
const PACKED_WRITE: Partial<Record<ScalarType, string>> = {
  [ScalarType.INT32]: 'int32s',
  [ScalarType.UINT32]: 'uint32s',
  [ScalarType.SINT32]: 'sint32s',
  [ScalarType.INT64]: 'int64s',
  [ScalarType.UINT64]: 'uint64s',
  [ScalarType.SINT64]: 'sint64s',
  [ScalarType.DOUBLE]: 'doubles',
};
/** Reader methods that read a whole packed run. */
const PACKED_READ: Partial<Record<ScalarType, string>> = { [ScalarType.DOUBLE]: 'doubles', [ScalarType.FLOAT]: 'floats', [ScalarType.BOOL]: 'bools' };

const IS_64 = new Set([ScalarType.INT64, ScalarType.UINT64, ScalarType.FIXED64, ScalarType.SFIXED64, ScalarType.SINT64]);

function wireOf(type: ScalarType): number {
  switch (type) {
    case ScalarType.BYTES:
    case ScalarType.STRING:
      return WIRE.ld;
    case ScalarType.DOUBLE:
    case ScalarType.FIXED64:
    case ScalarType.SFIXED64:
      return WIRE.bit64;
    case ScalarType.FIXED32:
    case ScalarType.SFIXED32:
    case ScalarType.FLOAT:
      return WIRE.bit32;
    default:
      return WIRE.varint;
  }
}

/** Bytes per value when every value has the same size (packed lists then need no fork). */
function fixedSize(type: ScalarType): number | undefined {
  const wire = wireOf(type);
  return wire === WIRE.bit64 ? 8 : wire === WIRE.bit32 ? 4 : type === ScalarType.BOOL ? 1 : undefined;
}

const tagOf = (no: number, wire: number) => ((no << 3) | wire) >>> 0;

/** `m.orderId` (or `m['odd-name']`). */
export function access(obj: string, localName: string): string {
  return isIdentifier(localName) ? `${obj}.${localName}` : `${obj}[${stringLiteral(localName)}]`;
}

/** The scalar type a field's values are written as (enums are int32). */
function scalarOf(field: DescField): ScalarType {
  if (field.fieldKind === 'enum' || (field.fieldKind === 'list' && field.listKind === 'enum') || (field.fieldKind === 'map' && field.mapKind === 'enum')) {
    return ScalarType.INT32;
  }
  return (field as { scalar: ScalarType }).scalar;
}

/** The condition under which an implicit-presence value is written (it is not its zero value), as protobuf-es inlines it. */
function nonZero(field: DescField, v: string): string {
  if (field.fieldKind === 'enum') return `${v} !== ${field.enum.values[0]!.number}`;
  const type = scalarOf(field);
  switch (type) {
    case ScalarType.BOOL:
      return `${v} !== false`;
    case ScalarType.STRING:
      return `${v} !== ''`;
    case ScalarType.BYTES:
      return `${v}.length !== 0`;
    case ScalarType.DOUBLE:
    case ScalarType.FLOAT:
      return `(${v} !== 0 || Object.is(${v}, -0))`;
    default:
      // loose, like protobuf-es: 0n, 0 and "0" are all zero
      return IS_64.has(type) ? `(${v} as unknown) != 0` : `${v} !== 0`;
  }
}

/** Writes a bare scalar value `v` with its tag. */
function scalarWrite(type: ScalarType, no: number, v: string): string {
  return `w.tag(${tagOf(no, wireOf(type))}); w.${METHOD[type]}(${v});`;
}

/** The message of a local value: a google.protobuf.Struct held as a JSON object is converted, as protobuf-es converts it. */
function asMessage(ctx: FieldContext, field: DescField, v: string): string {
  return usesJson(field) ? `${ctx.rt('structToMessage')}(${v})` : v;
}

/** The local value of a message read (the JSON object of a Struct). */
function asLocal(ctx: FieldContext, field: DescField, message: string): string {
  return usesJson(field) ? `${ctx.rt('structToJson')}(${message})` : message;
}

/** Writes message value `v` of field number `no`: length-delimited, or as a group. */
function messageWrite(ctx: FieldContext, field: DescField, desc: DescMessage, local: string, delimited: boolean): string {
  const no = field.number;
  const v = asMessage(ctx, field, local);
  if (isWrapperDesc(desc) && field.fieldKind === 'message' && !field.oneof) {
    // protobuf-es holds a singular wrapper field as its value: write the wrapper message around it
    const inner = desc.fields[0]!;
    const body = `if (${nonZero(inner, v)}) { ${scalarWrite(scalarOf(inner), inner.number, v)} }`;
    return delimited ? `w.tag(${tagOf(no, WIRE.startGroup)}); ${body} w.tag(${tagOf(no, WIRE.endGroup)});` : `w.tag(${tagOf(no, WIRE.ld)}); w.fork(); ${body} w.join();`;
  }
  const write = ctx.ref(desc, 'write');
  return delimited
    ? `w.tag(${tagOf(no, WIRE.startGroup)}); ${write}(${v}, w); w.tag(${tagOf(no, WIRE.endGroup)});`
    : `w.tag(${tagOf(no, WIRE.ld)}); w.fork(); ${write}(${v}, w); w.join();`;
}

const delimitedOf = (field: DescField) => 'delimitedEncoding' in field && field.delimitedEncoding === true;

/** The encoder statements of one field (fields are emitted in field-number order). */
export function writeField(ctx: FieldContext, field: DescField): string {
  const v = access('m', field.localName);
  const no = field.number;
  if (field.oneof) {
    const o = access('m', field.oneof.localName);
    const value = `${o}.value`;
    const body = field.fieldKind === 'message' ? messageWrite(ctx, field, field.message, value, delimitedOf(field)) : scalarWrite(scalarOf(field), no, value);
    return `  if (${o}.case === ${stringLiteral(field.localName)}) { ${body} }\n`;
  }
  switch (field.fieldKind) {
    case 'scalar':
    case 'enum':
    case 'message': {
      const body = field.fieldKind === 'message' ? messageWrite(ctx, field, field.message, v, field.delimitedEncoding) : scalarWrite(scalarOf(field), no, v);
      if (field.fieldKind !== 'message' && field.presence === IMPLICIT) return `  if (${nonZero(field, v)}) { ${body} }\n`;
      const own = ctx.self.prototype ? ` && Object.hasOwn(m, ${stringLiteral(field.localName)})` : '';
      const required = field.presence === LEGACY_REQUIRED ? ` else throw new Error(${stringLiteral(`cannot encode ${field} to binary: required field not set`)});` : '';
      return `  if (${v} !== undefined${own}) { ${body} }${required}\n`;
    }
    case 'list': {
      const item = 'a[i]!';
      if (field.listKind === 'message') {
        return `  { const a = ${v}; for (let i = 0; i < a.length; i++) { ${messageWrite(ctx, field, field.message, item, field.delimitedEncoding)} } }\n`;
      }
      const type = scalarOf(field);
      if (!field.packed) return `  { const a = ${v}; for (let i = 0; i < a.length; i++) { ${scalarWrite(type, no, item)} } }\n`;
      const batch = PACKED_WRITE[type];
      if (batch) return `  { const a = ${v}; if (a.length !== 0) { w.tag(${tagOf(no, WIRE.ld)}); w.${batch}(a); } }\n`;
      const size = fixedSize(type);
      const open = size ? `w.tag(${tagOf(no, WIRE.ld)}); w.tag(a.length * ${size});` : `w.tag(${tagOf(no, WIRE.ld)}); w.fork();`;
      return `  { const a = ${v}; if (a.length !== 0) { ${open} for (let i = 0; i < a.length; i++) w.${METHOD[type]}(${item});${size ? '' : ' w.join();'} } }\n`;
    }
    case 'map': {
      const keyType = field.mapKey;
      const convert =
        keyType === ScalarType.STRING ? 'k' : keyType === ScalarType.BOOL ? `${ctx.rt('boolKey')}(k)` : IS_64.has(keyType) ? `${ctx.rt('bigintKey')}(k)` : `${ctx.rt('intKey')}(k)`;
      const value =
        field.mapKind === 'message'
          ? `w.tag(18); w.fork(); ${ctx.ref(field.message, 'write')}(${asMessage(ctx, field, 'o[k]!')}, w); w.join();`
          : scalarWrite(scalarOf(field), 2, 'o[k]!');
      return `  { const o = ${stringKeyed(field, v)}; const ks = Object.keys(o); for (let i = 0; i < ks.length; i++) { const k = ks[i]!; w.tag(${tagOf(no, WIRE.ld)}); w.fork(); ${scalarWrite(keyType, 1, convert)} ${value} w.join(); } }\n`;
    }
  }
}

/** Reads a bare scalar of `type` (for strings, strict UTF-8 when the field verifies it; 64-bit as string when asked). */
function scalarRead(type: ScalarType, strict: boolean, asString: boolean): string {
  const read = type === ScalarType.STRING ? `r.string(${strict})` : `r.${METHOD[type]}()`;
  return asString && IS_64.has(type) ? `String(${read})` : read;
}

/** Reads a message of `desc` into `into` (an existing value to merge into, or a new one). */
function messageRead(ctx: FieldContext, field: DescField, desc: DescMessage, into: string, delimited: boolean): string {
  return delimited ? `${ctx.ref(desc, 'readGroup')}(r, ${field.number}, ${into}, depth)` : `${ctx.ref(desc, 'read')}(r, r.uint32(), ${into}, depth)`;
}

/** The decoder statements of one field, as a `case` of the switch on the field number. */
export function readField(ctx: FieldContext, field: DescField): string {
  const v = access('m', field.localName);
  const no = field.number;
  const caseName = stringLiteral(field.localName);
  const strict = field.utf8Validation;
  let body: string;
  switch (field.fieldKind) {
    case 'scalar': {
      const read = scalarRead(field.scalar, strict, field.longAsString);
      body = field.oneof ? `${access('m', field.oneof.localName)} = { case: ${caseName}, value: ${read} };` : `${v} = ${read};`;
      break;
    }
    case 'enum': {
      const set = (x: string) => (field.oneof ? `${access('m', field.oneof.localName)} = { case: ${caseName}, value: ${x} };` : `${v} = ${x};`);
      body = field.enum.open
        ? set('r.int32()')
        : // closed enum: a value it does not declare is kept as an unknown field
          `{ const x = r.int32(); if (${ctx.known(field.enum)}.has(x)) ${set('x')} else ${ctx.rt('unknownEnum')}(m, ${no}, t & 7, x); }`;
      break;
    }
    case 'message': {
      const desc = field.message;
      if (field.oneof) {
        const o = access('m', field.oneof.localName);
        const into = usesJson(field)
          ? asMessage(ctx, field, `o.case === ${caseName} ? o.value : undefined`)
          : `(o.case === ${caseName} ? o.value : ${ctx.ref(desc, 'create')}())`;
        body = `{ const o = ${o}; ${o} = { case: ${caseName}, value: ${asLocal(ctx, field, messageRead(ctx, field, desc, into, field.delimitedEncoding))} }; }`;
      } else if (isWrapperDesc(desc)) {
        // unwrapped: read a wrapper holding the current value, keep its value
        body = `{ const c = ${ctx.ref(desc, 'create')}(); if (${v} !== undefined) c.value = ${v}; ${v} = ${messageRead(ctx, field, desc, 'c', field.delimitedEncoding)}.value; }`;
      } else {
        const into = usesJson(field) ? asMessage(ctx, field, v) : `${v} ?? ${ctx.ref(desc, 'create')}()`;
        body = `${v} = ${asLocal(ctx, field, messageRead(ctx, field, desc, into, field.delimitedEncoding))};`;
      }
      break;
    }
    case 'list': {
      if (field.listKind === 'message') {
        const into = usesJson(field) ? asMessage(ctx, field, 'undefined') : `${ctx.ref(field.message, 'create')}()`;
        body = `${v}.push(${asLocal(ctx, field, messageRead(ctx, field, field.message, into, field.delimitedEncoding))});`;
        break;
      }
      const type = scalarOf(field);
      const read = scalarRead(type, strict, field.listKind === 'scalar' && field.longAsString);
      // packed or not, whatever the field declares, as protobuf-es reads both
      const batch = PACKED_READ[type];
      body =
        type === ScalarType.STRING || type === ScalarType.BYTES
          ? `${v}.push(${read});`
          : batch
            ? `{ const a = ${v}; if ((t & 7) === 2) r.${batch}(a); else a.push(${read}); }`
            : `{ const a = ${v}; if ((t & 7) === 2) { const e = r.uint32() + r.pos; while (r.pos < e) a.push(${read}); } else a.push(${read}); }`;
      break;
    }
    case 'map':
      body = mapRead(ctx, field, v);
      break;
  }
  return `      case ${no}: ${body} break;\n`;
}

/** 32-bit integer keys make protoc-gen-es type a map `{ [key: number]: V }`; the codec indexes it by the string keys it holds. */
function numberKeyed(field: DescField & { fieldKind: 'map' }): boolean {
  return !IS_64.has(field.mapKey) && field.mapKey !== ScalarType.STRING && field.mapKey !== ScalarType.BOOL;
}

function stringKeyed(field: DescField & { fieldKind: 'map' }, v: string): string {
  return numberKeyed(field) ? `${v} as { [key: string]: (typeof ${v})[number] }` : v;
}

function mapRead(ctx: FieldContext, field: DescField & { fieldKind: 'map' }, v: string): string {
  const keyType = field.mapKey;
  const readKey = scalarRead(keyType, field.utf8Validation, false);
  const keyZero = keyType === ScalarType.STRING ? "''" : keyType === ScalarType.BOOL ? 'false' : IS_64.has(keyType) ? '0n' : '0';
  let readValue: string;
  let zero: string;
  switch (field.mapKind) {
    case 'message':
      readValue = asLocal(ctx, field, `${ctx.ref(field.message, 'read')}(r, r.uint32(), ${usesJson(field) ? asMessage(ctx, field, 'v') : `v ?? ${ctx.ref(field.message, 'create')}()`}, depth)`);
      zero = usesJson(field) ? '{}' : `${ctx.ref(field.message, 'create')}()`;
      break;
    case 'enum':
      readValue = 'r.int32()';
      zero = String(field.enum.values[0]!.number);
      break;
    case 'scalar':
      readValue = scalarRead(field.scalar, field.utf8Validation, false);
      zero = zeroOf(field.scalar);
      break;
  }
  return (
    `{ const o = ${stringKeyed(field, v)}; let k: ${keyType === ScalarType.STRING ? 'string' : keyType === ScalarType.BOOL ? 'boolean' : IS_64.has(keyType) ? 'bigint' : 'number'} | undefined; let v: (typeof o)[string] | undefined; ` +
    `const e = r.uint32() + r.pos; while (r.pos < e) { const et = r.tag(); switch (et >>> 3) { case 1: k = ${readKey}; break; case 2: v = ${readValue}; break; default: r.skip(et & 7, et >>> 3, ${ctx.rt('RECURSION_LIMIT')} - depth); } } ` +
    // a key "__proto__" needs defineProperty; every other key is a plain assignment
    (keyType === ScalarType.STRING
      ? `const kk = k ?? ''; if (kk === '__proto__') ${ctx.rt('setEntry')}(o, kk, v ?? ${zero}); else o[kk] = v ?? ${zero}; }`
      : numberKeyed(field)
        ? // a number indexes the record as its decimal string would (no string built here)
          `o[k ?? ${keyZero}] = v ?? ${zero}; }`
        : `o[String(k ?? ${keyZero})] = v ?? ${zero}; }`)
  );
}

/** The zero value of a scalar as protobuf-es's scalarZeroValue gives it (a fresh array for bytes). */
export function zeroOf(type: ScalarType, asString = false): string {
  switch (type) {
    case ScalarType.STRING:
      return "''";
    case ScalarType.BOOL:
      return 'false';
    case ScalarType.BYTES:
      return 'new Uint8Array(0)';
    default:
      return IS_64.has(type) ? (asString ? "'0'" : '0n') : '0';
  }
}
