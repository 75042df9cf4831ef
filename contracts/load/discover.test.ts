import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverContracts, sniffKind } from './discover.js';

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ck-disc-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

describe('discoverContracts', () => {
  it('finds each kind in a directory and skips shared fragments and node_modules', () => {
    const dir = tree({
      'api/orders.yaml': 'openapi: 3.1.0\n',
      'api/schemas/common.yaml': 'Money:\n  type: object\n',
      'api/legacy.json': '{"swagger": "2.0"}',
      'events/events.yaml': 'asyncapi: 3.0.0\n',
      'proto/buf.yaml': 'version: v2\n',
      'proto/orders/v1/orders.proto': 'syntax = "proto3";',
      'sagas/place-order.saga.yaml': 'saga: place-order\n',
      'node_modules/x/openapi.yaml': 'openapi: 3.0.0\n',
    });
    const { specs, findings } = discoverContracts(['.'], dir);
    expect(findings).toEqual([]);
    expect(specs.map((s) => [s.kind, s.name])).toEqual([
      ['openapi', 'legacy'],
      ['openapi', 'orders'],
      ['asyncapi', 'events'],
      ['proto', 'proto'],
      ['saga', 'place-order'],
    ]);
  });

  it('reports missing paths, unknown files and empty directories', () => {
    const dir = tree({ 'notes.yaml': 'hello: world\n', 'empty/.keep': '' });
    const { specs, findings } = discoverContracts(['missing.yaml', 'notes.yaml', 'empty'], dir);
    expect(specs).toEqual([]);
    expect(findings.map((f) => f.ruleId)).toEqual(['load/not-found', 'load/unknown-kind', 'load/no-contracts']);
  });

  it('takes each .graphql and .gql file as a GraphQL subgraph named after the file', () => {
    const dir = tree({ 'graph/orders.graphql': 'type Query { a: Int }\n', 'graph/customers.gql': 'type Query { b: Int }\n' });
    const { specs, findings } = discoverContracts(['graph', 'graph/orders.graphql'], dir);
    expect(findings).toEqual([]);
    expect(specs.map((s) => [s.kind, s.name])).toEqual([
      ['graphql', 'customers'],
      ['graphql', 'orders'],
    ]);
  });

  it('tells kinds from the first key, JSON or YAML', () => {
    const dir = tree({ 'a.json': '{\n  "asyncapi": "2.6.0"}', 'b.yml': '# comment\nopenapi: "3.0.3"\n' });
    expect(sniffKind(join(dir, 'a.json'))).toBe('asyncapi');
    expect(sniffKind(join(dir, 'b.yml'))).toBe('openapi');
  });
});
