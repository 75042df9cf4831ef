/**
 * Every id of the OpenAPI breaking catalogue is produced by a fixture pair
 * (test/fixtures/breaking/openapi/<case>/previous.yaml → current.yaml) or is
 * listed in ids-without-fixture.ts with a reason; a listed id that a fixture
 * produces must leave the list.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEEDS_NEW_VERSION_ID, OPENAPI_LEVELS, type OpenApiBreakingId } from './catalogue.js';
import { openApiContractFromFile } from './contract-from-file.js';
import { IDS_WITHOUT_FIXTURE } from './ids-without-fixture.js';
import { diffOpenApi } from './index.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/breaking/openapi');
const NOW = new Date('2025-06-01T00:00:00Z');

function producedIds(): Set<string> {
  const ids = new Set<string>();
  for (const name of readdirSync(FIXTURES)) {
    const prevFile = join(FIXTURES, name, 'previous.yaml');
    const currFile = join(FIXTURES, name, 'current.yaml');
    if (!existsSync(prevFile) || !existsSync(currFile)) continue;
    const prev = openApiContractFromFile(prevFile);
    const curr = openApiContractFromFile(currFile);
    // the sunset-notice ids need a notice period to check against
    for (const options of [{}, { minSunsetDays: 30 }, { minSunsetDays: 365 }]) {
      for (const f of diffOpenApi(prev, curr, { now: NOW, ...options })) ids.add(f.ruleId);
    }
  }
  return ids;
}

describe('the OpenAPI breaking catalogue', () => {
  const produced = producedIds();
  const catalogue: OpenApiBreakingId[] = [...OPENAPI_LEVELS.keys(), NEEDS_NEW_VERSION_ID];
  const listed = Object.keys(IDS_WITHOUT_FIXTURE) as OpenApiBreakingId[];

  it('every id is produced by a fixture pair or listed with a reason', () => {
    expect(catalogue.filter((id) => !produced.has(id) && !(id in IDS_WITHOUT_FIXTURE))).toEqual([]);
    expect(listed.filter((id) => !IDS_WITHOUT_FIXTURE[id]?.trim())).toEqual([]);
  });

  it('an id a fixture produces is not listed as without one', () => {
    expect(listed.filter((id) => produced.has(id))).toEqual([]);
  });

  it('fixtures produce only catalogued ids', () => {
    expect([...produced].filter((id) => !catalogue.includes(id as OpenApiBreakingId))).toEqual([]);
  });
});
