/**
 * Generators are functions of the model: no generator source reads a
 * contract's raw `document` (issue 13, item 3). What they used to read from it
 * is in the model; a schema's `$ref` is followed through
 * contracts/model/schema-refs.ts. The document is left to breaking checks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [join(d, n)]));

/** Reads of a `document` property in `source`: `x.document`, `x?.document`, `x['document']`, `'document' in x`, `{ document } = x`. */
export function documentReads(source: string): string[] {
  const patterns = [/\??\.document\b/g, /\[\s*['"`]document['"`]\s*\]/g, /['"`]document['"`]\s+in\b/g, /\{[^{}=]*\bdocument\b[^{}=]*\}\s*=/g];
  return patterns.flatMap((p) => [...source.matchAll(p)].map((m) => m[0]));
}

it('finds document reads (the check can fail)', () => {
  expect(documentReads('const doc = contract.document;')).toHaveLength(1);
  expect(documentReads('pointerGet(c?.document, p)')).toHaveLength(1);
  expect(documentReads("const d = c['document'];")).toHaveLength(1);
  expect(documentReads("c && 'document' in c ? c.document : undefined")).toHaveLength(2);
  expect(documentReads('const { document, name } = contract;')).toHaveLength(1);
  expect(documentReads("import { resolveSchemaRef } from '../../contracts/model/schema-refs.js';\n// the OpenAPI document declares it\nconst documents = 1;")).toEqual([]);
});

it('no generator source reads a contract document', () => {
  const sources = walk(join(ROOT, 'generators')).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  expect(sources.length).toBeGreaterThan(10);
  const offenders = sources.flatMap((f) => documentReads(readFileSync(f, 'utf8')).map((hit) => `${relative(ROOT, f)}: ${hit}`));
  expect(offenders).toEqual([]);
});
