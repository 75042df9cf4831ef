/**
 * lintResolvedDocument (the loader's ref map, one walk) reports exactly what
 * Redocly's lintDocument (its own ref pass, then the walk) reports.
 */
import { fileURLToPath } from 'node:url';
import { lintDocument } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { readOpenApiDocument } from '../../../contracts/openapi/read.js';
import { openApiRulesForPreset } from '../openapi/index.js';
import { buildRedoclyConfig } from './config.js';
import { lintResolvedDocument } from '../../../contracts/openapi/lint-resolved.js';
import { redoclyRulesForPreset } from './presets.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const specs = [
  'examples/orders/openapi/orders.yaml',
  'test/fixtures/lint/openapi/anti-patterns.yaml',
  'test/fixtures/lint/openapi/multi-file/openapi.yaml',
  'test/fixtures/openapi/multi/openapi.yaml',
  'test/fixtures/openapi/circular.yaml',
  'test/fixtures/openapi/valid-3.1.json',
  'test/fixtures/openapi/swagger2.yaml',
];

describe('lintResolvedDocument', () => {
  it.each(specs)('%s: the same problems as lintDocument', async (spec) => {
    const { read } = await readOpenApiDocument({ path: root + spec }, { rootDir: root, allowRemoteRefs: false });
    expect(read).toBeDefined();
    const config = await buildRedoclyConfig({ rules: openApiRulesForPreset('strict'), ...redoclyRulesForPreset('strict') });
    const ours = await lintResolvedDocument({ document: read!.document, config, externalRefResolver: read!.resolver, resolvedRefMap: await read!.refs() });
    const theirs = await lintDocument({ document: read!.document, config, externalRefResolver: read!.resolver });
    const key = (p: (typeof ours)[number]) => `${p.ruleId} ${p.severity} ${p.message} ${JSON.stringify(p.location.map((l) => [l.source.absoluteRef, l.pointer, l.reportOnKey]))}`;
    expect(ours.map(key).sort()).toEqual(theirs.map(key).sort());
    // the clean example has nothing to report; the others do (so the comparison is not of two empty lists)
    if (!spec.startsWith('examples/')) expect(ours.length).toBeGreaterThan(0);
  });
});
