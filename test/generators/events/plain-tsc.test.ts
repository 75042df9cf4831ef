/**
 * Generated events code for users who compile with plain `tsc` (no allowJs,
 * no copy step): the validators are a `.ts` module, so `tsc` emits them (and
 * their declarations) with the rest, and the emitted JavaScript runs on node.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, generateShop } from './helpers.js';

describe('events output compiled with plain tsc', () => {
  it('compiles without allowJs, emits the validators with declarations, and runs on node', async () => {
    const gen = await generateShop();
    const project = join(gen, '..');
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', declaration: true, rootDir: 'gen', outDir: 'dist', skipLibCheck: true, types: [], typeRoots: [join(ROOT, 'node_modules/@types')] },
        include: ['gen/**/*.ts'],
      }),
    );
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', join(project, 'tsconfig.json')], { encoding: 'utf8' });
    expect((tsc.stdout + tsc.stderr).trim()).toBe('');
    for (const f of ['validators.js', 'validators.d.ts', 'index.js', 'producers.js', 'bindings.js']) expect(existsSync(join(project, 'dist', f)), f).toBe(true);

    writeFileSync(
      join(project, 'run.mjs'),
      [
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
      ].join('\n'),
    );
    const run = spawnSync(process.execPath, [join(project, 'run.mjs')], { encoding: 'utf8', cwd: project });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ seen: ['3.00'], invalid: true });
  });
});
