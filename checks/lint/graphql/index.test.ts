import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import type { ContractModel, GraphQLContract } from '../../../contracts/model/types.js';
import { LINT_RULES } from '../catalogue.js';
import { runModelRule } from '../run-model-rule.js';
import { graphqlPresets, graphqlRules } from './index.js';

const here = fileURLToPath(new URL('.', import.meta.url));
const docs = fileURLToPath(new URL('../../../docs/rules/', import.meta.url));

describe('the GraphQL rule catalogue', () => {
  it.each(graphqlRules.map((r) => [r.id, r] as const))('%s: file, test, docs page, presets and options schema agree', (id, rule) => {
    expect(existsSync(`${here}${id}.ts`)).toBe(true);
    expect(existsSync(`${here}${id}.test.ts`)).toBe(true);
    expect(existsSync(`${docs}${id}.md`)).toBe(true);
    const text = readFileSync(`${docs}${id}.md`, 'utf8');
    for (const heading of ['## Why', '## Failing example', '## Passing example', '## Options']) expect(text, `${id}: ${heading}`).toContain(heading);
    expect(text).toContain(`**Default severity:** ${rule.defaultSeverity}`);
    for (const preset of rule.presets) expect(text).toContain(`\`${preset}\``);
    expect(rule.kind).toBe('graphql');
    expect(rule.presets).toContain('strict');
    if (rule.presets.includes('minimal')) expect(rule.presets).toContain('recommended');
    if (rule.optionsSchema) {
      const validate = new Ajv({ strict: false }).compile(rule.optionsSchema);
      expect(validate(rule.defaultOptions ?? {}), JSON.stringify(validate.errors)).toBe(true);
      expect(validate({ notAnOption: true })).toBe(false);
    }
  });

  it('is in the lint catalogue, with unique ids, and builds its preset tables', () => {
    for (const r of graphqlRules) expect(LINT_RULES).toContain(r);
    expect(new Set(LINT_RULES.map((r) => r.id)).size).toBe(LINT_RULES.length);
    expect(Object.keys(graphqlPresets.minimal)).toEqual(['graphql-subgraphs-compose', 'graphql-entity-key-resolvable', 'graphql-deprecation-reason']);
    expect(Object.keys(graphqlPresets.recommended)).toHaveLength(graphqlRules.length);
    expect(new Set(Object.values(graphqlPresets.strict))).toEqual(new Set(['error']));
  });
});

describe('GraphQL rules on odd model data', () => {
  it('report without throwing (types referring to nothing, empty key selections, no root types)', () => {
    const at = { file: '/nowhere/odd.graphql', line: 1, column: 1 };
    const fed = { external: true, shareable: false, inaccessible: false, requires: '', requiresSelection: [{ name: 'x', selections: [{ name: 'y', selections: [] }] }] };
    const odd: Omit<GraphQLContract, 'subgraph'> & { subgraph: string } = {
      name: 'odd', kind: 'graphql', file: at.file, files: [], subgraph: 'odd', links: [], rootTypes: { query: 'Missing', mutation: 'M' }, directiveDefinitions: [], sdl: {},
      types: [
        { name: 'M', kind: 'object', fields: [{ name: '', parent: 'M', type: { kind: 'list', ofType: { kind: 'named', name: 'Nowhere', nonNull: false }, nonNull: false }, typeText: '[Nowhere]', args: [], directives: [], federation: fed, location: at }], interfaces: [], members: [], values: [{ name: '', directives: [], location: at }], directives: [], extension: false, inaccessible: false, location: at },
        { name: 'XConnection', kind: 'object', fields: [{ name: 'edges', parent: 'XConnection', type: { kind: 'named', name: 'E', nonNull: true }, typeText: 'E!', args: [], directives: [], federation: fed, location: at }], interfaces: [], members: [], values: [], directives: [], extension: true, inaccessible: false, location: at },
      ],
      entities: [{ type: 'Gone', keys: [{ fields: '', fieldNames: [], selection: [], resolvable: false, location: at }], referenceOnly: true, location: at }],
    };
    const model: ContractModel = { contracts: [odd as GraphQLContract] };
    // composition needs parsed documents: a model not built by the loader is refused with a clear error
    for (const rule of graphqlRules.filter((r) => r.id !== 'graphql-subgraphs-compose')) expect(() => runModelRule(rule, model), rule.id).not.toThrow();
    expect(() => runModelRule(graphqlRules[0]!, model)).toThrow(/was not loaded by the GraphQL loader/);
  });
});
