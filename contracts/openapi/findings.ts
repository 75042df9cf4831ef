/**
 * Load findings of the OpenAPI loader: every problem that makes a contract
 * unusable is one `load/*` finding with a location and a hint.
 */
import * as path from 'node:path';
import type { Finding } from '../finding.js';
import type { ParseFailure } from './parse.js';

/** The load rule ids this loader reports. */
export type OpenApiLoadRule =
  | 'load/unreadable'
  | 'load/invalid-yaml'
  | 'load/invalid-json'
  | 'load/not-openapi'
  | 'load/unresolved-ref'
  | 'load/remote-ref'
  | 'load/ref-outside-root'
  | 'load/too-deep'
  | 'load/alias-bomb';

/** Versions the loader accepts, for messages. */
export const SUPPORTED_VERSIONS = 'OpenAPI 3.0.x, 3.1.x, 3.2.x and Swagger 2.0';

/** Builds an error-severity load finding. */
export function loadFinding(
  ruleId: OpenApiLoadRule,
  file: string,
  message: string,
  hint: string,
  where: Pick<Finding, 'pointer' | 'onKey' | 'line' | 'column'> = {},
): Finding {
  return { ruleId, severity: 'error', kind: 'openapi', file, message, hint, ...where };
}

/** A file that could not be read (missing, a directory, no permission). */
export function unreadableFinding(file: string, error: NodeJS.ErrnoException): Finding {
  const reason =
    error.code === 'ENOENT' ? 'does not exist' : error.code === 'EISDIR' ? 'is a directory' : error.code === 'EACCES' ? 'is not readable (permission denied)' : `cannot be read (${error.message})`;
  return loadFinding('load/unreadable', file, `The OpenAPI file ${file} ${reason}.`, 'Check the path in contractkit.yaml or on the command line, and that the file is readable.', { line: 1, column: 1 });
}

/** A file that is not valid JSON or YAML, at the parser's line and column. */
export function parseFinding(file: string, failure: ParseFailure): Finding {
  if (failure.limit) return loadFinding(failure.limit.ruleId, file, failure.message, failure.limit.hint, { line: failure.line, column: failure.column });
  const json = failure.format === 'json';
  return loadFinding(
    json ? 'load/invalid-json' : 'load/invalid-yaml',
    file,
    `Invalid ${json ? 'JSON' : 'YAML'}: ${failure.message}.`,
    json
      ? 'Fix the JSON syntax at this position (a missing comma or quote, a trailing comma, an unclosed brace).'
      : 'Fix the YAML syntax at this position (indentation, an unquoted `:` or `#`, an unclosed bracket or quote).',
    { line: failure.line, column: failure.column },
  );
}

/** Path of `file` relative to `cwd` for messages (absolute when outside it). */
export function displayPath(file: string, cwd: string | undefined): string {
  if (!cwd || /^[a-z]+:\/\//i.test(file)) return file;
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}
