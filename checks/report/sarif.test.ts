/**
 * The SARIF output validated against the official SARIF 2.1.0 JSON Schema
 * (vendored in test/fixtures/report, see its README for origin and fix-ups).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../contracts/finding.js';
import { resolvePositions } from './resolve.js';
import { SARIF_FINGERPRINT_KEY, SARIF_MAX_RESULTS, sarifReporter } from './sarif.js';
import type { ReportContext } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '../../test/fixtures/report');
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

function compileSarifSchema() {
  const schema = JSON.parse(readFileSync(join(fixtures, 'sarif-schema-2.1.0.json'), 'utf8'));
  // Fix-up 1: the published revision nests region's anyOf inside its properties.
  const region = schema.definitions.region;
  region.anyOf = region.properties.anyOf;
  delete region.properties.anyOf;
  // Fix-up 2: `(?i)` is not JavaScript regex syntax; honour it as the `i` flag.
  const regExp = Object.assign(
    (source: string, flags: string) =>
      source.startsWith('^(?i)') ? new RegExp('^' + source.slice(5), flags + 'i') : new RegExp(source, flags),
    { code: 'new RegExp' },
  );
  // strict: false because the schema mixes `type: [array, null]` with array keywords.
  const ajv = new Ajv2020({ allErrors: true, strict: false, code: { regExp } });
  addFormats(ajv);
  return ajv.compile(schema);
}

const validate = compileSarifSchema();
const CTX: ReportContext = { cwd: fixtures, color: false, toolVersion: '0.0.0-test', title: 'lint' };

function findingsIn(file: string, n: number, severity: Finding['severity'] = 'warning'): Finding[] {
  return Array.from({ length: n }, (_, i) => ({
    ruleId: `rule-${i % 3}`,
    severity,
    kind: 'openapi' as const,
    file: join(fixtures, 'src', file),
    line: i + 1,
    column: 1,
    message: `finding ${i}`,
  }));
}

describe('sarif reporter', () => {
  it('writes a golden file that is valid SARIF 2.1.0', () => {
    const golden = JSON.parse(readFileSync(join(fixtures, 'golden/report.sarif'), 'utf8'));
    expect(validate(golden), JSON.stringify(validate.errors)).toBe(true);
    expect(golden.runs[0].results).toHaveLength(5);
  });

  it('rejects output the schema forbids (the validator is not vacuous)', () => {
    const golden = JSON.parse(readFileSync(join(fixtures, 'golden/report.sarif'), 'utf8'));
    golden.runs[0].results[0].level = 'fatal';
    expect(validate(golden)).toBe(false);
  });

  it('gives an empty run for no findings, still valid', () => {
    const log = JSON.parse(sarifReporter([], CTX));
    expect(log.runs[0].results).toEqual([]);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
  });

  it('gives a removal\'s previous place as a related location, still valid', () => {
    const [f] = findingsIn('orders.yaml', 1, 'error');
    const log = JSON.parse(sarifReporter(resolvePositions([{ ...f!, previous: { file: join(fixtures, 'src', 'old.yaml'), line: 7, column: 3 } }]), CTX));
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);
    expect(log.runs[0].results[0].relatedLocations).toEqual([
      { id: 0, physicalLocation: { artifactLocation: { uri: 'src/old.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 3 } }, message: { text: 'Where it was in the previous version' } },
    ]);
  });

  it('keeps fingerprints stable when lines move but not when the message changes', () => {
    const base: Finding = {
      ruleId: 'path-no-verbs',
      severity: 'error',
      kind: 'openapi',
      file: join(fixtures, 'src/orders.yaml'),
      pointer: '/paths/~1getOrders',
      line: 6,
      message: 'Path segment `getOrders` is a verb',
    };
    const fp = (f: Finding) =>
      JSON.parse(sarifReporter(resolvePositions([f]), CTX)).runs[0].results[0].partialFingerprints[SARIF_FINGERPRINT_KEY];
    expect(fp({ ...base, line: 40 })).toBe(fp(base));
    expect(fp({ ...base, message: 'Other message' })).not.toBe(fp(base));
    expect(fp(base)).toMatch(/^[0-9a-f]{32}$/);
  });

  it(`caps a run at ${SARIF_MAX_RESULTS} results, errors first, with a notification`, () => {
    const findings = resolvePositions([
      ...findingsIn('orders.yaml', SARIF_MAX_RESULTS, 'warning'),
      ...findingsIn('events.json', 10, 'error'),
    ]);
    const log = JSON.parse(sarifReporter(findings, CTX));
    const run = log.runs[0];
    expect(run.results).toHaveLength(SARIF_MAX_RESULTS);
    expect(run.results.filter((r: { level: string }) => r.level === 'error')).toHaveLength(10);
    expect(run.invocations[0].toolExecutionNotifications[0].message.text).toContain(
      `Only ${SARIF_MAX_RESULTS} of ${SARIF_MAX_RESULTS + 10} results`,
    );
    expect(run.results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('src/events.json');
  });
});
