/**
 * The committed example output (examples/orders/generated/saga) is what the
 * generator produces today (the CI diff check), type-checks under strict, and
 * the user-owned steps file survives regeneration untouched.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { generateSaga, ROOT } from './helpers.js';
import { typecheck } from './typecheck.js';

const committed = join(ROOT, 'examples', 'orders', 'generated', 'saga');
const sagaFile = join(ROOT, 'examples', 'orders', 'sagas', 'place-order.saga.yaml');

it('regenerating the orders example gives exactly the committed files', async () => {
  const out = mkdtempSync(join(tmpdir(), 'saga-example-'));
  try {
    // the steps file is the user's: it is merged, so it must be there first
    cpSync(join(committed, 'place-order.steps.ts'), join(out, 'place-order.steps.ts'));
    const { files, notes } = await generateSaga(sagaFile, out);
    expect(notes).toEqual([]);
    for (const f of files) writeFileSync(join(out, f.path), f.content);
    expect(readdirSync(out).sort()).toEqual(readdirSync(committed).sort());
    for (const name of readdirSync(committed)) {
      expect(readFileSync(join(out, name), 'utf8'), `${name} is stale: regenerate examples/orders/generated/saga`).toBe(readFileSync(join(committed, name), 'utf8'));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

it('the committed example output type-checks under strict', () => {
  const files = readdirSync(committed).filter((f) => f.endsWith('.ts')).map((f) => join(committed, f));
  expect(typecheck(files)).toBe('');
});

it('the Mermaid diagram beside it shows the steps, the pivot and the compensations', () => {
  const mmd = readFileSync(join(committed, 'place-order.mmd'), 'utf8');
  expect(mmd).toMatch(/^%% saga place-order v1\nflowchart LR\n/);
  expect(mmd).toContain('reserve-inventory');
  expect(mmd).toContain('(pivot)');
  expect(mmd).toContain('undo process-payment');
});
