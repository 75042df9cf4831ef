import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../finding.js';
import type { LoadOptions } from '../load/types.js';
import { positionOf } from '../source/positions.js';
import { loadOpenApi } from './load.js';

const broken = path.resolve(import.meta.dirname, '../../test/fixtures/openapi/broken');
const options: LoadOptions = { cwd: broken, rootDir: broken, allowRemoteRefs: false };

/** Loads a broken fixture and checks the common shape of load findings. */
async function failures(file: string, opts: LoadOptions = options): Promise<Finding[]> {
  const outcome = await loadOpenApi({ name: 'broken', kind: 'openapi', path: path.join(broken, file) }, opts);
  expect(outcome.contract).toBeUndefined();
  expect(outcome.findings.length).toBeGreaterThan(0);
  for (const f of outcome.findings) {
    expect(f).toMatchObject({ severity: 'error', kind: 'openapi' });
    expect(f.ruleId).toMatch(/^load\//);
    expect(f.hint).toBeTruthy();
  }
  return outcome.findings;
}

/** Line and column of a finding: direct, or resolved from its pointer. */
function at(f: Finding): { line: number; column: number } {
  if (f.line !== undefined) return { line: f.line, column: f.column! };
  const p = positionOf(f.file, f.pointer, f.onKey);
  return { line: p.line, column: p.column };
}

describe('loadOpenApi on broken input', () => {
  it('reports a missing file and a directory as load/unreadable', async () => {
    const [missing] = await failures('nope.yaml');
    expect(missing).toMatchObject({ ruleId: 'load/unreadable', file: path.join(broken, 'nope.yaml') });
    expect(missing!.message).toContain('does not exist');
    const [dir] = await failures('sub');
    expect(dir).toMatchObject({ ruleId: 'load/unreadable' });
    expect(dir!.message).toContain('is a directory');
  });

  it('reports invalid YAML at the parser position', async () => {
    const [f] = await failures('invalid-yaml.yaml');
    expect(f).toMatchObject({ ruleId: 'load/invalid-yaml', file: path.join(broken, 'invalid-yaml.yaml'), line: 3, column: 13 });
  });

  it('reports invalid JSON at the parser position', async () => {
    const [f] = await failures('invalid-json.json');
    // The trailing comma after `"paths": {}` makes `}` on line 5 unexpected.
    expect(f).toMatchObject({ ruleId: 'load/invalid-json', file: path.join(broken, 'invalid-json.json'), line: 5, column: 1 });
  });

  it('reports a missing or unsupported version as load/not-openapi, naming the supported ones', async () => {
    const [none] = await failures('no-version.yaml');
    expect(none).toMatchObject({ ruleId: 'load/not-openapi', pointer: '' });
    expect(none!.message).toContain('Swagger 2.0');
    const [wrong] = await failures('wrong-version.yaml');
    expect(wrong).toMatchObject({ ruleId: 'load/not-openapi', pointer: '/openapi' });
    expect(wrong!.message).toContain("'4.0.0'");
    expect(wrong!.message).toContain('3.1');
    expect(at(wrong!)).toEqual({ line: 1, column: 10 });
  });

  it('reports unresolved refs at the $ref, with what they point to', async () => {
    const findings = await failures('unresolved-ref.yaml');
    const file = path.join(broken, 'unresolved-ref.yaml');
    expect(findings.map((f) => [f.ruleId, f.file, f.pointer])).toEqual([
      ['load/unresolved-ref', file, '/components/schemas/Local/$ref'],
      ['load/unresolved-ref', file, '/paths/~1a/get/responses/200/content/application~1json/schema/$ref'],
    ]);
    expect(findings[0]!.message).toContain("nothing at '/components/schemas/Nope'");
    expect(at(findings[0]!)).toEqual({ line: 18, column: 13 });
    expect(findings[1]!.message).toContain('missing.yaml does not exist');
    expect(at(findings[1]!)).toEqual({ line: 14, column: 23 });
  });

  it('reports an unresolved ref inside a referenced file in that file', async () => {
    const [f] = await failures('nested-unresolved.yaml');
    expect(f).toMatchObject({ ruleId: 'load/unresolved-ref', file: path.join(broken, 'sub/partial.yaml'), pointer: '/Inner/properties/ghost/$ref' });
    expect(at(f!)).toEqual({ line: 5, column: 13 });
  });

  it('reports a referenced file that is not valid YAML, and the ref to it', async () => {
    const findings = await failures('broken-ref-target.yaml');
    expect(findings.map((f) => [f.ruleId, path.relative(broken, f.file)])).toEqual([
      ['load/invalid-yaml', 'sub/bad.yaml'],
      ['load/unresolved-ref', 'broken-ref-target.yaml'],
    ]);
    expect(at(findings[0]!)).toEqual({ line: 4, column: 1 });
    expect(findings[1]!.pointer).toBe('/components/schemas/Bad/$ref');
  });

  it('refuses remote refs unless allowed, with a hint to pass --allow-remote-refs', async () => {
    const [f] = await failures('remote-ref.yaml');
    expect(f).toMatchObject({ ruleId: 'load/remote-ref', file: path.join(broken, 'remote-ref.yaml'), pointer: '/components/schemas/Money/$ref' });
    expect(f!.hint).toContain('--allow-remote-refs');
    expect(at(f!)).toEqual({ line: 9, column: 13 });
  });

  it('refuses refs that resolve outside the root directory', async () => {
    const [f] = await failures('outside-root.yaml');
    expect(f).toMatchObject({ ruleId: 'load/ref-outside-root', pointer: '/components/schemas/Order/$ref' });
    expect(f!.message).toContain(path.resolve(broken, '../multi/schemas/order.yaml'));
    // With a wider root the same document loads.
    const wide = await loadOpenApi({ name: 'ok', kind: 'openapi', path: path.join(broken, 'outside-root.yaml') }, { ...options, rootDir: path.dirname(broken) });
    expect(wide.findings).toEqual([]);
    expect(wide.contract?.files).toContain(path.resolve(broken, '../multi/schemas/money.yaml'));
  });

  it('reports a $ref chain that only refers to itself instead of throwing', async () => {
    const [f] = await failures('self-ref.yaml');
    expect(f).toMatchObject({ ruleId: 'load/unresolved-ref', pointer: '/components/schemas/A/$ref' });
  });
});
