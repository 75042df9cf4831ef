/**
 * Guards the AsyncAPI parser's `$ref` resolution: remote refs are refused
 * unless allowed, file refs that leave the repository root are refused, and
 * every file the parser reads is recorded (for `ContractBase.files`).
 *
 * The parser (through Spectral's resolver) always registers its own `file`,
 * `http` and `https` readers; ours get `order: 1` so they run first. A reader
 * that throws falls through to the built-in one (which would fetch), so a
 * refused ref is answered with a harmless placeholder document and recorded;
 * the loader then reports it and drops the parser's follow-up diagnostics.
 */
import { readFile } from 'node:fs/promises';
import { relative, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A `$ref` target the guard refused. */
export interface RefusedRef {
  /** The URI as the parser asked for it (`https://…`, or an absolute file path). */
  uri: string;
  reason: 'remote' | 'outside-root';
}

/** The resolver options handed to the parser plus what the guard saw. */
export interface RefGuard {
  /** Value for `ParserOptions.__unstable.resolver`. */
  resolver: { cache: boolean; resolvers: GuardResolver[] };
  /** Absolute paths of the files read through `$ref`s (the entry file is not included). */
  filesRead: Set<string>;
  refused: RefusedRef[];
}

/** The shape of a resolver the parser accepts (its `Resolver` type, minus the urijs import). */
interface GuardResolver {
  schema: string;
  order: number;
  read: (uri: { href(): string }) => Promise<string | undefined>;
}

/** Options of {@link createRefGuard}. */
export interface RefGuardOptions {
  allowRemoteRefs: boolean;
  /** Absolute repository root; file refs outside it are refused. */
  rootDir: string;
}

/** The placeholder returned for a refused ref: an empty object, valid wherever a ref may point. */
const PLACEHOLDER = '{}';

/** Creates a guard for one parse. Guards carry state; do not share one between loads. */
export function createRefGuard(options: RefGuardOptions): RefGuard {
  const filesRead = new Set<string>();
  const refused: RefusedRef[] = [];
  const root = resolve(options.rootDir);

  const readRemote = async (uri: { href(): string }): Promise<string | undefined> => {
    if (options.allowRemoteRefs) return undefined; // fall through to the parser's own reader
    refused.push({ uri: uri.href(), reason: 'remote' });
    return PLACEHOLDER;
  };

  const readLocal = async (uri: { href(): string }): Promise<string | undefined> => {
    const href = uri.href();
    const path = href.startsWith('file:') ? fileURLToPath(href) : resolve(href);
    if (isOutside(root, path)) {
      refused.push({ uri: path, reason: 'outside-root' });
      return PLACEHOLDER;
    }
    filesRead.add(path);
    // Read it ourselves; an error propagates to the parser, which reports an `invalid-ref`.
    return readFile(path, 'utf8');
  };

  return {
    // cache: false — Spectral's default cache is process-wide and would serve stale files in watch mode.
    resolver: {
      cache: false,
      resolvers: [
        { schema: 'file', order: 1, read: readLocal },
        { schema: 'http', order: 1, read: readRemote },
        { schema: 'https', order: 1, read: readRemote },
      ],
    },
    filesRead,
    refused,
  };
}

/** True when `path` is not inside `root`. */
export function isOutside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '..' || rel.startsWith('../') || rel.startsWith('..\\') || isAbsolute(rel);
}
