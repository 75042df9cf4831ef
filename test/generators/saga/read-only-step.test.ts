/**
 * A saga step whose call changes nothing (GET, HEAD, OPTIONS, an rpc with
 * `NO_SIDE_EFFECTS`) needs no compensation: the generated definition marks it
 * `readOnly`, so the runtime's defineSaga accepts it before the pivot (lint's
 * saga-step-compensation accepts it too).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateSaga, ROOT } from './helpers.js';
import { typecheck } from './typecheck.js';

const out = mkdtempSync(join(ROOT, 'node_modules', '.cache-saga-readonly-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('marks a read-only step readOnly in the generated definition, and the output type-checks', async () => {
  const { files } = await generateSaga(join(ROOT, 'test', 'fixtures', 'saga-generator', 'read-only.saga.yaml'), out);
  for (const f of files) {
    mkdirSync(dirname(join(out, f.path)), { recursive: true });
    writeFileSync(join(out, f.path), f.content);
  }
  const mod = readFileSync(join(out, 'check-out.saga.ts'), 'utf8');
  expect(mod).toMatch(/\{ name: 'load-order', operation: '[^']+', pivot: false, readOnly: true \}/);
  expect(mod).not.toMatch(/name: 'place-order'[^\n]*readOnly/);
  expect(typecheck(files.filter((f) => f.path.endsWith('.ts')).map((f) => join(out, f.path)))).toBe('');
});
