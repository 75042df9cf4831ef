import * as path from 'node:path';
import { createConfig, lintDocument } from '@redocly/openapi-core';
import { expect, it } from 'vitest';
import { readOpenApiDocument } from './read.js';

const fixtures = path.resolve(import.meta.dirname, '../../test/fixtures/openapi');

it('gives lint a resolved document it can hand to Redocly without reading files again', async () => {
  const { read, findings } = await readOpenApiDocument({ path: path.join(fixtures, 'multi/openapi.yaml') }, { rootDir: fixtures, allowRemoteRefs: false });
  expect(findings).toEqual([]);
  expect(read!.specVersion).toBe('oas3_1');
  expect(read!.documents.size).toBe(7);
  const cached = read!.resolver.cache.size;
  const config = await createConfig({ rules: { 'operation-summary': 'error', 'no-unresolved-refs': 'error' } });
  const problems = await lintDocument({ document: read!.document, externalRefResolver: read!.resolver, config });
  expect(read!.resolver.cache.size).toBe(cached);
  // The operation lives in paths/order.yaml, and Redocly reports it there.
  const summary = problems.find((p) => p.ruleId === 'operation-summary')!;
  expect(summary.location[0]!.source.absoluteRef).toBe(path.join(fixtures, 'multi/paths/order.yaml'));
  expect(summary.location[0]!.pointer).toBe('#/get/summary');
  expect(problems.some((p) => p.ruleId === 'no-unresolved-refs')).toBe(false);
  // Reading does not bundle: the entry document still has its external refs as written.
  expect(JSON.stringify(read!.document.parsed)).toContain('./paths/order.yaml');
});
