/**
 * A saga `$ref` that cannot be followed (here a malformed percent-escape in
 * the pointer into a called contract) prints `unknown` instead of crashing
 * the run with a URIError; the rest of the module is generated and compiles.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateSaga, ROOT } from './helpers.js';
import { typecheck } from './typecheck.js';

const out = mkdtempSync(join(ROOT, 'node_modules', '.cache-saga-dangling-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('a malformed ref into a called contract is unknown, not a crash', async () => {
  const { files } = await generateSaga(join(ROOT, 'test', 'fixtures', 'saga-generator', 'bad-escape.saga.yaml'), out);
  for (const f of files) {
    mkdirSync(dirname(join(out, f.path)), { recursive: true });
    writeFileSync(join(out, f.path), f.content);
  }
  const types = files.map((f) => f.content).join('\n');
  expect(types).toMatch(/export type BadEscapeData = \{[^}]*note\?: unknown;/);
  expect(typecheck(files.filter((f) => f.path.endsWith('.ts')).map((f) => join(out, f.path)))).toBe('');
});
