import { copyFileSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../contracts/errors.js';
import { loadContracts } from '../../../contracts/load/load-all.js';
import type { ContractModel } from '../../../contracts/model/types.js';
import { runGenerator } from '../../../generators/core/registry.js';
import { manifestFile } from '../../../generators/core/writer.js';
import '../../../generators/graphql-resolvers/index.js';
import { readTree, root, scratchDir, typeCheck, writeFiles } from '../grpc/helpers.js';

const fixtures = resolve(root, 'test/fixtures/graphql-resolvers');

async function load(path: string, name = 'hostile'): Promise<ContractModel> {
  const { model, findings } = await loadContracts([{ name, kind: 'graphql', path }], { cwd: root, rootDir: root, allowRemoteRefs: false });
  expect(findings.filter((f) => f.severity === 'error').map((f) => f.message)).toEqual([]);
  return model;
}

describe('generate graphql-resolvers', () => {
  it('types hostile names (reserved words, helper clashes, __-prefixed fields, unicode descriptions) and compiles under strict with a server using them', async () => {
    const model = await load(join(fixtures, 'hostile.graphql'));
    const files = await runGenerator('graphql-resolvers', model, { out: '/tmp/out', options: { scalars: { DateTime: 'string', Json: 'JsonValue' } } });
    expect(files.map((f) => f.path)).toEqual(['hostile.resolvers.ts']);
    const text = files[0]!.content;
    expect(text).toContain("export type ClassReference = { __typename?: 'class'; delete: string; } | { __typename?: 'class'; nested: { enum: string; }; };");
    expect(text).toContain('export type DateTime = string;');
    expect(text).toContain("export type State = 'new' | 'ACTIVE_ONE' | '_private';");
    expect(text).not.toContain('weight?('); // @external: resolved by another subgraph
    const dir = writeFiles(files, scratchDir('ck-gql-res-'));
    copyFileSync(join(fixtures, 'usage.ts'), join(dir, 'usage.ts'));
    expect(typeCheck(dir)).toBe('');
  });

  it('types the orders example subgraph', async () => {
    const model = await load(resolve(root, 'examples/orders/graphql/orders.graphql'), 'orders');
    const files = await runGenerator('graphql-resolvers', model, { out: '/tmp/out', options: {} });
    const text = files[0]!.content;
    expect(text).toContain('orders?(parent: Customer | CustomerReference, args: CustomerOrdersArgs, context: TContext, info: GraphQLResolveInfo): ResolverResult<OrderConnection>;');
    expect(text).toMatch(/first: number;\n {2}after\?: Maybe<string>;/); // a default makes the argument present
    expect(typeCheck(writeFiles(files, scratchDir('ck-gql-res-')))).toBe('');
  });

  it('refuses a subgraph with nothing to resolve (exit 2 through UsageError), naming the file', async () => {
    const dir = scratchDir('ck-gql-res-');
    const file = join(dir, 'only-enum.graphql');
    writeFiles([{ path: 'only-enum.graphql', content: 'enum Colour { RED }\n' }], dir);
    const model = await load(file, 'only');
    const err = await runGenerator('graphql-resolvers', model, { out: dir, options: {} }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).message).toContain('defines no object, interface or union type; nothing to generate');
    expect((err as UsageError).findings[0]).toMatchObject({ file, line: 1 });
    expect(readFileSync(file, 'utf8')).toContain('Colour');
  });
});

describe('committed output is current', () => {
  it('examples/orders/generated/graphql-resolvers regenerates byte-identical (with its manifest)', async () => {
    const graph = resolve(root, 'examples/orders/graphql');
    const { model } = await loadContracts(
      [
        { name: 'customers-graph', kind: 'graphql', path: join(graph, 'customers.graphql'), subgraph: 'customers' },
        { name: 'orders-graph', kind: 'graphql', path: join(graph, 'orders.graphql'), subgraph: 'orders' },
      ],
      { cwd: root, rootDir: root, allowRemoteRefs: false },
    );
    const files = await runGenerator('graphql-resolvers', model, { out: '/tmp/out', options: {} });
    const regenerated = Object.fromEntries([...files, manifestFile('graphql-resolvers', files)].map((f) => [f.path, f.content]));
    expect(regenerated).toEqual(readTree(join(root, 'examples/orders/generated/graphql-resolvers')));
  });
});
