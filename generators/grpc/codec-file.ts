/**
 * The `<name>_codec.ts` file (`codec: fast`): per message `new<M>()`,
 * `write<M>()`, `read<M>()` specialised to its fields, and `<M>Codec`
 * (`encode`/`decode`) over @contractkit/runtime/protobuf, producing and
 * accepting the protobuf-es message objects of `<name>_pb.ts` and the bytes
 * of `toBinary`/`fromBinary`.
 */
import type { DescEnum, DescFile, DescMessage } from '@bufbuild/protobuf';
import type { GeneratedFile } from '../core/registry.js';
import { docComment, propertyKey, stringLiteral } from '../core/names.js';
import { createTsFile, type TsFile } from '../core/ts-file.js';
import { readField, writeField, zeroOf, type FieldContext } from './codec-fields.js';
import { IMPLICIT, relativeModule, type CodecPlan, type MessagePlan } from './codec-plan.js';
import type { ProtopluginNames } from './protoplugin.js';

/** The runtime module codec files import. */
export const RUNTIME_PROTOBUF = '@contractkit/runtime/protobuf';

/** The module of protoc-gen-es's output for `file`, as imported from generated file `from`. */
export function pbModule(names: ProtopluginNames, from: string, file: DescFile, filesToGenerate: readonly DescFile[]): string {
  const target = names.generateFilePath(file, false, filesToGenerate, []);
  return target.startsWith('./') ? relativeModule(from, target.slice(2)) : target;
}

/** The object literal of an empty proto3 message, member by member as protobuf-es's create() builds it. */
function emptyLiteral(desc: DescMessage): string {
  const parts = [`$typeName: ${stringLiteral(desc.typeName)}`];
  for (const member of desc.members) {
    const key = propertyKey(member.localName);
    if (member.kind === 'oneof') {
      parts.push(`${key}: { case: undefined }`);
      continue;
    }
    switch (member.fieldKind) {
      case 'list':
        parts.push(`${key}: []`);
        break;
      case 'map':
        parts.push(`${key}: {}`);
        break;
      case 'scalar':
        if (member.presence === IMPLICIT) parts.push(`${key}: ${zeroOf(member.scalar, member.longAsString)}`);
        break;
      case 'enum':
        if (member.presence === IMPLICIT) parts.push(`${key}: ${member.enum.values[0]!.number}`);
        break;
      case 'message':
        // absent from an empty message
        break;
    }
  }
  return `{ ${parts.join(', ')} }`;
}

/** Builds the codec file of one planned file. */
export function buildCodecFile(entry: CodecPlan['files'][number], plan: CodecPlan, names: ProtopluginNames, filesToGenerate: readonly DescFile[]): GeneratedFile {
  const out = createTsFile(entry.path);
  for (const m of entry.messages) {
    out.declare(m.write);
    out.declare(m.read);
    if (m.readGroup) out.declare(m.readGroup);
    out.declare(m.create);
    out.declare(m.codec);
  }
  const known = new Map<DescEnum, string>();
  const constants: string[] = [];
  const rt = (name: string) => out.importValue(name, RUNTIME_PROTOBUF);
  const ctxFor = (self: MessagePlan): FieldContext => ({
    self,
    rt,
    ref(desc, kind) {
      const p = plan.message(desc);
      const name = p[kind];
      if (!name) throw new Error(`generator bug: ${desc.typeName} has no ${kind}`);
      return p.file === entry.path ? name : out.importValue(name, relativeModule(entry.path, p.file));
    },
    known(desc) {
      let name = known.get(desc);
      if (!name) {
        name = out.declare(`known$${desc.typeName.replace(/[^A-Za-z0-9_]/g, '_')}`);
        known.set(desc, name);
        constants.push(`/** Values of the closed enum \`${desc.typeName}\`: others are kept as unknown fields. */\nconst ${name} = new Set<number>([${[...new Set(desc.values.map((v) => v.number))].join(', ')}]);\n`);
      }
      return name;
    },
  });
  const parts = entry.messages.map((m) => messageCode(out, m, ctxFor(m), names, filesToGenerate));
  out.print(constants.join(''), constants.length ? '\n' : '', parts.join('\n'));
  return out.toGeneratedFile();
}

function messageCode(out: TsFile, m: MessagePlan, ctx: FieldContext, names: ProtopluginNames, filesToGenerate: readonly DescFile[]): string {
  const desc = m.desc;
  const mod = pbModule(names, out.path, desc.file, filesToGenerate);
  const type = out.importType(names.generatedShapeName(desc), mod);
  const writer = out.importType('ProtoWriter', RUNTIME_PROTOBUF);
  const reader = out.importType('ProtoReader', RUNTIME_PROTOBUF);
  const name = stringLiteral(desc.typeName);
  const lines: string[] = [];
  const create = m.prototype ? `${out.importValue('create', '@bufbuild/protobuf')}(${out.importValue(names.generatedDescName(desc), mod)})` : emptyLiteral(desc);
  lines.push(
    docComment([`An empty \`${desc.typeName}\`, as protobuf-es's \`create()\` makes it.`]),
    `export function ${m.create}(): ${type} {\n  return ${create};\n}\n\n`,
  );
  const fields = [...desc.fields].sort((a, b) => a.number - b.number);
  lines.push(
    docComment([`Writes the fields of \`${desc.typeName}\` in field-number order, then its unknown fields, as \`toBinary\` does.`]),
    `export function ${m.write}(m: ${type}, w: ${writer}): void {\n`,
    ...fields.map((f) => writeField(ctx, f)),
    `  if (m.$unknown !== undefined) ${ctx.rt('writeUnknown')}(w, m.$unknown);\n}\n\n`,
  );
  const cases = fields.map((f) => readField(ctx, f)).join('') + `      default: u = ${ctx.rt('readUnknown')}(r, u, t, depth);\n`;
  const keep = `  if (u !== undefined && u.length > 0) m.$unknown = u;\n  return m;\n}\n\n`;
  const guard = `  if (++depth > ${ctx.rt('RECURSION_LIMIT')}) ${ctx.rt('tooDeep')}(${name});\n`;
  lines.push(
    docComment([`Reads \`len\` bytes of \`${desc.typeName}\` fields into \`m\` (merging, as \`fromBinary\` does) and returns it.`]),
    `export function ${m.read}(r: ${reader}, len: number, m: ${type}, depth: number): ${type} {\n`,
    guard,
    `  const end = r.pos + len;\n  let u = m.$unknown;\n  while (r.pos < end) {\n    const t = r.tag();\n    switch (t >>> 3) {\n${cases}    }\n  }\n`,
    keep,
  );
  if (m.readGroup) {
    lines.push(
      docComment([`Reads a group-encoded \`${desc.typeName}\` (field \`no\`, up to its end group tag) into \`m\`.`]),
      `export function ${m.readGroup}(r: ${reader}, no: number, m: ${type}, depth: number): ${type} {\n`,
      guard,
      `  let t = 0;\n  let u = m.$unknown;\n  while (r.pos < r.len) {\n    t = r.tag();\n    if ((t & 7) === 4) break;\n    switch (t >>> 3) {\n${cases}    }\n  }\n`,
      `  if ((t & 7) !== 4 || t >>> 3 !== no) throw new Error('invalid end group tag');\n`,
      keep,
    );
  }
  const codecType = out.importType('MessageCodec', RUNTIME_PROTOBUF);
  lines.push(
    docComment([`Encodes and decodes \`${desc.typeName}\` byte for byte as protobuf-es's \`toBinary\`/\`fromBinary\`.`]),
    `export const ${m.codec}: ${codecType}<${type}> = ${ctx.rt('createCodec')}(${name}, ${m.write}, ${m.read}, ${m.create});\n`,
  );
  return lines.join('');
}
