/**
 * The user-owned steps file: created with stubs; on regeneration new steps
 * and compensations get stubs that throw "not implemented", existing code is
 * kept byte for byte, removed steps are reported. Fresh output (stubs and
 * all) type-checks under strict; bad references fail with located findings.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { UsageError } from '../../../contracts/errors.js';
import { generateSaga, ROOT } from './helpers.js';
import { typecheck } from './typecheck.js';

const fixtures = join(ROOT, 'test', 'fixtures', 'saga-generator');
// inside the repository, so the output resolves vitest and node types like user code would
const out = mkdtempSync(join(ROOT, 'node_modules', '.cache-saga-gen-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const write = (files: { path: string; content: string }[]) =>
  files.forEach((f) => {
    mkdirSync(dirname(join(out, f.path)), { recursive: true });
    writeFileSync(join(out, f.path), f.content);
  });

it('creates the steps file with a stub per step and call, and the output type-checks under strict', async () => {
  const { files } = await generateSaga(join(fixtures, 'v1.saga.yaml'), out);
  // no config lists this saga: the client of the contract it calls is generated beside it (self-contained)
  expect(files.map((f) => f.path).sort()).toEqual(['book-trip.mmd', 'book-trip.participants.ts', 'book-trip.saga-test.ts', 'book-trip.saga.ts', 'book-trip.steps.ts', 'clients/orders/client.ts', 'clients/orders/index.ts', 'clients/orders/types.ts']);
  write(files);
  const steps = readFileSync(join(out, 'book-trip.steps.ts'), 'utf8');
  expect(steps).toContain("'reserve-hotel': {\n    run: async (data, ctx) => {\n      throw new Error('not implemented: reserve-hotel run');");
  expect(steps).toContain("throw new Error('not implemented: book-flight compensate request');");
  const mod = readFileSync(join(out, 'book-trip.saga.ts'), 'utf8');
  expect(mod).toContain("'hotel-ref'?: string;"); // quoted key
  expect(mod).toContain('ends *\\/ here'); // cannot end the doc comment
  expect(mod).toContain('order?: Order;'); // a schema of another contract, by reference
  expect(mod).toContain('createOrder(request: CreateOrderInput, ctx: SagaStepContext): Promise<Order>;');
  expect(typecheck(files.filter((f) => f.path.endsWith('.ts')).map((f) => join(out, f.path)))).toBe('');
});

it('on regeneration keeps user code byte for byte, stubs new steps and compensations, reports removed ones', async () => {
  const first = readFileSync(join(out, 'book-trip.steps.ts'), 'utf8');
  // the user implements reserve-hotel in their own style
  const mine = `'reserve-hotel': {\n    // my code, my comments   (odd spacing kept)\n    run: async (data) => ({ ...data, tripId: data.tripId + '!' }),\n    compensate: { run: async (data) => data },\n  }`;
  const edited = first.replace(/'reserve-hotel': \{[\s\S]*?\n {2}\},\n {2}'book-flight'/, `${mine},\n  'book-flight'`);
  expect(edited).toContain('my code, my comments');
  writeFileSync(join(out, 'book-trip.steps.ts'), edited);

  const { files, notes } = await generateSaga(join(fixtures, 'v2.saga.yaml'), out);
  const merged = files.find((f) => f.path === 'book-trip.steps.ts')!.content;
  expect(merged).toContain(mine); // untouched
  expect(merged).toContain(edited.slice(0, edited.indexOf('  confirm:'))); // everything before the insertions, byte for byte
  expect(merged).toContain("throw new Error('not implemented: rent-car request');");
  expect(merged).toContain("throw new Error('not implemented: rent-car compensate request');");
  expect(merged).toContain("throw new Error('not implemented: notify run');");
  expect(merged).toContain("throw new Error('not implemented: book-flight request');"); // removed step left in place
  expect(notes).toEqual([
    'book-trip.steps.ts: added stubs for rent-car, notify (they throw "not implemented" until you fill them in)',
    'book-trip.steps.ts: step book-flight is no longer in the saga; its code was left for you to delete',
  ]);

  // regenerating again changes nothing
  write(files);
  const again = await generateSaga(join(fixtures, 'v2.saga.yaml'), out);
  expect(again.files.find((f) => f.path === 'book-trip.steps.ts')!.content).toBe(merged);
});

it('refuses a saga that names a missing operation, with the step located, writing nothing', async () => {
  const err = await generateSaga(join(fixtures, 'missing-operation.saga.yaml'), out).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(UsageError);
  const f = (err as UsageError).findings[0]!;
  expect(f).toMatchObject({ severity: 'error', file: join(fixtures, 'missing-operation.saga.yaml'), pointer: '/steps/0' });
  expect(f.message).toBe('Step only: no operation "noSuchOperation" in orders.');
  expect(f.hint).toBeTruthy();
});
