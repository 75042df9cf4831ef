/**
 * The layers of docs/DESIGN.md, held: generators are functions of the model,
 * so no generator source imports `cli/` or `checks/` (issue 13, item 1),
 * no `checks/` source imports `cli/` (not even a type: the config types live in
 * `contracts/config/`), nothing in `contracts/` imports the layers above it, and
 * `mock/` and `verify/` import only `contracts/` and `runtime/`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));

/** The top-level folders of the repository that the relative imports (static and dynamic) of `file` reach. */
export function importedLayers(file: string, source: string): string[] {
  const specs = [...source.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specs.map((s) => relative(ROOT, resolve(dirname(file), s)).split('/')[0]!);
}

it('finds imports of a layer (the check can fail)', () => {
  const file = join(ROOT, 'generators', 'saga', 'x.ts');
  expect(importedLayers(file, "import { a } from '../../cli/config/load.js';\nconst m = await import('../../checks/lint/run.js');")).toEqual(['cli', 'checks']);
  expect(importedLayers(file, "import type { Finding } from '../../contracts/finding.js';\nimport { b } from './b.js';")).toEqual(['contracts', 'generators']);
});

const LAYERS = [
  ['generators', ['cli', 'checks']],
  ['checks', ['cli']],
  ['contracts', ['cli', 'checks', 'generators', 'mock', 'verify']],
  ['mock', ['cli', 'checks', 'generators']],
  ['verify', ['cli', 'checks', 'generators']],
] as const;

for (const [layer, forbidden] of LAYERS) {
  it(`no ${layer}/ source imports ${forbidden.join(' or ')}/`, () => {
    const sources = walk(join(ROOT, layer)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.includes('/support/testing'));
    expect(sources.length).toBeGreaterThan(5);
    const offenders = sources.flatMap((f) => importedLayers(f, readFileSync(f, 'utf8')).filter((l) => (forbidden as readonly string[]).includes(l)).map((l) => `${relative(ROOT, f)} → ${l}/`));
    expect(offenders).toEqual([]);
  });
}
