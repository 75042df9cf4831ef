/**
 * Test helpers for verify: load one OpenAPI contract the way the CLI does.
 */
import { basename, resolve } from 'node:path';
import { loadContracts } from '../../contracts/load/load-all.js';
import type { OpenApiContract } from '../../contracts/model/types.js';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '../..');

/** Loads the OpenAPI contract at `path` (relative to the repository root); throws on load errors. */
export async function loadOpenApi(path: string): Promise<OpenApiContract> {
  const file = resolve(ROOT, path);
  const loaded = await loadContracts([{ name: basename(file).replace(/\.ya?ml$/, ''), kind: 'openapi', path: file }], { cwd: ROOT, rootDir: ROOT, allowRemoteRefs: false });
  if (!loaded.usable) throw new Error(`${path} did not load: ${loaded.findings.map((f) => f.message).join('; ')}`);
  return loaded.model.contracts[0] as OpenApiContract;
}
