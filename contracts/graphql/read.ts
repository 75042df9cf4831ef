/**
 * Reads the SDL files of one subgraph (a file, or every `.graphql`/`.gql`
 * file under a folder) and parses each with graphql-js, keeping locations.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { GraphQLError, Kind, Lexer, parse, Source, TokenKind, type DocumentNode } from 'graphql';
import type { Finding } from '../finding.js';
import { setSourceText } from '../source/positions.js';

/** File extensions of GraphQL SDL. */
export const GRAPHQL_EXTENSIONS = ['.graphql', '.gql', '.graphqls'];

/** One parsed SDL file. */
export interface ParsedSdl {
  file: string;
  text: string;
  document: DocumentNode;
}

/** The SDL files of `path` (itself, or those under it, sorted), skipping dot folders and node_modules. */
export function sdlFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.isDirectory()) {
        if (!e.name.startsWith('.') && e.name !== 'node_modules') walk(join(dir, e.name));
      } else if (e.isFile() && GRAPHQL_EXTENSIONS.includes(extname(e.name))) out.push(join(dir, e.name));
    }
  };
  walk(path);
  return out;
}

/** Parses SDL text from `file`; a syntax error becomes a located finding. */
export function parseSdl(file: string, text: string): { parsed?: ParsedSdl; findings: Finding[] } {
  setSourceText(file, text);
  const source = new Source(text, file);
  const invalid = (at: { line: number; column: number }, message: string, hint: string) => ({
    findings: [{ ruleId: 'load/invalid-graphql', severity: 'error' as const, kind: 'graphql' as const, file, line: at.line, column: at.column, message, hint }],
  });
  if (isEmpty(source)) return invalid({ line: 1, column: 1 }, 'The GraphQL file holds no definitions.', 'Write the subgraph\'s type definitions here, or remove the file.');
  try {
    const document = parse(source);
    const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION);
    if (operation && (operation.kind === Kind.OPERATION_DEFINITION || operation.kind === Kind.FRAGMENT_DEFINITION)) {
      const what = operation.kind === Kind.FRAGMENT_DEFINITION ? `fragment ${operation.name.value}` : operation.name ? `${operation.operation} ${operation.name.value}` : `anonymous ${operation.operation}`;
      return invalid(
        operation.loc!.startToken,
        `The operation \`${what}\` is not a type definition: a subgraph's files hold its schema (SDL) only.`,
        'Keep operations (client queries) outside the subgraph\'s SDL files and folder.',
      );
    }
    return { parsed: { file, text, document }, findings: [] };
  } catch (err) {
    if (!(err instanceof GraphQLError)) throw err;
    return invalid(
      err.locations?.[0] ?? { line: 1, column: 1 },
      `The GraphQL SDL does not parse: ${err.message.replace(/^Syntax Error: /, '')}`,
      'Fix the syntax at this position (graphql-js parses the file as a type system document).',
    );
  }
}

/** True when the text has no token but comments and white space. */
function isEmpty(source: Source): boolean {
  try {
    return new Lexer(source).advance().kind === TokenKind.EOF;
  } catch {
    return false;
  }
}

/** Reads and parses every SDL file of `path`. */
export function readSdl(path: string): { parsed: ParsedSdl[]; findings: Finding[] } {
  const parsed: ParsedSdl[] = [];
  const findings: Finding[] = [];
  for (const file of sdlFiles(path)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      findings.push({
        ruleId: 'load/unreadable',
        severity: 'error',
        kind: 'graphql',
        file,
        line: 1,
        column: 1,
        message: `Cannot read the GraphQL file: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`,
        hint: 'Check the path and its permissions.',
      });
      continue;
    }
    const r = parseSdl(file, text);
    if (r.parsed) parsed.push(r.parsed);
    findings.push(...r.findings);
  }
  return { parsed, findings };
}
