/**
 * The saga's test skeleton and its runner (`options.test`): node:test by
 * default, so the output compiles with plain tsc and @types/node in a project
 * without vitest; vitest on request; none; a bad value says what is allowed;
 * a vitest skeleton left by an earlier version is pointed out.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { UsageError } from '../../../contracts/errors.js';
import { generateSaga, ROOT } from './helpers.js';

const saga = join(ROOT, 'test', 'fixtures', 'saga-generator', 'v1.saga.yaml');
const out = mkdtempSync(join(ROOT, 'node_modules', '.cache-saga-skeleton-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));
const skeletons = (files: { path: string }[]) => files.map((f) => f.path).filter((p) => /test\.ts$/.test(p));

it('by default writes a node:test skeleton named so that vitest and jest do not collect it', async () => {
  const { files } = await generateSaga(saga, out);
  expect(skeletons(files)).toEqual(['book-trip.saga-test.ts']);
  const text = files.find((f) => f.path === 'book-trip.saga-test.ts')!.content;
  expect(text).toContain("import { describe, it } from 'node:test';");
  expect(text).toContain("import { deepStrictEqual, strictEqual } from 'node:assert';");
  expect(text).toContain("strictEqual(status, 'completed', why);");
  expect(text).not.toContain('vitest');
});

it('test: vitest writes the vitest skeleton, test: none writes no skeleton', async () => {
  const vitest = await generateSaga(saga, out, { test: 'vitest' });
  expect(skeletons(vitest.files)).toEqual(['book-trip.saga.test.ts']);
  expect(vitest.files.find((f) => f.path === 'book-trip.saga.test.ts')!.content).toContain("import { describe, expect, it } from 'vitest';");
  const none = await generateSaga(saga, out, { test: 'none' });
  expect(skeletons(none.files)).toEqual([]);
});

it('an unknown runner is a usage error naming the allowed ones', async () => {
  const err = await generateSaga(saga, out, { test: 'jest' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UsageError);
  expect((err as Error).message).toBe("saga: option `test` is \"jest\"; use one of 'node', 'vitest', 'none' (default 'node').");
});

it('a vitest skeleton from an earlier version, no longer regenerated, is pointed out', async () => {
  writeFileSync(join(out, 'book-trip.saga.test.ts'), '// an earlier skeleton\n');
  const { notes } = await generateSaga(saga, out);
  expect(notes).toContain('book-trip.saga.test.ts is no longer regenerated: the test skeleton is book-trip.saga-test.ts (node:test); delete it, or set `options: { test: vitest }` on the saga target to keep a vitest one');
});
