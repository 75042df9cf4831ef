import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runRedoclyLint } from '../redocly/run.js';
import { openApiRules, openApiRulesForPreset } from './index.js';
import { lineOf } from './support/testing.js';

const fixture = fileURLToPath(new URL('../../../test/fixtures/lint/openapi/anti-patterns.yaml', import.meta.url));
const text = readFileSync(fixture, 'utf8');

/** `# expect: <rule-id>` markers → the 1-based line each finding must point at. */
function expectedLines(): Map<string, number> {
  const lines = new Map<string, number>();
  text.split('\n').forEach((line, i) => {
    const m = /# expect: ([a-z-]+)/.exec(line);
    if (m) lines.set(m[1]!, i + 1);
  });
  return lines;
}

describe('anti-patterns fixture', () => {
  it('seeds every OpenAPI rule once', () => {
    expect([...expectedLines().keys()].sort()).toEqual(openApiRules.map((r) => r.id).sort());
  });

  it('reports each anti-pattern exactly once, at its line', async () => {
    const findings = await runRedoclyLint({ source: text, absoluteRef: fixture, rules: openApiRulesForPreset('recommended') });
    const got = findings.map((f) => [f.ruleId, lineOf(f)] as const).sort(([a], [b]) => a.localeCompare(b));
    const want = [...expectedLines()].sort(([a], [b]) => a.localeCompare(b));
    expect(got).toEqual(want);
    expect(findings.every((f) => f.file === fixture && f.kind === 'openapi' && f.hint)).toBe(true);
  });

  it('strict puts every rule at error; minimal keeps only a few', async () => {
    expect(openApiRulesForPreset('strict').every((r) => r.severity === 'error')).toBe(true);
    expect(openApiRulesForPreset('strict')).toHaveLength(openApiRules.length);
    const minimal = openApiRulesForPreset('minimal').map((r) => r.rule.id);
    expect(minimal.length).toBeLessThan(openApiRules.length / 2);
    for (const preset of ['minimal', 'recommended'] as const) {
      for (const { rule } of openApiRulesForPreset(preset)) expect(rule.presets).toContain('strict');
    }
  });
});
