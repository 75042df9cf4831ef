/**
 * The bundled document for the model: every external `$ref` pulled into one
 * document by Redocly's bundler (internal refs kept), plus a way back from
 * any node of it to the file and pointer where it is written.
 *
 * The bundler rewrites documents in place, so it works on copies: the read
 * documents stay as written for lint. While copying we remember each copied
 * node's origin, and for each `$ref` node the origin of its target (the
 * bundler inlines some refs by merging the target into the `$ref` node).
 * A single-file document needs no bundling and is used as is.
 */
import { BaseResolver, bundleDocument, createConfig, getTypes, type Config, type Document, type ResolvedRefMap } from '@redocly/openapi-core';
import type { SourceRef } from '../model/types.js';
import type { OpenApiDocumentRead } from './read.js';

/** A bundled document and where its nodes come from. */
export interface BundledDocument {
  document: Record<string, unknown>;
  /** Origin of an object node when the pointer inside the bundle is not its source (multi-file documents). */
  originOf(node: object): SourceRef | undefined;
}

let bundleConfig: Promise<Config> | undefined;

/** Bundles `read` into one document (see the module comment). */
export async function bundleForModel(read: OpenApiDocumentRead): Promise<BundledDocument> {
  if (read.localRefsOnly) {
    return { document: read.document.parsed as Record<string, unknown>, originOf: () => undefined };
  }
  const resolvedRefMap = await read.refs();
  const origins = new WeakMap<object, SourceRef>();
  const refTargets = new WeakMap<object, SourceRef>();
  const resolver = new BaseResolver();
  let root: Document | undefined;
  for (const [file, doc] of read.documents) {
    const copy: Document = { source: doc.source, parsed: copyTracked(doc.parsed, file, '', { origins, refTargets, resolvedRefMap }) };
    resolver.cache.set(file, Promise.resolve(copy));
    if (file === read.file) root = copy;
  }
  // An empty config: no rules or decorators, only the bundler runs.
  bundleConfig ??= createConfig({});
  const result = await bundleDocument({
    document: root!,
    config: await bundleConfig,
    types: getTypes(read.specVersion),
    externalRefResolver: resolver,
  });
  return {
    document: result.bundle.parsed as Record<string, unknown>,
    originOf: (node) => refTargets.get(node) ?? origins.get(node),
  };
}

interface CopyState {
  origins: WeakMap<object, SourceRef>;
  refTargets: WeakMap<object, SourceRef>;
  resolvedRefMap: ResolvedRefMap;
}

function copyTracked(node: unknown, file: string, pointer: string, state: CopyState): unknown {
  if (node === null || typeof node !== 'object') return node;
  let copy: Record<string, unknown> | unknown[];
  if (Array.isArray(node)) {
    copy = node.map((item, i) => copyTracked(item, file, `${pointer}/${i}`, state));
  } else {
    const record: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      record[key] = copyTracked(value, file, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, state);
    }
    copy = record;
    if (typeof record.$ref === 'string') {
      const target = state.resolvedRefMap.get(`${file}::${record.$ref}`);
      if (target?.resolved && target.node !== undefined) {
        state.refTargets.set(copy, { file: target.document.source.absoluteRef, pointer: refPointer(target.nodePointer) });
      }
    }
  }
  state.origins.set(copy, { file, pointer });
  return copy;
}

/** `#/components/schemas/A` → `/components/schemas/A`; `#/` → `` (the root). */
function refPointer(nodePointer: string): string {
  const p = nodePointer.startsWith('#') ? nodePointer.slice(1) : nodePointer;
  return p === '/' ? '' : p;
}
