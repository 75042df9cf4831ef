/**
 * The per-target option schemas of schema/contractkit.schema.json are the
 * generators' own `optionsSchema`s: the committed schema is what
 * `npm run schema` writes, and the config validator checks `options:` by target.
 */
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { packageFile } from '../../contracts/source/package-files.js';
import { GENERATOR_NAMES } from '../../generators/core/registry.js';
import { generateTargetSchema, registeredOptionSchemas, withGenerateTarget } from './target-schemas.js';
import { expectedConfigSchemaText } from './write-schema.js';
import { CONFIG_AJV_OPTIONS } from './load-config.js';

const committed = () => readFileSync(packageFile('schema', 'contractkit.schema.json'), 'utf8');

describe('generateTarget in schema/contractkit.schema.json', () => {
  it('is what `npm run schema` writes from the registered generators (run it after changing an optionsSchema or adding a target)', async () => {
    expect(committed()).toBe(await expectedConfigSchemaText());
  });

  it('holds every registered target and its options schema', async () => {
    const schema = JSON.parse(committed()) as { definitions: { generateTarget: { properties: { target: { enum: string[] } }; allOf: { if: unknown; then: { properties: { options: Record<string, unknown> } } }[] } } };
    const target = schema.definitions.generateTarget;
    expect(target.properties.target.enum).toEqual([...GENERATOR_NAMES]);
    for (const [name, options] of await registeredOptionSchemas()) {
      const branch = target.allOf.find((b) => JSON.stringify(b.if).includes(JSON.stringify(name)));
      expect(branch?.then.properties.options, name).toMatchObject(JSON.parse(JSON.stringify(options)) as Record<string, unknown>);
    }
  });

  it('fails when a generator changes (the check can fail)', async () => {
    const targets = await registeredOptionSchemas();
    const changed = targets.map(([name, s]) => [name, name === 'grpc' ? { ...s, properties: { ...(s.properties as object), extra: { type: 'boolean' } } } : s] as const);
    expect(withGenerateTarget(committed(), generateTargetSchema(changed))).not.toBe(committed());
    expect(withGenerateTarget(committed(), generateTargetSchema([...targets, ['new-target', { type: 'object' }]]))).not.toBe(committed());
  });

  it('replaces only definitions.generateTarget, not a key of that name elsewhere', () => {
    const text = '{\n  "generateTarget": { "keep": 1 },\n  "definitions": {\n    "a": { "generateTarget": { "keep": 2 } },\n    "generateTarget": {\n      "old": "{ : }"\n    },\n    "z": 3\n  }\n}\n';
    const out = withGenerateTarget(text, { fresh: [1, 2] });
    expect(JSON.parse(out)).toEqual({ generateTarget: { keep: 1 }, definitions: { a: { generateTarget: { keep: 2 } }, generateTarget: { fresh: [1, 2] }, z: 3 } });
    expect(out).toContain('    "generateTarget": { "fresh": [1, 2] },');
    expect(() => withGenerateTarget('{ "definitions": {} }', {})).toThrow(/no definitions.generateTarget/);
  });

  it('validates a target\'s options by its target', () => {
    const validate = new Ajv(CONFIG_AJV_OPTIONS).compile(JSON.parse(committed()) as object);
    const config = (target: string, options: unknown) => ({ contracts: { c: { openapi: 'a.yaml', generate: [{ target, out: 'gen', options }] } } });
    expect(validate(config('rest-client', { dateType: 'Date', validate: true }))).toBe(true);
    expect(validate(config('rest-client', { dateType: 'date' }))).toBe(false);
    expect(validate(config('grpc', { dateType: 'Date' }))).toBe(false);
    expect(validate(config('grpc', { codec: 'fast', paths: ['a.proto'] }))).toBe(true);
    expect(validate(config('saga', 5))).toBe(false);
  });
});
