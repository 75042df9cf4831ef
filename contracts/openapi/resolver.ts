/**
 * The `$ref` resolver handed to Redocly: its `BaseResolver` with three changes.
 * JSON files are parsed with `JSON.parse`; `http(s)` refs are refused unless
 * remote refs are allowed; local refs that leave the root directory are refused.
 * Refusals and parse failures are thrown as typed errors, which Redocly stores
 * in its resolved-ref map so {@link collectRefFindings} can report them.
 */
import { realpathSync } from 'node:fs';
import * as path from 'node:path';
import { BaseResolver, Source, isAbsoluteUrl, type Document } from '@redocly/openapi-core';
import { setSourceText } from '../source/positions.js';
import { parseSource, type ParseFailure } from './parse.js';

/** Why the resolver refused to load a referenced file. */
export type RefusalReason = 'remote' | 'outside-root';

/** Thrown (and recorded by Redocly) when a `$ref` target is refused. */
export class RefRefusedError extends Error {
  constructor(
    readonly reason: RefusalReason,
    readonly target: string,
  ) {
    super(reason === 'remote' ? `remote reference ${target} not fetched` : `${target} is outside the root directory`);
    this.name = 'RefRefusedError';
  }
}

/** Thrown (and recorded by Redocly) when a referenced file is not valid JSON or YAML. */
export class SourceParseError extends Error {
  constructor(
    readonly file: string,
    readonly failure: ParseFailure,
  ) {
    super(failure.message);
    this.name = 'SourceParseError';
  }
}

/** What the resolver needs from the load options. */
export interface ResolverOptions {
  rootDir: string;
  allowRemoteRefs: boolean;
}

/** Redocly's resolver with contractkit's parsing and safety rules (see the module comment). */
class ContractResolver extends BaseResolver {
  private readonly root: string;

  constructor(private readonly options: ResolverOptions) {
    super({ http: { headers: [] } });
    this.root = realOrResolved(options.rootDir);
  }

  override async loadExternalRef(absoluteRef: string): Promise<Source> {
    if (isAbsoluteUrl(absoluteRef)) {
      if (!this.options.allowRemoteRefs) throw new RefRefusedError('remote', absoluteRef);
      return super.loadExternalRef(absoluteRef);
    }
    if (isOutside(this.root, realOrResolved(absoluteRef))) throw new RefRefusedError('outside-root', absoluteRef);
    const source = await super.loadExternalRef(absoluteRef);
    setSourceText(absoluteRef, source.body);
    return source;
  }

  override parseDocument(source: Source, isRoot = false): Document {
    const name = isAbsoluteUrl(source.absoluteRef) ? new URL(source.absoluteRef).pathname : source.absoluteRef;
    // Non-JSON/YAML targets (`externalValue` examples, text files) stay raw, as in Redocly.
    if (!isRoot && !/\.(json|ya?ml)$/i.test(name) && !source.mimeType?.match(/(json|yaml|openapi)/)) {
      return { source, parsed: source.body };
    }
    const result = parseSource(name, source.body);
    if (!result.ok) throw new SourceParseError(source.absoluteRef, result.failure);
    return { source, parsed: result.value };
  }
}

/** Creates the resolver for one contract; its cache holds every file read, so lint can reuse it. */
export function createContractResolver(options: ResolverOptions): BaseResolver {
  return new ContractResolver(options);
}

/** True when `file` is not inside `root`. */
export function isOutside(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel);
}

/** The real path (symlinks followed) when the file exists, else the resolved path. */
export function realOrResolved(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
