/**
 * `contractkit lint <folder>` from outside the folder, as users run it from a
 * repository root: the folder's config files are not contracts.
 */
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/source/package-files.js';
import { runCli } from './run-cli.js';

describe('contractkit lint <folder>', () => {
  it('lints examples/orders from the repository root without taking contractkit.yaml for a contract', () => {
    const r = runCli(['lint', 'examples/orders', '--format', 'json', '--no-cache'], packageRoot());
    const findings = JSON.parse(r.stdout).findings as { ruleId: string; file: string; severity: string }[];
    expect(findings.filter((f) => f.file.endsWith('contractkit.yaml'))).toEqual([]);
    expect(findings.filter((f) => f.ruleId.startsWith('load/'))).toEqual([]);
    expect(r.code).not.toBe(2);
  });
});
