/**
 * `contractkit generate rest-server` as a user runs it: exit 2 for a bad
 * option (at its config line) and for a contract the generator cannot serve
 * (nothing written), exit 0 for a good one, and `--check` exit 1 once the
 * committed output has drifted.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { packageFile } from '../../contracts/source/package-files.js';
import { scratchTree } from '../scratch-tree.js';
import { runCli } from './run-cli.js';

const valid = readFileSync(packageFile('test', 'fixtures', 'openapi', 'valid-3.1.json'), 'utf8');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function project(contract: string, options = '', file = 'api.yaml'): string {
  const dir = scratchTree({
    [file]: contract,
    'contractkit.yaml': `version: 1\ncontracts:\n  api:\n    openapi: ${file}\n    generate:\n      - target: rest-server\n        out: gen\n${options ? `        options:\n${options}` : ''}`,
  }, 'ck-gen-rest-server-');
  dirs.push(dir);
  return dir;
}

const doc = (rest: string) => `openapi: 3.1.0\ninfo: { title: T, version: '1' }\n${rest}`;

describe('generate rest-server', () => {
  it('an unknown option is exit 2 at its config line, and nothing is written', () => {
    const dir = project(valid, '          validate: true\n', 'api.json');
    const r = runCli(['generate', '--no-cache'], dir);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toMatch(/^\s+9:\d+\s+error\s+rest-server: /m);
    expect(r.stdout).toContain('config/invalid-generator-options');
    expect(existsSync(join(dir, 'gen'))).toBe(false);
  });

  it.each([
    ['paths that are not an object', doc('paths: oops\n'), /rest-server\/unusable/],
    ['a document with no operation', doc('paths: {}\ncomponents:\n  schemas:\n    A: { type: string }\n'), /no operation: a server needs at least one/],
    ['a security scheme no hook can check', doc("paths:\n  /a:\n    get:\n      security: [{ d: [] }]\n      responses: { '204': { description: ok } }\ncomponents:\n  securitySchemes:\n    d: { type: http, scheme: digest }\n"), /cannot be checked by a server hook/],
    ['a requirement naming an undefined scheme', doc("paths:\n  /a:\n    get:\n      security: [{ nope: [] }]\n      responses: { '204': { description: ok } }\n"), /does not define/],
  ])('%s is exit 2 with a located finding, and nothing is written', (_, contract, message) => {
    const dir = project(contract);
    const r = runCli(['generate', '--no-cache'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(2);
    expect(r.stdout + r.stderr).toMatch(message);
    expect(r.stdout).toMatch(/api\.yaml/);
    expect(existsSync(join(dir, 'gen'))).toBe(false);
  });

  it('Swagger 2.0 is refused with exit 2', () => {
    const dir = project(readFileSync(packageFile('test', 'fixtures', 'openapi', 'swagger2.yaml'), 'utf8'));
    const r = runCli(['generate', '--no-cache'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/rest-server generator reads OpenAPI 3\.0 and 3\.1/);
    expect(existsSync(join(dir, 'gen'))).toBe(false);
  });

  it('generates, and --check is 0 on fresh output and 1 once a file drifted', () => {
    const dir = project(valid, '', 'api.json');
    const r = runCli(['generate', '--no-cache'], dir);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(existsSync(join(dir, 'gen', 'server.ts'))).toBe(true);
    expect(readFileSync(join(dir, 'gen', '.contractkit', 'rest-server.files'), 'utf8')).toContain('server.ts');
    expect(runCli(['generate', '--check', '--no-cache'], dir).code).toBe(0);
    writeFileSync(join(dir, 'gen', 'server.ts'), '// edited\n');
    const check = runCli(['generate', '--check', '--no-cache'], dir);
    expect(check.code, check.stdout + check.stderr).toBe(1);
  });
});
