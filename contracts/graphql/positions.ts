/**
 * Source references for GraphQL AST nodes. Every document is parsed from a
 * `Source` named by its absolute path, so a node's location says its file.
 */
import { Kind, type ASTNode, type Location } from 'graphql';
import type { SourceRef } from '../model/types.js';

/** Where `node` is: its name when it has one (what a reader looks for), else its first token (a directive's `@`). */
export function refOf(node: ASTNode): SourceRef {
  // a directive is pointed at from its `@`
  const named = node.kind === Kind.DIRECTIVE ? undefined : (node as { name?: ASTNode }).name;
  const loc: Location | undefined = (named?.loc ?? node.loc) as Location | undefined;
  if (!loc) return { file: '' };
  return { file: loc.source.name, line: loc.startToken.line, column: loc.startToken.column };
}
