import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../contracts/finding.js';
import { ConfigError } from '../../../contracts/errors.js';
import { loadFixture, repoRoot } from '../../lint/proto/test-support.js';
import { diffProto, PROTO_NEEDS_NEW_PACKAGE_VERSION_ID, type ProtoBreakingCategory } from './index.js';

const fixtures = path.join(repoRoot, 'test/fixtures/breaking/proto');

async function diffCase(name: string, category?: ProtoBreakingCategory): Promise<Finding[]> {
  const previous = await loadFixture(`test/fixtures/breaking/proto/${name}/previous`);
  const current = await loadFixture(`test/fixtures/breaking/proto/${name}/current`);
  return diffProto(previous, current, category ? { category } : {});
}

/** rule id, file relative to the case's current/, line, column (and end) — the exact spans buf reports. */
function spans(name: string, findings: Finding[]): (string | number | undefined)[][] {
  const base = path.join(fixtures, name, 'current');
  return findings.map((f) => [f.ruleId, path.relative(base, f.file), f.line, f.column, f.endLine, f.endColumn]);
}

describe('diffProto', () => {
  it('reports a deleted field at its enclosing message, then the package-version error', async () => {
    const findings = await diffCase('field-deleted');
    expect(spans('field-deleted', findings)).toEqual([
      ['FIELD_NO_DELETE', 'shop/v1/shop.proto', 10, 1, 13, 2],
      [PROTO_NEEDS_NEW_PACKAGE_VERSION_ID, 'shop/v1/shop.proto', 3, 1, undefined, undefined],
    ]);
    expect(findings[0]).toMatchObject({ severity: 'error', kind: 'proto', message: 'Previously present field "2" with name "name" on message "Product" was deleted.' });
    // where the field was: its line in the previous file
    expect(findings[0].previous).toEqual({ file: path.join(fixtures, 'field-deleted/previous/shop/v1/shop.proto'), line: 12, column: 3 });
    expect(findings[0].hint).toContain('reserved');
  });

  it('reports a changed field type at the field', async () => {
    const findings = await diffCase('field-type-changed');
    expect(spans('field-type-changed', findings)[0]).toEqual(['FIELD_SAME_TYPE', 'shop/v1/shop.proto', 13, 3, 13, 8]);
    expect(findings[0].message).toContain('changed type from "int32" to "int64"');
  });

  it('reports a removed RPC at its service', async () => {
    const findings = await diffCase('rpc-removed');
    expect(spans('rpc-removed', findings)[0]).toEqual(['RPC_NO_DELETE', 'shop/v1/shop.proto', 5, 1, 7, 2]);
    expect(findings[0].message).toBe('Previously present RPC "DeleteProduct" on service "ShopService" was deleted.');
    expect(findings[0].previous).toMatchObject({ file: path.join(fixtures, 'rpc-removed/previous/shop/v1/shop.proto'), line: 7 });
  });

  it('finds nothing when nothing changed (plain directories without buf.yaml)', async () => {
    expect(await diffCase('no-change')).toEqual([]);
  });

  it('lets WIRE allow a field rename that FILE (the default) and WIRE_JSON flag', async () => {
    const file = await diffCase('wire-rename');
    expect(file.map((f) => f.ruleId)).toEqual(['FIELD_SAME_JSON_NAME', 'FIELD_SAME_NAME', PROTO_NEEDS_NEW_PACKAGE_VERSION_ID]);
    expect((await diffCase('wire-rename', 'FILE')).map((f) => f.ruleId)).toEqual(file.map((f) => f.ruleId));
    expect((await diffCase('wire-rename', 'WIRE_JSON')).map((f) => f.ruleId)).toContain('FIELD_SAME_JSON_NAME');
    expect(await diffCase('wire-rename', 'WIRE')).toEqual([]);
  });

  it('rejects an unknown category as a config error', async () => {
    await expect(diffCase('no-change', 'SOMETIMES' as ProtoBreakingCategory)).rejects.toBeInstanceOf(ConfigError);
  });
});

describe('proto-breaking-needs-new-package-version', () => {
  it('gives one error per stable versioned package that broke, not for unstable or unversioned ones', async () => {
    const findings = await diffCase('package-version');
    const versioning = findings.filter((f) => f.ruleId === PROTO_NEEDS_NEW_PACKAGE_VERSION_ID);
    expect(spans('package-version', versioning)).toEqual([[PROTO_NEEDS_NEW_PACKAGE_VERSION_ID, 'orders/v1/items.proto', 3, 1, undefined, undefined]]);
    expect(versioning[0]).toMatchObject({ severity: 'error', kind: 'proto' });
    expect(versioning[0].message).toBe(
      'Package `orders.v1` changed incompatibly (3 breaking changes: FIELD_NO_DELETE, FILE_NO_DELETE) but kept its version, so clients built against `orders.v1` break.',
    );
    expect(versioning[0].hint).toBe(
      'Make the change in a new package `orders.v2` (a new directory, e.g. `orders/v2/`) and keep `orders.v1` unchanged until every client has moved to `orders.v2`.',
    );
    // buf still reports every change, including those in billing.v1beta1 and legacy.
    expect(spans('package-version', findings.filter((f) => f.ruleId !== PROTO_NEEDS_NEW_PACKAGE_VERSION_ID))).toEqual([
      // a deleted file is reported at the package statement of a file of its package that is still there
      ['FILE_NO_DELETE', 'orders/v1/items.proto', 3, 1, 3, 1],
      ['FIELD_NO_DELETE', 'billing/v1beta1/billing.proto', 5, 1, 7, 2],
      ['FIELD_NO_DELETE', 'legacy/legacy.proto', 5, 1, 7, 2],
      ['FIELD_NO_DELETE', 'orders/v1/items.proto', 5, 1, 7, 2],
      ['FIELD_NO_DELETE', 'orders/v1/orders.proto', 5, 1, 8, 2],
    ]);
  });

  it('is quiet when the old version was replaced by a new one (only buf reports the deleted file)', async () => {
    const findings = await diffCase('moved-to-v2');
    // no file of orders.v1 is left: the module's buf.yaml is where to act; `previous` names the deleted file
    expect(spans('moved-to-v2', findings)).toEqual([['FILE_NO_DELETE', 'buf.yaml', 1, 1, 1, 1]]);
    expect(findings[0].previous).toEqual({ file: path.join(fixtures, 'moved-to-v2/previous/orders/v1/orders.proto'), line: 1, column: 1 });
    expect(findings[0].message).toBe('Previously present file "orders/v1/orders.proto" was deleted.');
  });
});

describe('diffProto on a single .proto file (--path, as the loader builds it)', () => {
  it('compares only that file', async () => {
    const file = 'shop/v1/shop.proto';
    const previous = await loadFixture(`test/fixtures/breaking/proto/field-deleted/previous/${file}`);
    const current = await loadFixture(`test/fixtures/breaking/proto/field-deleted/current/${file}`);
    const findings = await diffProto(previous, current);
    expect(spans('field-deleted', findings).map((s) => s.slice(0, 3))).toEqual([
      ['FIELD_NO_DELETE', file, 10],
      [PROTO_NEEDS_NEW_PACKAGE_VERSION_ID, file, 3],
    ]);
  });
});
