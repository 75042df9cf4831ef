import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../contracts/errors.js';
import { GeneratorOptionsError } from './options-error.js';
import { createGeneratorContext, GENERATOR_NAMES, loadGenerator, runGenerator } from './registry.js';

describe('the generator registry', () => {
  it('loads every target on demand, each with an options schema', async () => {
    for (const name of GENERATOR_NAMES) {
      const generator = await loadGenerator(name);
      expect(generator?.name).toBe(name);
      expect(generator?.optionsSchema.type).toBe('object');
    }
    expect(await loadGenerator('graphql-server')).toBeUndefined();
  });

  it('runGenerator checks the options against the schema before generating, with a pointer into the options', async () => {
    const run = runGenerator('rest-client', { contracts: [] }, { out: '/unused', options: { dateType: 'date', bigints: true } });
    await expect(run).rejects.toBeInstanceOf(GeneratorOptionsError);
    const err = (await run.catch((e: unknown) => e)) as GeneratorOptionsError;
    expect(err.findings.map((f) => f.pointer).sort()).toEqual(['/bigints', '/dateType']);
    // valid options reach the generator, which says it has nothing to generate from
    await expect(runGenerator('rest-client', { contracts: [] }, { out: '/unused', options: { dateType: 'Date' } })).rejects.toThrow(/no OpenAPI contract/);
  });

  it('the default context reads existing files inside the output only, and hands notes on', () => {
    const out = mkdtempSync(join(tmpdir(), 'ck-ctx-'));
    writeFileSync(join(out, 'steps.ts'), 'mine');
    const notes: string[] = [];
    const ctx = createGeneratorContext('saga', { out, note: (t) => notes.push(t) });
    expect(ctx.readExisting('steps.ts')).toBe('mine');
    expect(ctx.readExisting('missing.ts')).toBeUndefined();
    expect(() => ctx.readExisting('../elsewhere.ts')).toThrow(UsageError);
    ctx.note('added a stub');
    expect(notes).toEqual(['added a stub']);
    expect(ctx.outputs).toEqual([]);
    expect(ctx.options).toEqual({});
  });
});
