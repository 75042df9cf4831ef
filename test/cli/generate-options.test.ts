/**
 * A generate target's options are checked against its generator's
 * `optionsSchema` before anything is loaded: a bad one is exit 2, reported at
 * its line in contractkit.yaml, and nothing is written.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { packageFile } from '../../contracts/source/package-files.js';
import { scratchTree } from '../scratch-tree.js';
import { runCli } from './run-cli.js';

// copied into the scratch project: a contract outside the config's project is refused before it is read
const openapi = readFileSync(packageFile('test', 'fixtures', 'openapi', 'valid-3.1.json'), 'utf8');

function project(options: string): string {
  return scratchTree({
    'api.json': openapi,
    'contractkit.yaml': `version: 1\ncontracts:\n  api:\n    openapi: api.json\n    generate:\n      - target: rest-client\n        out: gen\n        options:\n${options}`,
  }, 'ck-gen-options-');
}

it.each([
  ['a value outside the enum', '          dateType: date\n', 9, /dateType.*must be one of "string", "Date"/],
  ['an unknown key', '          validate: true\n          bigints: true\n', 10, /Unknown key `bigints`/],
  ['a value of the wrong type', '          validate: "yes"\n', 9, /validate.*must be boolean/],
])('%s is exit 2 at its config line, and nothing is written', (_, options, line, message) => {
  const dir = project(options);
  try {
    const r = runCli(['generate', '--no-cache'], dir);
    expect(r.code, r.stderr).toBe(2);
    // the findings print as the lint report does: the file, then line:column
    expect(r.stdout).toMatch(/^contractkit\.yaml$/m);
    expect(r.stdout).toMatch(new RegExp(`^\\s+${line}:\\d+\\s+error\\s+rest-client: `, 'm'));
    expect(r.stdout).toMatch(message);
    expect(r.stdout).toContain('config/invalid-generator-options');
    expect(existsSync(join(dir, 'gen'))).toBe(false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

it('valid options generate', () => {
  const dir = project('          dateType: Date\n          validate: true\n');
  try {
    const r = runCli(['generate', '--no-cache'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'gen', 'client.ts'))).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
