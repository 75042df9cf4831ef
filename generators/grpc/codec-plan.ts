/**
 * What `codec: fast` generates, worked out once per contract from the image's
 * descriptors: which files get a `<name>_codec.ts` (the generated files and
 * their imports, and the well-known types their messages use), the names of
 * each message's functions, and per message how it is built and whether it
 * can be specialised at all.
 */
import path from 'node:path/posix';
import type { DescField, DescFile, DescMessage } from '@bufbuild/protobuf';
import { createNameScope } from '../core/names.js';
import type { ProtopluginNames } from './protoplugin.js';

// google.protobuf.Edition and FeatureSet.FieldPresence numbers, as protobuf-es's create() uses them
const EDITION_PROTO2 = 998;
const EDITION_PROTO3 = 999;
/** FieldPresence.IMPLICIT. */
export const IMPLICIT = 2;
/** FieldPresence.LEGACY_REQUIRED. */
export const LEGACY_REQUIRED = 3;

/** The generated names of one message's codec, and how it is made. */
export interface MessagePlan {
  desc: DescMessage;
  /** Codec file that declares the functions. */
  file: string;
  write: string;
  read: string;
  /** Reader of the delimited (group) encoding; only for messages some field encodes delimited. */
  readGroup?: string;
  /** Creates an empty message. */
  create: string;
  codec: string;
  /** protobuf-es tracks presence through a prototype (proto2, editions with explicit presence): empty messages come from `create()`. */
  prototype: boolean;
}

/** The plan of a contract's codecs. */
export interface CodecPlan {
  /** Codec files in output order, with the messages each declares. */
  files: { file: DescFile; path: string; messages: MessagePlan[] }[];
  message(desc: DescMessage): MessagePlan;
}

/** Path of the codec file of `file` (`orders/v1/orders_codec.ts`). */
export function codecFilePath(file: DescFile): string {
  return `${file.name}_codec.ts`;
}

/** An import specifier of generated file `target` (relative to the output root) from generated file `from`. */
export function relativeModule(from: string, target: string): string {
  const rel = path.relative(path.dirname(from), target.replace(/\.ts$/, '.js'));
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** True when protobuf-es holds the field's messages as JSON (google.protobuf.Struct outside google.protobuf.Value). */
export function usesJson(field: DescField): boolean {
  return field.message?.typeName === 'google.protobuf.Struct' && field.parent.typeName !== 'google.protobuf.Value';
}

function needsPrototype(desc: DescMessage): boolean {
  if (desc.file.edition === EDITION_PROTO3) return false;
  if (desc.file.edition === EDITION_PROTO2) return true;
  return desc.fields.some((f) => f.presence !== IMPLICIT && f.fieldKind !== 'message' && !f.oneof);
}

function allMessages(file: DescFile): DescMessage[] {
  const out: DescMessage[] = [];
  const walk = (m: DescMessage) => {
    out.push(m);
    m.nestedMessages.forEach(walk);
  };
  file.messages.forEach(walk);
  return out;
}

const isWkt = (file: DescFile) => file.name.startsWith('google/protobuf/');

/**
 * Plans codecs for `files` (the files whose stubs are generated): every
 * message of them and of the files they import (as protoc-gen-es generates
 * those too), plus the well-known types those messages and the services use.
 */
export function planCodecs(files: readonly DescFile[], names: ProtopluginNames): CodecPlan {
  const closure = new Set<DescFile>();
  const visit = (f: DescFile) => {
    if (closure.has(f)) return;
    closure.add(f);
    f.dependencies.forEach(visit);
  };
  files.forEach(visit);
  const chosen = new Set<DescMessage>();
  const add = (m: DescMessage) => {
    if (chosen.has(m)) return;
    chosen.add(m);
    for (const f of m.fields) if (f.message) add(f.message);
  };
  for (const f of closure) if (!isWkt(f)) allMessages(f).forEach(add);
  // well-known types sent and received as they are (google.protobuf.Empty)
  for (const f of files) for (const m of f.services.flatMap((s) => s.methods)) [m.input, m.output].forEach(add);

  const delimited = new Set<DescMessage>();
  for (const m of chosen) for (const f of m.fields) if (f.message && 'delimitedEncoding' in f && f.delimitedEncoding) delimited.add(f.message);

  const byMessage = new Map<DescMessage, MessagePlan>();
  const out: CodecPlan['files'] = [];
  // files in the registry's order (imports first), so output order is deterministic
  for (const file of closure) {
    const messages = allMessages(file).filter((m) => chosen.has(m));
    if (messages.length === 0) continue;
    const filePath = codecFilePath(file);
    const scope = createNameScope();
    const plans = messages.map((desc): MessagePlan => {
      const shape = names.generatedShapeName(desc);
      return {
        desc,
        file: filePath,
        write: scope.claim(`write${shape}`),
        read: scope.claim(`read${shape}`),
        ...(delimited.has(desc) ? { readGroup: scope.claim(`read${shape}Group`) } : {}),
        create: scope.claim(`new${shape}`),
        codec: scope.claim(`${shape}Codec`),
        prototype: needsPrototype(desc),
      };
    });
    for (const p of plans) byMessage.set(p.desc, p);
    out.push({ file, path: filePath, messages: plans });
  }
  out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    files: out,
    message(desc) {
      const p = byMessage.get(desc);
      if (!p) throw new Error(`generator bug: no codec planned for ${desc.typeName}`);
      return p;
    },
  };
}
