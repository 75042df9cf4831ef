/**
 * Generated events code for users who compile with plain `tsc` (no allowJs,
 * no copy step): the validators are a `.ts` module, so `tsc` emits them (and
 * their declarations) with the rest, and the emitted JavaScript runs on node.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, ROOT, generateEvents, generateShop, tempProject } from './helpers.js';
import { writeGeneratedFiles } from '../../../generators/core/writer.js';

/** Compiles `gen/` of `project` with plain tsc (its tsconfig: `compilerOptions` over NodeNext and strict); returns tsc's output ('' when clean). */
function compile(project: string, compilerOptions: Record<string, unknown>): string {
  const base = { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', rootDir: 'gen', outDir: 'dist', skipLibCheck: true, types: [] };
  writeFileSync(join(project, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...base, ...compilerOptions }, include: ['gen/**/*.ts'] }));
  const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(project, 'tsconfig.json')], { encoding: 'utf8' });
  return (tsc.stdout + tsc.stderr).trim();
}

/** Runs `lines` as an ES module in `project` on plain node; its stderr must be empty, its stdout is JSON. */
function runModule(project: string, lines: string[]): unknown {
  writeFileSync(join(project, 'run.mjs'), lines.join('\n'));
  const run = spawnSync(process.execPath, [join(project, 'run.mjs')], { encoding: 'utf8', cwd: project });
  expect(run.stderr).toBe('');
  return JSON.parse(run.stdout);
}

describe('events output compiled with plain tsc', () => {
  it('compiles without allowJs, emits the validators with declarations, and runs on node', async () => {
    const gen = await generateShop();
    const project = join(gen, '..');
    expect(compile(project, { declaration: true, typeRoots: [join(ROOT, 'node_modules/@types')] })).toBe('');
    for (const f of ['validators.js', 'validators.d.ts', 'index.js', 'producers.js', 'bindings.js']) expect(existsSync(join(project, 'dist', f)), f).toBe(true);

    const result = runModule(project, [
      "import { createMemoryTransport, EventValidationError } from '@contractkit/runtime/events';",
      "import { consumeOnOrderPlaced, createShopEventsProducer } from './dist/index.js';",
      'const t = createMemoryTransport();',
      'const seen = [];',
      'await consumeOnOrderPlaced(t, { handler: async (e) => void seen.push(e.payload.total.amount) });',
      'const p = createShopEventsProducer(t);',
      "await p.publishOrderPlaced({ orderId: '1', total: { amount: '3.00', currency: 'EUR' } }, { aggregateId: '1', correlationId: 'c' });",
      "const err = await p.publishOrderPlaced({ orderId: '2', total: { amount: 'three', currency: 'EUR' } }, { aggregateId: '2', correlationId: 'c' }).catch((e) => e);",
      'await t.idle();',
      'console.log(JSON.stringify({ seen, invalid: err instanceof EventValidationError }));',
    ]);
    expect(result).toEqual({ seen: ['3.00'], invalid: true });
  });

  it('validators whose keywords need ajv helpers (maxLength, uniqueItems) run on node with only @contractkit/runtime', async () => {
    const project = tempProject('ck-events-limits-');
    const out = join(project, 'gen');
    const files = await generateEvents(join(FIXTURES, 'limits.yaml'), out, 'notes-events');
    // ajv's helpers come through the runtime: nothing imports ajv itself
    expect(files.find((f) => f.path === 'validators.ts')!.content).toContain("import { ajvRuntime } from '@contractkit/runtime/events';");
    expect(files.filter((f) => /from 'ajv/.test(f.content)).map((f) => f.path)).toEqual([]);
    writeGeneratedFiles(out, files);
    expect(compile(project, {})).toBe('');
    const [valid, tooLong, duplicate] = runModule(project, [
      "import { createMemoryTransport } from '@contractkit/runtime/events';",
      "import { createNotesEventsProducer } from './dist/index.js';",
      'const p = createNotesEventsProducer(createMemoryTransport());',
      "const meta = { aggregateId: 'n', correlationId: 'c' };",
      "const outcome = (payload) => p.publishNoteAdded(payload, meta).then(() => 'ok', (e) => e.message);",
      "console.log(JSON.stringify([await outcome({ text: 'hi', tags: [{ name: 'a' }, { name: 'b' }] }), await outcome({ text: 'far too long', tags: [] }), await outcome({ text: 'hi', tags: [{ name: 'a' }, { name: 'a' }] })]));",
    ]) as string[];
    expect(valid).toBe('ok');
    expect(tooLong).toContain('must NOT have more than 5 characters');
    expect(duplicate).toContain('must NOT have duplicate items');
  });
});
