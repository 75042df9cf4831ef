import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProtoContract } from '../../../contracts/model/types.js';
import { rpcIdempotencyLevel } from './rpc-idempotency-level.js';
import { loadFixture, repoRoot, runModelRule } from './test-support.js';

const file = path.join(repoRoot, 'test/fixtures/lint/proto/rules/shop/v1/shop.proto');

describe('rpc-idempotency-level', () => {
  let contract: ProtoContract;
  beforeAll(async () => {
    contract = await loadFixture('test/fixtures/lint/proto/rules');
  });

  it('reports read-only methods without NO_SIDE_EFFECTS at the method', () => {
    const findings = runModelRule(rpcIdempotencyLevel, contract);
    expect(findings.map((f) => [f.message.match(/`ShopService\.(\w+)`/)?.[1], f.line, f.column])).toEqual([
      ['ListOrders', 13, 3],
      ['GetProduct', 19, 3],
      ['BatchGetProducts', 23, 3],
      ['SearchProducts', 25, 3],
    ]);
    for (const f of findings) expect(f).toMatchObject({ ruleId: 'rpc-idempotency-level', severity: 'warning', kind: 'proto', file });
    expect(findings[0].message).toContain('declares no idempotency level, so generated clients will not retry it');
    expect(findings[1].message).toContain('declares `IDEMPOTENT`');
    expect(findings[3].hint).toContain('rpc SearchProducts(SearchProductsRequest) returns (stream Product) { option idempotency_level = NO_SIDE_EFFECTS; }');
  });

  it('passes the example orders module', async () => {
    const example = await loadFixture('examples/orders/proto');
    expect(runModelRule(rpcIdempotencyLevel, example)).toEqual([]);
  });

  it('honours acceptIdempotent, prefixes and allow', () => {
    const lenient = runModelRule(rpcIdempotencyLevel, contract, { acceptIdempotent: true, allow: ['ListOrders', 'shop.v1.ShopService.SearchProducts'] });
    expect(lenient.map((f) => f.line)).toEqual([23]);
    expect(runModelRule(rpcIdempotencyLevel, contract, { prefixes: ['Create'] }).map((f) => f.line)).toEqual([27]);
  });
});
