/**
 * The scope-matrix fixture pairs (test/fixtures/breaking/openapi/matrix-*,
 * written by test/fixtures/breaking/write-openapi-matrix.mjs) place each schema
 * change under a name of its own: an operation path, a property, a parameter or
 * a header. Every finding they give must point at a location that exists (in
 * the current document, or in the previous one for a removal) and that lies
 * under the case whose change the id names.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { openApiContractFromFile } from './contract-from-file.js';
import { diffOpenApi } from './index.js';

const FIXTURES = join(import.meta.dirname, '../../../test/fixtures/breaking/openapi');
const NOW = new Date('2025-06-01T00:00:00Z');

/**
 * Cases whose id does not end with the case's name, and the endings it may have
 * instead (why, per line). Any other finding's id must end with its case's name.
 */
const RENAMED: Record<string, string[]> = {
  'type-specialized': ['type-changed'], // request side: a narrowed type is a plain type change
  'multiple-of-specialized': ['multiple-of-changed'], // request side: the narrowing direction
  'multiple-of-generalized': ['multiple-of-changed'], // response side: the narrowing direction
  'type-changed': ['type-compatible', 'type-specialized'], // a response header's value travels as text; an object parameter's property may travel as JSON
  'list-of-types-widened': ['type-generalized'], // a response header has no list-of-types id: the plain type change
  'list-of-types-narrowed': ['type-specialized'],
  deprecated: ['deprecated-sunset-missing'], // with a notice period
  'endpoint-deprecated': ['api-deprecated-sunset-missing'], // with a notice period
  'request-parameter-deprecated': ['request-parameter-deprecated-sunset-missing'], // with a notice period
  'api-sunset-date-too-small': ['endpoint-deprecated-with-sunset'], // without a notice period
  'request-parameter-sunset-date-too-small': ['request-parameter-deprecated'], // without a notice period
  'deprecated-sunset-too-small': ['sunset-date-too-small', 'deprecated-with-sunset'], // with and without a notice period
  'added-optional': ['new-optional-request-property', 'optional-property-added'],
  'added-required': ['new-required-request-property', 'required-property-added'],
  'added-required-with-default': ['new-required-request-property-with-default', 'required-property-added'],
  'removed-optional': ['request-property-removed', 'optional-property-removed'],
  'removed-required': ['request-property-removed', 'required-property-removed'],
  'became-required-with-default': ['became-required'], // response side: the default does not matter
  'optional-became-read-only': ['optional-property-became-read-only'],
  'optional-became-not-read-only': ['optional-property-became-not-read-only'],
  'optional-became-write-only': ['optional-property-became-write-only'],
  'optional-became-not-write-only': ['optional-property-became-not-write-only'],
  'required-became-read-only': ['required-property-became-read-only'],
  'required-became-not-read-only': ['required-property-became-not-read-only'],
  'required-became-write-only': ['required-property-became-write-only'],
  'required-became-not-write-only': ['required-property-became-not-write-only'],
  'required-write-only-removed': ['required-write-only-property-removed', 'request-property-removed'],
  'required-write-only-added': ['required-write-only-property-added', 'new-required-request-property'],
  'write-only-became-optional': ['write-only-property-became-optional', 'request-property-became-optional'],
  'write-only-became-required': ['write-only-property-became-required', 'request-property-became-required'],
  'read-only-max-decreased': ['read-only-property-max-decreased'],
  'read-only-min-increased': ['read-only-property-min-increased'],
  'read-only-exclusive-max-decreased': ['read-only-property-exclusive-max-decreased'],
  'read-only-exclusive-min-increased': ['read-only-property-exclusive-min-increased'],
};

/** The names met on the way down a pointer (segments, and each parameter's `name`), or undefined when it does not resolve. */
function namesOnPath(doc: unknown, pointer: string): string[] | undefined {
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: unknown = doc;
  const names: string[] = [];
  for (const seg of segments) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[seg];
    if (node === undefined) return undefined;
    // a path's first segment (`/new-request-path-parameter/{id}`), a header without its `X-`
    names.push(seg.replace(/^\//, '').split('/')[0].replace(/^X-/, ''));
    const name = (node as { name?: unknown } | null)?.name;
    if (typeof name === 'string') names.push(name);
  }
  return names;
}

function matches(id: string, names: string[]): boolean {
  return names.some((c) => id.endsWith(`-${c}`) || id === c || (RENAMED[c] ?? []).some((s) => id.endsWith(s)));
}

describe('the scope-matrix fixture pairs', () => {
  const pairs = readdirSync(FIXTURES).filter((n) => n.startsWith('matrix-'));

  it('exist', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(9);
  });

  it('are what write-openapi-matrix.mjs writes (rerun it after editing its cases)', () => {
    const out = mkdtempSync(join(tmpdir(), 'matrix-'));
    try {
      execFileSync(process.execPath, [join(FIXTURES, '../write-openapi-matrix.mjs'), out]);
      const written = readdirSync(out).sort();
      expect(written).toEqual([...pairs].sort());
      for (const pair of written) {
        for (const file of ['previous.yaml', 'current.yaml']) {
          expect(readFileSync(join(FIXTURES, pair, file), 'utf8'), `${pair}/${file}`).toBe(readFileSync(join(out, pair, file), 'utf8'));
        }
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  for (const pair of pairs) {
    it(`${pair}: every finding points at its case, at a location that exists`, () => {
      const prevFile = join(FIXTURES, pair, 'previous.yaml');
      const currFile = join(FIXTURES, pair, 'current.yaml');
      const prevDoc: unknown = parse(readFileSync(prevFile, 'utf8'));
      const currDoc: unknown = parse(readFileSync(currFile, 'utf8'));
      const prev = openApiContractFromFile(prevFile);
      const curr = openApiContractFromFile(currFile);
      const wrong: string[] = [];
      let count = 0;
      for (const minSunsetDays of [0, 30]) {
        for (const f of diffOpenApi(prev, curr, { now: NOW, minSunsetDays })) {
          if (f.ruleId === 'breaking-change-needs-new-version') continue;
          count++;
          const names = f.previous ? namesOnPath(prevDoc, f.previous.pointer ?? '') : namesOnPath(currDoc, f.pointer ?? '');
          const at = f.previous ? `← ${f.previous.pointer}` : f.pointer;
          if (!names) wrong.push(`${f.ruleId} ${at}: no such location`);
          else if (!matches(f.ruleId, names)) wrong.push(`${f.ruleId} ${at}: not the case the id names`);
        }
      }
      expect(count).toBeGreaterThan(0);
      expect(wrong).toEqual([]);
    });
  }
});
