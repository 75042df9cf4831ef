import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { openApiModelRules, openApiRules } from './index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const docs = fileURLToPath(new URL('../../../docs/rules/', import.meta.url));

describe('OpenAPI rule catalogue', () => {
  it.each([...openApiRules, ...openApiModelRules].map((r) => [r.id, r] as const))('%s: file, docs page, presets and options schema agree', (id, rule) => {
    expect(existsSync(`${here}${id}.ts`)).toBe(true);
    expect(existsSync(`${here}${id}.test.ts`)).toBe(true);
    expect(existsSync(`${docs}${id}.md`)).toBe(true);
    expect(rule.kind).toBe('openapi');
    expect(rule.engine).toBe(openApiModelRules.includes(rule as never) ? 'model' : 'redocly');
    expect(rule.presets).toContain('strict');
    if (rule.presets.includes('minimal')) expect(rule.presets).toContain('recommended');
    if (rule.optionsSchema) {
      const validate = new Ajv({ strict: false }).compile(rule.optionsSchema);
      expect(validate(rule.defaultOptions ?? {}), JSON.stringify(validate.errors)).toBe(true);
      expect(validate({ notAnOption: true })).toBe(false);
    }
  });

  it('has unique ids', () => {
    const all = [...openApiRules, ...openApiModelRules];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  });
});
