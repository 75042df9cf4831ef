import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratchTree } from '../../test/scratch-tree.js';
import { discoverContracts } from './discover.js';
import { sniffKind } from './sniff-kind.js';

const tree = (files: Record<string, string>) => scratchTree(files, 'ck-disc-');

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

  it('roots loose .proto files at the directory given, as buf lint <dir> does, and keeps buf modules apart', () => {
    const dir = tree({
      'protos/acme/v1/acme.proto': 'syntax = "proto3";',
      'protos/shop/v1/shop.proto': 'syntax = "proto3";',
      'mod/buf.yaml': 'version: v2\n',
      'mod/a/v1/a.proto': 'syntax = "proto3";',
      'work/buf.work.yaml': 'version: v1\ndirectories: [p]\n',
      'work/p/b/v1/b.proto': 'syntax = "proto3";',
      'node_modules/dep/v1/dep.proto': 'syntax = "proto3";',
    });
    expect(discoverContracts(['protos'], dir).specs).toEqual([{ name: 'protos', kind: 'proto', path: join(dir, 'protos'), protoPaths: ['acme/v1', 'shop/v1'] }]);
    expect(discoverContracts(['.'], dir).specs.map((s) => [s.path, s.protoPaths])).toEqual([
      [join(dir, 'mod'), undefined],
      [dir, ['protos/acme/v1', 'protos/shop/v1']],
      [join(dir, 'work'), undefined],
    ]);
    // .proto files in the folder itself: the whole folder, as buf builds it
    const flat = tree({ 'p/top.proto': 'syntax = "proto3";', 'p/x/v1/x.proto': 'syntax = "proto3";' });
    expect(discoverContracts(['p'], flat).specs).toEqual([{ name: 'p', kind: 'proto', path: join(flat, 'p') }]);
    // ... but not its node_modules (or hidden folders)
    const project = tree({
      'svc/service.proto': 'syntax = "proto3";',
      'svc/types/v1/t.proto': 'syntax = "proto3";',
      'svc/docs/readme.md': '',
      'svc/node_modules/protobufjs/google/protobuf/descriptor.proto': 'syntax = "proto2";',
    });
    expect(discoverContracts(['svc'], project).specs).toEqual([{ name: 'svc', kind: 'proto', path: join(project, 'svc'), protoPaths: ['service.proto', 'types'] }]);
  });

  it('finds OpenAPI, AsyncAPI and saga files inside a proto folder too (buf owns only the .proto files)', () => {
    const dir = tree({
      'api/buf.yaml': 'version: v2\n',
      'api/orders/v1/orders.proto': 'syntax = "proto3";',
      'api/openapi/orders.yaml': 'openapi: 3.1.0\n',
      'api/orders/v1/events.yaml': 'asyncapi: 3.0.0\n',
      'loose/shop/v1/shop.proto': 'syntax = "proto3";',
      'loose/shop/sagas/checkout.saga.yaml': 'saga: checkout\n',
      'loose/shop/v1/nested/buf.yaml': 'version: v2\n',
    });
    expect(discoverContracts(['.'], dir).specs.map((s) => [s.kind, s.path.slice(dir.length + 1) || '.'])).toEqual([
      ['proto', 'api'],
      ['openapi', 'api/openapi/orders.yaml'],
      ['asyncapi', 'api/orders/v1/events.yaml'],
      ['saga', 'loose/shop/sagas/checkout.saga.yaml'],
      ['proto', '.'],
    ]);
  });

  it('never takes a config file for a contract, even one that names contracts under `openapi:` keys', () => {
    const dir = tree({
      'contractkit.yaml': 'version: 1\ncontracts:\n  api:\n    openapi: api/orders.yaml\n  events:\n    asyncapi: events.yaml\n',
      'contractkit.json': '{"version": 1, "contracts": {"api": {"openapi": "api/orders.yaml"}}}',
      '.contractkit-ignore.yaml': 'ignore:\n  - rule: path-no-verbs\n    openapi: api/orders.yaml\n',
      '.contractkit-baseline.json': '{"version": 1, "findings": [{"openapi": "x"}]}',
      'buf.gen.yaml': 'version: v2\nplugins:\n  - local: protoc-gen-openapi\n    out: gen\n    openapi: true\n',
      'buf.lock': 'version: v2\n',
      'buf.policy.yaml': 'version: v2\n',
      '.pre-commit-config.yaml': 'repos:\n  - repo: local\n    hooks:\n      - id: contractkit\n        openapi: true\n',
      '.pre-commit-hooks.yaml': '- id: contractkit-lint\n  entry: contractkit lint\n',
      'redocly.yaml': 'apis:\n  main:\n    root: api/orders.yaml\n    openapi: {}\n',
      'openapitools.json': '{"generator-cli": {"generators": {"ts": {"openapi": "api/orders.yaml"}}}}',
      'package.json': '{"name": "x", "openapi": "3.1.0"}',
      'api/orders.yaml': 'openapi: 3.1.0\n',
      'api/schemas/common.yaml': 'Money:\n  type: object\n  properties:\n    openapi: { type: string }\n',
    });
    const { specs, findings } = discoverContracts(['.'], dir);
    expect(findings).toEqual([]);
    expect(specs.map((s) => s.path)).toEqual([join(dir, 'api/orders.yaml')]);
  });

  it('finds the kind key wherever it is at the top level, not only in the first bytes', () => {
    const long = 'x'.repeat(6000);
    const dir = tree({
      'late.yaml': `# a contract whose openapi key comes after a long info block\ninfo:\n  title: Late\n  description: ${long}\n  version: '1'\nopenapi: 3.1.0\npaths: {}\n`,
      'sorted.json': JSON.stringify({ components: { schemas: { Big: { description: long } } }, info: { title: 'S', version: '1' }, openapi: '3.0.3', paths: {} }, null, 2),
      'flow.yaml': '{asyncapi: 3.0.0, info: {title: F, version: "1"}}\n',
      'nested.json': JSON.stringify({ info: { description: long }, x: { openapi: '3.0.0' } }),
    });
    expect(sniffKind(join(dir, 'late.yaml'))).toBe('openapi');
    expect(sniffKind(join(dir, 'sorted.json'))).toBe('openapi');
    expect(sniffKind(join(dir, 'flow.yaml'))).toBe('asyncapi');
    expect(sniffKind(join(dir, 'nested.json'))).toBeUndefined();
  });

  it('says so when a config file is given as a contract', () => {
    const dir = tree({ 'contractkit.yaml': 'version: 1\ncontracts:\n  api:\n    openapi: api.yaml\n', 'buf.gen.yaml': 'version: v2\n' });
    const { specs, findings } = discoverContracts(['contractkit.yaml', 'buf.gen.yaml'], dir);
    expect(specs).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.message])).toEqual([
      ['load/unknown-kind', expect.stringMatching(/contractkit\.yaml is contractkit's configuration, not a contract/)],
      ['load/unknown-kind', expect.stringMatching(/buf\.gen\.yaml is buf's configuration, not a contract/)],
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
