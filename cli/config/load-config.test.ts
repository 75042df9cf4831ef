import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../contracts/errors.js';
import { positionOf } from '../../contracts/source/positions.js';
import { findConfigFile, loadConfig } from './load-config.js';

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ck-config-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function configErrorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('finds the config upward from a subdirectory and resolves paths against it', () => {
    const dir = scratch({
      'contractkit.yaml': 'version: 1\ncontracts:\n  orders:\n    openapi: api/orders.yaml\n    generate:\n      - { target: rest-client, out: gen/orders }\nlint:\n  preset: strict\n  rules:\n    path-no-verbs: off\n    pagination-cursor: { severity: warning, options: { cursorParam: after } }\n',
      'api/sub/.keep': '',
    });
    expect(findConfigFile(join(dir, 'api', 'sub'))).toBe(join(dir, 'contractkit.yaml'));
    const config = loadConfig(join(dir, 'api', 'sub'));
    expect(config.contracts).toEqual([
      { name: 'orders', kind: 'openapi', path: join(dir, 'api/orders.yaml'), generate: [{ target: 'rest-client', out: join(dir, 'gen/orders'), options: {} }], breaking: {} },
    ]);
    expect(config.lint.preset).toBe('strict');
    expect(config.lint.rules['path-no-verbs']).toEqual({ severity: 'off' });
    expect(config.lint.rules['pagination-cursor']).toEqual({ severity: 'warning', options: { cursorParam: 'after' } });
  });

  it('works without a config', () => {
    const dir = scratch({ 'x.txt': '' });
    const config = loadConfig(dir);
    expect(config.file).toBeUndefined();
    expect(config.contracts).toEqual([]);
    expect(config.lint.preset).toBe('recommended');
  });

  it('reports an unknown key at its line and column', () => {
    const dir = scratch({ 'contractkit.yaml': 'version: 1\nlint:\n  preset: recommended\n  rulez: {}\n' });
    const err = configErrorOf(() => loadConfig(dir));
    expect(err.findings).toHaveLength(1);
    const f = err.findings[0]!;
    expect(f.ruleId).toBe('config/invalid');
    expect(f.message).toContain('rulez');
    expect(positionOf(f.file, f.pointer, f.onKey)).toMatchObject({ line: 4, column: 3 });
  });

  it('reports a bad enum value and a contract with two kinds', () => {
    const dir = scratch({
      'contractkit.yaml': 'contracts:\n  both:\n    openapi: a.yaml\n    asyncapi: b.yaml\nlint:\n  preset: loose\n',
    });
    const err = configErrorOf(() => loadConfig(dir));
    const messages = err.findings.map((f) => f.message).join('\n');
    expect(messages).toMatch(/preset.*must be one of "minimal", "recommended", "strict"/);
    expect(err.findings.find((f) => f.pointer === '/lint/preset')).toBeDefined();
    expect(err.findings.find((f) => f.pointer === '/contracts/both')).toBeDefined();
  });

  it('reads a graphql contract with its subgraph name and URL (subgraph defaults to the contract name)', () => {
    const dir = scratch({
      'contractkit.yaml': 'contracts:\n  orders-graph:\n    graphql: graphql/orders.graphql\n    subgraph: orders\n    url: http://localhost:4002/graphql\n  customers:\n    graphql: graphql/customers\n',
    });
    expect(loadConfig(dir).contracts).toEqual([
      { name: 'orders-graph', kind: 'graphql', path: join(dir, 'graphql/orders.graphql'), subgraph: 'orders', url: 'http://localhost:4002/graphql', generate: [], breaking: {} },
      { name: 'customers', kind: 'graphql', path: join(dir, 'graphql/customers'), subgraph: 'customers', generate: [], breaking: {} },
    ]);
  });

  it('refuses `subgraph` and `url` on a contract that is not graphql, at the contract', () => {
    const dir = scratch({ 'contractkit.yaml': 'contracts:\n  api:\n    openapi: a.yaml\n    subgraph: api\n' });
    const err = configErrorOf(() => loadConfig(dir));
    expect(err.findings.some((f) => f.pointer?.startsWith('/contracts/api'))).toBe(true);
  });

  it('checks a target\'s options by its target, worded and located as the generator\'s own check', () => {
    const dir = scratch({
      'contractkit.yaml':
        'contracts:\n  a.b:\n    openapi: a.yaml\n    generate:\n      - target: rest-client\n        out: gen\n        options:\n          dateType: date\n          bigints: true\n      - { target: grpc, out: g2, options: { paths: 5 } }\n      - { target: saga, out: g3, options: [] }\n',
    });
    const err = configErrorOf(() => loadConfig(dir));
    const found = err.findings.map((f) => ({ ruleId: f.ruleId, pointer: f.pointer, message: f.message, at: positionOf(f.file, f.pointer, f.onKey) }));
    expect(found).toEqual([
      { ruleId: 'config/invalid-generator-options', pointer: '/contracts/a.b/generate/0/options/bigints', message: expect.stringMatching(/^rest-client: Unknown key `bigints`/), at: expect.objectContaining({ line: 9, column: 11 }) },
      { ruleId: 'config/invalid-generator-options', pointer: '/contracts/a.b/generate/0/options/dateType', message: expect.stringMatching(/^rest-client: `dateType` must be one of "string", "Date"\. Did you mean `Date`\?/), at: expect.objectContaining({ line: 8 }) },
      ...['must be string', 'must be array', 'matches none of the allowed forms'].map((what) => ({ ruleId: 'config/invalid-generator-options', pointer: '/contracts/a.b/generate/1/options/paths', message: `grpc: \`paths\` ${what}.`, at: expect.objectContaining({ line: 10 }) })),
      { ruleId: 'config/invalid-generator-options', pointer: '/contracts/a.b/generate/2/options', message: 'saga: The options of the saga target must be object.', at: expect.objectContaining({ line: 11 }) },
    ]);
    // no `must match "then" schema` beside them
    expect(err.findings.map((f) => f.message).join('\n')).not.toMatch(/then|if/);
    expect(err.findings.every((f) => f.hint)).toBe(true);
  });

  it('reports an unknown target once, whatever its options', () => {
    const dir = scratch({ 'contractkit.yaml': 'contracts:\n  api:\n    openapi: a.yaml\n    generate:\n      - { target: rest-clinet, out: gen, options: { dateType: Date } }\n' });
    const err = configErrorOf(() => loadConfig(dir));
    expect(err.findings).toHaveLength(1);
    expect(err.findings[0]).toMatchObject({ ruleId: 'config/invalid', pointer: '/contracts/api/generate/0/target' });
    expect(err.findings[0]!.message).toMatch(/must be one of "rest-client".*Did you mean `rest-client`\?/);
  });

  it('reports invalid YAML with a position', () => {
    const dir = scratch({ 'contractkit.yaml': 'contracts:\n  a: [unclosed\n' });
    const err = configErrorOf(() => loadConfig(dir));
    expect(err.findings[0]).toMatchObject({ ruleId: 'config/invalid-yaml', kind: 'config' });
    expect(err.findings[0]!.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a missing --config file', () => {
    const dir = scratch({});
    const err = configErrorOf(() => loadConfig(dir, 'nope.yaml'));
    expect(err.findings[0]).toMatchObject({ ruleId: 'config/unreadable', file: join(dir, 'nope.yaml') });
  });
});
