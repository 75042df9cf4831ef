import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBufLint } from './buf-lint.js';
import { loadFixture, repoRoot } from './test-support.js';

const fixtures = path.join(repoRoot, 'test/fixtures/lint/proto');

describe('runBufLint', () => {
  it('reports buf violations under buf ids, severity error, with absolute file and span', async () => {
    const findings = await runBufLint(await loadFixture('test/fixtures/lint/proto/buf-lint'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      ruleId: 'FIELD_LOWER_SNAKE_CASE',
      severity: 'error',
      kind: 'proto',
      file: path.join(fixtures, 'buf-lint/shop/v1/shop.proto'),
      line: 10,
      column: 10,
      endLine: 10,
      endColumn: 21,
    });
    expect(findings[0].message).toContain('"displayName" should be lower_snake_case');
    expect(findings[0].hint).toContain('lint.except');
  });

  it("honours the module's buf.yaml (except carries over)", async () => {
    expect(await runBufLint(await loadFixture('test/fixtures/lint/proto/buf-lint-except'))).toEqual([]);
  });

  it('applies buf STANDARD to a plain directory without buf.yaml', async () => {
    const findings = await runBufLint(await loadFixture('test/fixtures/lint/proto/plain'));
    const ids = findings.map((f) => f.ruleId);
    expect(ids).toContain('PACKAGE_VERSION_SUFFIX');
    expect(ids).toContain('PACKAGE_DIRECTORY_MATCH');
    for (const f of findings) expect(f.file).toBe(path.join(fixtures, 'plain/widgets.proto'));
  });

  it('restricts a single .proto file inside a module to that file (--path)', async () => {
    expect(await runBufLint(await loadFixture('test/fixtures/lint/proto/buf-lint/shop/v1/clean.proto'))).toEqual([]);
    const one = await runBufLint(await loadFixture('test/fixtures/lint/proto/buf-lint/shop/v1/shop.proto'));
    expect(one.map((f) => f.ruleId)).toEqual(['FIELD_LOWER_SNAKE_CASE']);
  });

  it('finds nothing in the examples/orders module', async () => {
    expect(await runBufLint(await loadFixture('examples/orders/proto'))).toEqual([]);
  });

  it('turns a failed buf run into one load/buf-failed finding instead of throwing', async () => {
    const contract = await loadFixture('test/fixtures/lint/proto/buf-lint');
    const findings = await runBufLint({ ...contract, root: path.join(fixtures, 'does-not-exist') });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'load/buf-failed', severity: 'error', kind: 'proto' });
  });
});
