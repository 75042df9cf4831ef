import { describe, expect, it } from 'vitest';
import { runModelRule } from '../run-model-rule.js';
import { graphqlTypeNameCase, toPascalCase } from './graphql-type-name-case.js';
import { sdlModel, virtualFile } from './support/testing.js';

describe('graphql-type-name-case', () => {
  it('reports types that are not PascalCase, at their name', () => {
    const model = sdlModel({ shop: 'type Query { a: order_line }\ntype order_line { sku: String }\nenum orderStatus { OPEN }\ninput OrderInput { a: Int }\n' });
    const findings = runModelRule(graphqlTypeNameCase, model);
    expect(findings.map((f) => [f.ruleId, f.severity, f.file, f.line, f.column, f.message])).toEqual([
      ['graphql-type-name-case', 'warning', virtualFile('shop'), 3, 6, 'Type `orderStatus` in subgraph `shop` is not PascalCase.'],
      ['graphql-type-name-case', 'warning', virtualFile('shop'), 2, 6, 'Type `order_line` in subgraph `shop` is not PascalCase.'],
    ]);
    expect(findings[1]!.hint).toContain('`OrderLine`');
  });

  it('passes PascalCase names and leaves federation machinery alone', () => {
    const model = sdlModel({ shop: 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\ntype Query { a: OrderLine }\ntype OrderLine @key(fields: "sku") { sku: String }\nscalar link__Import\n' });
    expect(runModelRule(graphqlTypeNameCase, model)).toEqual([]);
  });

  it('suggests PascalCase spellings', () => {
    expect(toPascalCase('order_line')).toBe('OrderLine');
    expect(toPascalCase('ORDER_STATUS')).toBe('OrderStatus');
    expect(toPascalCase('orderStatus')).toBe('OrderStatus');
  });
});
