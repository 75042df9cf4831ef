/**
 * The HTTP operations a consumer actually calls, read from its TypeScript
 * source with the TypeScript compiler API (the one ts-morph ships): every
 * call of the REST runtime's `callOperation`, `callAccepted` or
 * `paginateOperation` (what a generated client's functions are made of)
 * with a literal method and path.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ts } from 'ts-morph';

/** One operation call site in the consumer's source. */
export interface UsedOperation {
  method: string;
  /** The path template as written (`/api/v1/orders/{orderId}`). */
  path: string;
  file: string;
  line: number;
  column: number;
}

const CALLERS = new Set(['callOperation', 'callAccepted', 'paginateOperation']);

/** The `.ts` files under `dir` (node_modules and dot folders left out). */
function sourceFiles(dir: string): string[] {
  const st = statSync(dir);
  if (st.isFile()) return dir.endsWith('.ts') ? [dir] : [];
  return readdirSync(dir).flatMap((name) => (name === 'node_modules' || name.startsWith('.') ? [] : sourceFiles(join(dir, name))));
}

/** Every operation the sources under `dir` call. */
export function usedOperations(dir: string): UsedOperation[] {
  const used: UsedOperation[] = [];
  for (const file of sourceFiles(dir)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = ts.isIdentifier(node.expression) ? node.expression.text : ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '';
        const [, method, path] = node.arguments;
        if (CALLERS.has(callee) && method && path && ts.isStringLiteralLike(method) && ts.isStringLiteralLike(path)) {
          const at = source.getLineAndCharacterOfPosition(path.getStart(source));
          used.push({ method: method.text.toLowerCase(), path: path.text, file, line: at.line + 1, column: at.character + 1 });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return used;
}
