/**
 * `contractkit generate <target> <contract>` refuses a contract of a kind the
 * target does not generate from (exit 2, nothing written), with one message
 * for every target that names the contract's kind and the targets that fit
 * it; a configured target on a contract of the wrong kind is reported at its
 * line in contractkit.yaml.
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageFile } from '../../contracts/source/package-files.js';
import { runCli } from './run-cli.js';

const fixtures = packageFile('test', 'fixtures');
const CONTRACTS = {
  openapi: { path: join(fixtures, 'openapi/valid-3.1.json'), label: 'an OpenAPI contract', fits: 'rest-client' },
  proto: { path: join(fixtures, 'grpc/echo'), label: 'a Protocol Buffers contract', fits: 'grpc' },
  asyncapi: { path: join(fixtures, 'events/shop.yaml'), label: 'an AsyncAPI contract', fits: 'events' },
  saga: { path: join(fixtures, 'saga/place-order.saga.yaml'), label: 'a saga definition', fits: 'saga' },
} as const;
const TARGETS = { 'rest-client': 'openapi', grpc: 'proto', events: 'asyncapi', saga: 'saga' } as const;

const cases = Object.entries(TARGETS).flatMap(([target, kind]) =>
  Object.entries(CONTRACTS)
    .filter(([other]) => other !== kind)
    .map(([other, contract]) => [target, other, contract] as const),
);

describe('generate: a target given a contract of another kind', () => {
  it.each(cases)('%s on %s is exit 2 naming the kind and the target that fits', (target, _kind, contract) => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-kind-'));
    const r = runCli(['generate', target, contract.path, '--out', 'out'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`generate ${target}:`);
    expect(r.stderr).toContain(contract.label);
    expect(r.stderr).toContain(`\`${contract.fits}\``);
    expect(r.stderr).not.toMatch(/\d+ written/);
    expect(existsSync(join(dir, 'out'))).toBe(false);
  });

  it('a directory without a contract of the kind is exit 2 listing the kinds it holds', () => {
    const r = runCli(['generate', 'grpc', join(fixtures, 'events'), '--out', 'out'], mkdtempSync(join(tmpdir(), 'ck-kind-')));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/generate grpc: .*events holds no Protocol Buffers contract \(it holds AsyncAPI\)/);
  });

  it('a configured target on a contract of another kind is reported at its line in contractkit.yaml', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ck-kind-'));
    writeFileSync(join(dir, 'api.json'), JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: {} }));
    writeFileSync(join(dir, 'contractkit.yaml'), 'version: 1\ncontracts:\n  api:\n    openapi: api.json\n    generate:\n      - target: grpc\n        out: gen\n');
    const r = runCli(['generate', '--format', 'json'], dir);
    expect(r.code).toBe(2);
    const [f] = JSON.parse(r.stdout).findings;
    expect(f).toMatchObject({ file: 'contractkit.yaml', line: 6, ruleId: 'config/target-kind' });
    expect(f.message).toContain('an OpenAPI contract');
    expect(existsSync(join(dir, 'gen'))).toBe(false);
    const stylish = runCli(['generate'], dir);
    expect(stylish.stdout).toContain('For an OpenAPI contract, use the `rest-client` or `rest-server` target.');
  });
});
