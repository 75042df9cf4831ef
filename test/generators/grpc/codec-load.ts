/**
 * Generates a contract with `codec: fast`, compiles the output and loads it:
 * every generated codec with the protobuf-es schema of its message (from the
 * generated `_pb.js` files, or `@bufbuild/protobuf/wkt`).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DescMessage } from '@bufbuild/protobuf';
import * as wkt from '@bufbuild/protobuf/wkt';
import { expect } from 'vitest';
import type { MessageCodec } from '@contractkit/runtime/protobuf';
import type { GeneratedFile } from '../../../generators/core/registry.js';
import { compileInPlace, writeFiles } from './helpers.js';

/** A message type with its schema and generated codec. */
export interface LoadedCodec {
  schema: DescMessage;
  codec: MessageCodec;
}

const isSchema = (v: unknown): v is DescMessage => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'message';
const isCodec = (v: unknown): v is MessageCodec => typeof v === 'object' && v !== null && typeof (v as MessageCodec).encode === 'function' && typeof (v as MessageCodec).typeName === 'string';

function listJs(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listJs(join(dir, e.name), base) : e.name.endsWith('.js') ? [join(dir, e.name)] : []));
}

/** Writes `files` into `dir`, compiles them (failing the test on any tsc output) and loads every codec. */
export async function loadCodecs(files: GeneratedFile[], dir: string): Promise<LoadedCodec[]> {
  writeFiles(files, dir);
  expect(compileInPlace(dir)).toBe('');
  const schemas = new Map<string, DescMessage>();
  for (const v of Object.values(wkt)) if (isSchema(v)) schemas.set(v.typeName, v);
  const codecs: MessageCodec[] = [];
  for (const file of listJs(dir).sort()) {
    const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    for (const v of Object.values(mod)) {
      if (isSchema(v)) schemas.set(v.typeName, v);
      else if (isCodec(v)) codecs.push(v);
    }
  }
  return codecs.map((codec) => {
    const schema = schemas.get(codec.typeName);
    if (!schema) throw new Error(`no schema for ${codec.typeName}`);
    return { schema, codec };
  });
}
