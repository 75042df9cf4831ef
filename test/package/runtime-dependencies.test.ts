/**
 * @contractkit/runtime's package.json says what it needs: every package its
 * code imports is a dependency or a peer dependency (broker, database and
 * gRPC clients are optional peers, loaded by the adapter that needs them),
 * and every peer is one the runtime imports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/source/package-files.js';

interface RuntimePackage {
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
  peerDependenciesMeta: Record<string, { optional?: boolean }>;
}

const runtimeDir = join(packageRoot(), 'runtime');
const pkg = JSON.parse(readFileSync(join(runtimeDir, 'package.json'), 'utf8')) as RuntimePackage;

/** The source files under `dir` (recursively) that `keep` accepts. */
function sources(dir: string, keep: (file: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && keep(e.name))
    .map((e) => join(e.parentPath, e.name));
}

/** The packages `files` import (static, dynamic and type imports, re-exports), without node builtins and relative paths. */
function importedPackages(files: string[]): Set<string> {
  const out = new Set<string>();
  for (const f of files) {
    for (const m of readFileSync(f, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\bcreateRequire\([^)]*\)\(\s*)['"]([^'"]+)['"]/g)) {
      const spec = m[1]!;
      if (spec.startsWith('.') || spec.startsWith('node:')) continue;
      out.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
    }
  }
  return out;
}

describe('@contractkit/runtime dependencies', () => {
  const runtimeImports = importedPackages(sources(join(runtimeDir, 'src'), (n) => n.endsWith('.ts') && !n.endsWith('.test.ts')));

  it('every package the runtime imports is a dependency or a peer dependency', () => {
    const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.peerDependencies)]);
    expect([...runtimeImports].filter((p) => !declared.has(p)).sort()).toEqual([]);
  });

  it('every peer dependency is optional and imported by the runtime', () => {
    expect(Object.keys(pkg.peerDependencies).filter((p) => !runtimeImports.has(p))).toEqual([]);
    expect(Object.keys(pkg.peerDependencies).filter((p) => pkg.peerDependenciesMeta[p]?.optional !== true)).toEqual([]);
  });
});
