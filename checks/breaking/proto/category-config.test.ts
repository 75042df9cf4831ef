import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../lint/proto/test-support.js';
import { breakingConfigData, isProtoBreakingCategory } from './category-config.js';

const fixtures = path.join(repoRoot, 'test/fixtures');

describe('breakingConfigData', () => {
  it("keeps the module's buf.yaml and replaces only breaking.use", () => {
    const data = JSON.parse(breakingConfigData(path.join(fixtures, 'breaking/proto/package-version/current'), 'WIRE')!);
    expect(data).toEqual({ version: 'v2', lint: { except: ['PACKAGE_VERSION_SUFFIX'] }, breaking: { use: ['WIRE'] } });
  });

  it('sets the category of every module of a v2 workspace that configures breaking', () => {
    const data = JSON.parse(breakingConfigData(path.join(fixtures, 'proto/workspace'), 'PACKAGE')!);
    expect(data.breaking.use).toEqual(['PACKAGE']);
    for (const m of data.modules as { breaking?: { use: string[] } }[]) if (m.breaking) expect(m.breaking.use).toEqual(['PACKAGE']);
  });

  it('writes a minimal v2 config for a directory without buf.yaml', () => {
    expect(JSON.parse(breakingConfigData(path.join(fixtures, 'breaking/proto/no-change/current'), 'WIRE_JSON')!)).toEqual({
      version: 'v2',
      breaking: { use: ['WIRE_JSON'] },
    });
  });

  it('knows the four categories', () => {
    expect(['FILE', 'PACKAGE', 'WIRE_JSON', 'WIRE'].every(isProtoBreakingCategory)).toBe(true);
    expect(isProtoBreakingCategory('wire')).toBe(false);
  });
});
