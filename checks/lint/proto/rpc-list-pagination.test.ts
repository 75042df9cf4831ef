import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProtoContract } from '../../../contracts/model/types.js';
import { rpcListPagination } from './rpc-list-pagination.js';
import { loadFixture, repoRoot, runModelRule } from './test-support.js';

const file = path.join(repoRoot, 'test/fixtures/lint/proto/rules/shop/v1/shop.proto');

describe('rpc-list-pagination', () => {
  let contract: ProtoContract;
  beforeAll(async () => {
    contract = await loadFixture('test/fixtures/lint/proto/rules');
  });

  it('reports List methods that do not page, at the method, saying what is missing', () => {
    const findings = runModelRule(rpcListPagination, contract);
    expect(findings.map((f) => [f.line, f.column])).toEqual([
      [13, 3],
      [15, 3],
    ]);
    const [orders, categories] = findings;
    expect(orders).toMatchObject({ ruleId: 'rpc-list-pagination', severity: 'warning', kind: 'proto', file });
    expect(orders.message).toBe(
      'List method `ShopService.ListOrders` does not page its results (AIP-158): `ListOrdersRequest.page_size` is `int64`, not `int32`; ' +
        'request `ListOrdersRequest` has no `page_token`; response `ListOrdersResponse` has no `next_page_token`.',
    );
    expect(orders.hint).toContain('int32 page_size, string page_token');
    expect(categories.message).toContain('the request is `google.protobuf.Empty`, which has no paging fields');
    expect(categories.message).not.toContain('next_page_token');
  });

  it('passes the example orders module, whose ListOrders pages', async () => {
    const example = await loadFixture('examples/orders/proto');
    expect(runModelRule(rpcListPagination, example)).toEqual([]);
  });

  it('honours allow, prefixes, field names and includeStreaming', () => {
    expect(runModelRule(rpcListPagination, contract, { allow: ['ListOrders', 'shop.v1.ShopService.ListCategories'] })).toEqual([]);
    const search = runModelRule(rpcListPagination, contract, { prefixes: ['Search'], includeStreaming: true });
    expect(search.map((f) => f.line)).toEqual([25]);
    const renamed = runModelRule(rpcListPagination, contract, { nextPageTokenField: 'cursor', allow: ['ListOrders', 'ListCategories'] });
    expect(renamed).toHaveLength(1);
    expect(renamed[0].message).toContain('response `ListProductsResponse` has no `cursor`');
  });
});
