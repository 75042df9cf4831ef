/**
 * Reading an OpenAPI document once: read, parse, check the version, resolve
 * every `$ref` (relative files, nested refs, cycles) with Redocly's resolver.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import {
  Source,
  detectSpec,
  getTypes,
  normalizeTypes,
  resolveDocument,
  type BaseResolver,
  type Document,
  type ResolvedRefMap,
  type SpecVersion,
} from '@redocly/openapi-core';
import type { Finding } from '../finding.js';
import type { ContractSpec, LoadOptions } from '../load/types.js';
import { pointerSegments, setSourceText } from '../source/positions.js';
import { SUPPORTED_VERSIONS, loadFinding, parseFinding, unreadableFinding } from './findings.js';
import { parseSource } from './parse.js';
import { collectRefFindings, findRefCycle } from './ref-findings.js';
import { createContractResolver } from './resolver.js';

/** A read and resolved OpenAPI document, as Redocly's engine wants it. */
export interface OpenApiDocumentRead {
  /** Absolute path of the entry file. */
  file: string;
  /** The entry document (not bundled: refs as written, positions in their own files). */
  document: Document;
  /** Redocly's spec version id: `oas2`, `oas3_0`, `oas3_1`, `oas3_2`. */
  specVersion: SpecVersion;
  /** `swagger`/`openapi` as written. */
  version: string;
  /** The resolver whose cache holds every referenced file, parsed once. */
  resolver: BaseResolver;
  /**
   * Every `$ref` resolved by Redocly's resolver, keyed `absoluteFile::$ref`
   * (resolved on the first call when the load could do without it).
   */
  refs(): Promise<ResolvedRefMap>;
  /** True when every `$ref` is a `#/…` pointer into the entry file (no other file is involved). */
  localRefsOnly: boolean;
  /** Every loaded document (entry first) by absolute path. */
  documents: Map<string, Document>;
}

/** The outcome of {@link readOpenApiDocument}: `read` is set unless an error finding says why not. */
export interface ReadOutcome {
  read?: OpenApiDocumentRead;
  findings: Finding[];
}

/**
 * Reads, parses and resolves an OpenAPI (3.0, 3.1, 3.2) or Swagger 2.0 file.
 * Never throws for bad input: problems come back as `load/*` findings.
 *
 * Lint reuses this so files are read and parsed once:
 * `lintDocument({ document: read.document, externalRefResolver: read.resolver, config })`
 * (the resolver's cache already holds every referenced file, so Redocly's own
 * ref pass reads nothing again). Problem locations are `{ source, pointer }`
 * with `source.absoluteRef` the file; resolve line/column with `positionOf`.
 */
export async function readOpenApiDocument(
  spec: Pick<ContractSpec, 'path'>,
  options: Pick<LoadOptions, 'rootDir' | 'allowRemoteRefs'> & Partial<Pick<LoadOptions, 'cwd'>>,
): Promise<ReadOutcome> {
  const file = path.resolve(spec.path);
  let text: string;
  try {
    // Like Redocly's resolver, drop CR so offsets match what every later reader sees.
    text = await readFile(file, 'utf8');
    if (text.includes('\r')) text = text.replace(/\r\n/g, '\n');
  } catch (error) {
    return { findings: [unreadableFinding(file, error as NodeJS.ErrnoException)] };
  }
  setSourceText(file, text);
  const parsed = parseSource(file, text);
  if (!parsed.ok) return { findings: [parseFinding(file, parsed.failure)] };

  const versionCheck = checkVersion(file, parsed.value);
  if ('finding' in versionCheck) return { findings: [versionCheck.finding] };

  const document: Document = { source: new Source(file, text), parsed: parsed.value };
  const resolver = createContractResolver(options);
  // Seed the cache so refs back into the entry file reuse this very document.
  resolver.cache.set(file, Promise.resolve(document));
  const types = normalizeTypes(getTypes(versionCheck.specVersion));
  const resolve = () => resolveDocument({ rootDocument: document, externalRefResolver: resolver, rootType: types.Root });
  // A document whose every $ref is a `#/…` pointer that plainly resolves in it (no other file, no
  // anchor, no chain back to itself) has nothing for the resolver to report: its ref map is only built
  // when a caller needs it (lint does; breaking and generation do not). On an 11 MB description the
  // resolver's pass is about 0.15 s.
  const readOf = (refs: () => Promise<ResolvedRefMap>, localRefsOnly: boolean, documents: Map<string, Document>): ReadOutcome => ({
    read: { file, document, specVersion: versionCheck.specVersion, version: versionCheck.version, resolver, refs, localRefsOnly, documents },
    findings: [],
  });
  if (localRefsResolve(parsed.value)) {
    let pending: Promise<ResolvedRefMap> | undefined;
    return readOf(() => (pending ??= resolve()), true, new Map([[file, document]]));
  }
  let resolvedRefMap: ResolvedRefMap;
  try {
    resolvedRefMap = await resolve();
  } catch (error) {
    // Redocly throws for a `$ref` chain that only refers to itself.
    const message = error instanceof Error ? error.message : String(error);
    const cycle = findRefCycle(document.parsed);
    const where = cycle === undefined ? { line: 1, column: 1 } : { pointer: cycle };
    return {
      findings: [loadFinding('load/unresolved-ref', file, `References cannot be resolved: ${cycle === undefined ? message : 'this $ref is part of a chain of $refs that leads back to itself'}.`, 'Break the `$ref` chain that refers back to itself: one link must point at a real object.', where)],
    };
  }
  const documents = await loadedDocuments(resolver);
  const findings = collectRefFindings({ resolvedRefMap, resolver, documents, cwd: options.cwd });
  if (findings.length) return { findings };
  let localRefsOnly = documents.size <= 1;
  if (localRefsOnly) for (const refId of resolvedRefMap.keys()) if (!refId.includes('::#')) localRefsOnly = false;
  return readOf(() => Promise.resolve(resolvedRefMap), localRefsOnly, documents);
}

/**
 * True when every `$ref` string in `root` is a `#/…` pointer that resolves in
 * `root` (following `$ref` hops without a cycle). Conservative: anything else
 * (another file, an `$anchor`, a missing target, a cycle) returns false and
 * the document takes Redocly's full resolve, which reports it precisely.
 */
export function localRefsResolve(root: unknown): boolean {
  const stack: unknown[] = [root];
  const checked = new Set<string>();
  while (stack.length) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      for (const item of node) if (item !== null && typeof item === 'object') stack.push(item);
      continue;
    }
    const ref = (node as { $ref?: unknown }).$ref;
    if (ref !== undefined) {
      if (typeof ref !== 'string') return false;
      if (!checked.has(ref)) {
        if (!pointerResolves(root, ref)) return false;
        checked.add(ref);
      }
    }
    for (const key in node) {
      const value = (node as Record<string, unknown>)[key];
      if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
  return true;
}

function pointerResolves(root: unknown, first: string): boolean {
  const seen = new Set<string>();
  let ref = first;
  for (;;) {
    if (!ref.startsWith('#/') || seen.has(ref)) return false;
    seen.add(ref);
    let target: unknown = root;
    for (const segment of pointerSegments(ref)) {
      if (target === null || typeof target !== 'object') return false;
      // a ref through a ref (`#/a/b` where `/a` is a $ref) is for the resolver to follow
      if ('$ref' in target) return false;
      const next: unknown = Array.isArray(target) ? (/^(0|[1-9]\d*)$/.test(segment) ? target[Number(segment)] : undefined) : Object.hasOwn(target, segment) ? (target as Record<string, unknown>)[segment] : undefined;
      if (next === undefined) return false;
      target = next;
    }
    const hop = target !== null && typeof target === 'object' ? (target as { $ref?: unknown }).$ref : undefined;
    if (hop === undefined) return true;
    if (typeof hop !== 'string') return false;
    ref = hop;
  }
}

type VersionCheck = { specVersion: SpecVersion; version: string } | { finding: Finding };

function checkVersion(file: string, root: unknown): VersionCheck {
  const hint = `Start the document with \`openapi: 3.1.0\` (or another supported version: ${SUPPORTED_VERSIONS}).`;
  if (root === null || typeof root !== 'object' || Array.isArray(root)) {
    return { finding: loadFinding('load/not-openapi', file, `Not an OpenAPI document: the top level is ${Array.isArray(root) ? 'a list' : root === null || root === undefined ? 'empty' : 'a scalar'}, not an object.`, hint, { pointer: '' }) };
  }
  const doc = root as Record<string, unknown>;
  const field = 'openapi' in doc ? 'openapi' : 'swagger' in doc ? 'swagger' : undefined;
  if (!field) {
    const other = 'asyncapi' in doc ? ' It looks like AsyncAPI: declare it as an asyncapi contract.' : '';
    return { finding: loadFinding('load/not-openapi', file, `Not an OpenAPI document: no \`openapi\` or \`swagger\` field. Supported: ${SUPPORTED_VERSIONS}.${other}`, hint, { pointer: '' }) };
  }
  const version = String(doc[field]);
  const supported = field === 'openapi' ? typeof doc.openapi === 'string' && /^3\.[0-2]\.\d+/.test(version) : version === '2.0';
  if (!supported) {
    return {
      finding: loadFinding('load/not-openapi', file, `Unsupported ${field} version '${version}'. Supported: ${SUPPORTED_VERSIONS}.`, `${hint} Versions are strings: quote them in YAML.`, { pointer: `/${field}` }),
    };
  }
  return { specVersion: detectSpec(doc), version };
}

async function loadedDocuments(resolver: BaseResolver): Promise<Map<string, Document>> {
  const documents = new Map<string, Document>();
  for (const [file, pending] of resolver.cache) {
    const doc = await pending.catch(() => undefined);
    if (doc && !(doc instanceof Error)) documents.set(file, doc);
  }
  return documents;
}
