/**
 * The example services and the demo runner type-check under strict, with the
 * generated code they stand on (vitest and the demo's loader only transpile).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../generators/saga/helpers.js';
import { typecheck } from '../generators/saga/typecheck.js';

it('examples/orders/services type-check under strict', () => {
  const dir = join(ROOT, 'examples', 'orders', 'services');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => join(dir, f));
  expect(files.length).toBeGreaterThan(4);
  expect(typecheck(files)).toBe('');
});
