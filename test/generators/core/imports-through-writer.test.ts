/**
 * Every import of generated code goes through the TsFile import block
 * (generators/core/ts-file.ts): no generator source or template spells an
 * import statement or an inline `import('…')` type as text.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));

/** Import text inside a string or template literal of `source` (quotes or backtick, then `import ` / `import(`). */
export function importsAsText(source: string): string[] {
  return [...source.matchAll(/(['"`])\s*(import\s*(type\s+)?\{[^'"`\n]*\}\s*from|import\s*\(\s*\\?['"])/g)].map((m) => m[0]);
}

it('finds import text in literals (the check can fail)', () => {
  expect(importsAsText("return \"import type { EventValidator } from '@contractkit/runtime/events';\"")).toHaveLength(1);
  expect(importsAsText('`import type { ${v.base}Steps } from x`')).toHaveLength(1);
  expect(importsAsText("import { a } from './a.js';\nconst x = await import('./b.js');")).toEqual([]);
});

it('no generator source types an import as text', () => {
  const sources = walk(join(ROOT, 'generators')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('ts-file.ts'));
  const offenders = sources.flatMap((f) => importsAsText(readFileSync(f, 'utf8')).map((hit) => `${relative(ROOT, f)}: ${hit}`));
  expect(offenders).toEqual([]);
});

it('no template spells an import or a module path: type references come from the view model', () => {
  const templates = walk(join(ROOT, 'templates')).filter((f) => f.endsWith('.hbs'));
  const offenders = templates.filter((f) => /\bimport\b|from\s+['"]|\.js['"]/.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
  expect(offenders).toEqual([]);
});
