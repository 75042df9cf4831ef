/**
 * Turns Redocly's resolved-ref map into load findings. Each unresolved entry is
 * reported at the `$ref` that wrote it (file + pointer of the `$ref` key), with
 * what it points to and why it failed. The documents are only walked to find
 * those `$ref`s when something failed, so a clean load pays nothing here.
 */
import type { BaseResolver, Document, ResolvedRefMap } from '@redocly/openapi-core';
import type { Finding } from '../finding.js';
import { toPointer } from '../source/positions.js';
import { displayPath, loadFinding, parseFinding } from './findings.js';
import { RefRefusedError, SourceParseError } from './resolver.js';

/** Inputs of {@link collectRefFindings}. */
export interface RefFindingsInput {
  resolvedRefMap: ResolvedRefMap;
  resolver: BaseResolver;
  /** Loaded documents by absolute path (root and referenced files). */
  documents: Map<string, Document>;
  cwd?: string;
}

/** Findings for every `$ref` that could not be resolved, refused or pointed into a broken file. */
export function collectRefFindings(input: RefFindingsInput): Finding[] {
  const findings: Finding[] = [];
  const brokenFiles = new Set<string>();
  for (const [refId, resolved] of input.resolvedRefMap) {
    if (resolved.resolved && resolved.node !== undefined) continue;
    const split = refId.indexOf('::');
    const fromFile = refId.slice(0, split);
    const ref = refId.slice(split + 2);
    const error = resolved.resolved ? undefined : resolved.error;
    if (error instanceof SourceParseError && !brokenFiles.has(error.file)) {
      brokenFiles.add(error.file);
      findings.push(parseFinding(error.file, error.failure));
    }
    const doc = input.documents.get(fromFile);
    const pointers = doc ? findRefPointers(doc.parsed, ref) : [];
    for (const pointer of pointers.length ? pointers : ['']) {
      findings.push(refFinding(fromFile, pointer, ref, error, input));
    }
  }
  return findings;
}

function refFinding(file: string, pointer: string, ref: string, error: unknown, input: RefFindingsInput): Finding {
  const where = { pointer };
  if (error instanceof RefRefusedError && error.reason === 'remote') {
    return loadFinding('load/remote-ref', file, `Remote $ref '${ref}' is not fetched.`, 'Copy the referenced document into the repository and refer to it by a relative path, or pass --allow-remote-refs to fetch it.', where);
  }
  if (error instanceof RefRefusedError) {
    return loadFinding(
      'load/ref-outside-root',
      file,
      `$ref '${ref}' resolves to ${error.target}, outside the root directory.`,
      'Keep referenced files inside the repository (the root directory), or set the root directory to a folder that contains them.',
      where,
    );
  }
  const hash = ref.indexOf('#');
  const uri = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  const target = uri ? displayPath(input.resolver.resolveExternalRef(file, uri), input.cwd) : 'this file';
  let reason: string;
  if (error instanceof SourceParseError) reason = `${target} is not valid ${error.failure.format === 'json' ? 'JSON' : 'YAML'}`;
  else if (errorCode(error) === 'ENOENT') reason = `${target} does not exist`;
  else if (error instanceof Error) reason = `${target} cannot be read (${error.message.split('\n')[0]})`;
  else reason = `${target} has nothing at '${fragment || '/'}'`;
  return loadFinding('load/unresolved-ref', file, `$ref '${ref}' cannot be resolved: ${reason}.`, 'Fix the path or the JSON pointer after `#` so it names an existing file and node (pointers are case-sensitive; `/` in keys is written `~1`).', where);
}

function errorCode(error: unknown): string | undefined {
  const original = (error as { originalError?: { code?: string } } | undefined)?.originalError;
  return original?.code;
}

/**
 * Pointer of the first `$ref` in `root` that starts a chain of local `$ref`s
 * leading back to itself (Redocly throws on these without saying where).
 */
export function findRefCycle(root: unknown): string | undefined {
  const refs = new Map<string, string>();
  collectLocalRefs(root, '', refs);
  for (const start of [...refs.keys()].sort()) {
    const seen = new Set<string>();
    let at: string | undefined = start;
    while (at !== undefined && !seen.has(at)) {
      seen.add(at);
      at = refs.get(at);
    }
    if (at === start) return `${start}/$ref`;
  }
  return undefined;
}

/** Maps the pointer of every object that is a pure local `$ref` to the pointer it names. */
function collectLocalRefs(node: unknown, pointer: string, out: Map<string, string>): void {
  if (node === null || typeof node !== 'object') return;
  if (!Array.isArray(node) && typeof (node as { $ref?: unknown }).$ref === 'string') {
    const ref = (node as { $ref: string }).$ref;
    if (ref.startsWith('#')) out.set(pointer, ref.slice(1) === '/' ? '' : ref.slice(1));
    return;
  }
  for (const [key, value] of Object.entries(node)) collectLocalRefs(value, `${pointer}${toPointer([key])}`, out);
}

/** Pointers of the `$ref` (or `externalValue`) keys whose value is `ref`. */
export function findRefPointers(root: unknown, ref: string): string[] {
  const found: string[] = [];
  const seen = new Set<object>();
  const stack: { node: unknown; path: (string | number)[] }[] = [{ node: root, path: [] }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (node === null || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push({ node: item, path: [...path, i] }));
      continue;
    }
    for (const [key, value] of Object.entries(node)) {
      if ((key === '$ref' || key === 'externalValue') && value === ref) found.push(toPointer([...path, key]));
      else if (value && typeof value === 'object') stack.push({ node: value, path: [...path, key] });
    }
  }
  return found.sort();
}
