/**
 * Every id of the OpenAPI breaking catalogue is produced by a fixture pair
 * (test/fixtures/breaking/openapi/<case>/previous.yaml → current.yaml) or is
 * proven unreachable (listed in unreachable-ids.ts with the reason), and
 * nothing else: an id listed as unreachable that a fixture produces fails.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEEDS_NEW_VERSION_ID, OPENAPI_LEVELS, type OpenApiBreakingId } from './catalogue.js';
import { openApiContractFromFile } from './contract-from-file.js';
import { UNREACHABLE_IDS } from './unreachable-ids.js';
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
  const unreachable = Object.keys(UNREACHABLE_IDS) as OpenApiBreakingId[];

  it('every id is produced by a fixture pair or listed as unreachable with a reason', () => {
    expect(catalogue.filter((id) => !produced.has(id) && !(id in UNREACHABLE_IDS))).toEqual([]);
    expect(unreachable.filter((id) => !UNREACHABLE_IDS[id]?.trim())).toEqual([]);
  });

  it('an id a fixture produces is not listed as unreachable', () => {
    expect(unreachable.filter((id) => produced.has(id))).toEqual([]);
  });

  it('lists as unreachable only catalogued ids', () => {
    expect(unreachable.filter((id) => !catalogue.includes(id))).toEqual([]);
  });

  it('fixtures produce only catalogued ids', () => {
    expect([...produced].filter((id) => !catalogue.includes(id as OpenApiBreakingId))).toEqual([]);
  });
});
