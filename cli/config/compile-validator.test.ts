/**
 * The config validator compiled at build time agrees with the one compiled at
 * run time (same schema, same options): same verdicts, same errors.
 */
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { packageRoot, readPackageJson } from '../../contracts/source/package-files.js';
import { configValidatorSource } from './compile-validator.js';
import { CONFIG_AJV_OPTIONS } from './load-config.js';

type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };

describe('compiled config validator', () => {
  it('gives the same verdicts and errors as compiling the schema at run time', () => {
    // inside the package, so the standalone code's require of ajv's runtime helpers resolves as it does in dist/
    const dir = mkdtempSync(join(packageRoot(), 'node_modules', '.cache-validator-'));
    const file = join(dir, 'config-validator.cjs');
    writeFileSync(file, configValidatorSource());
    let compiled: Validator;
    try {
      compiled = createRequire(import.meta.url)(file) as Validator;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const runtime = new Ajv(CONFIG_AJV_OPTIONS).compile(readPackageJson<Record<string, unknown>>('schema', 'contractkit.schema.json')) as Validator;
    const samples: unknown[] = [
      {},
      { contracts: { orders: { openapi: 'openapi/orders.yaml', generate: [{ target: 'rest-client', out: 'gen' }] } } },
      { contracts: { orders: { openapi: 42 } } },
      { lint: { preset: 'loose' }, unknownKey: true },
      { contracts: { orders: { openapi: 'a.yaml', generate: [{ target: 'nope' }] } } },
    ];
    for (const sample of samples) {
      expect(compiled(sample)).toBe(runtime(sample));
      expect(compiled.errors ?? null).toEqual(runtime.errors ?? null);
    }
    expect(samples.filter((s) => !compiled(s)).length).toBeGreaterThan(0);
  });
});
