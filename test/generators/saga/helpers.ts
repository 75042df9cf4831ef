/**
 * Runs the saga generator in-process on a saga file, as `contractkit generate
 * saga` does (the saga loaded with its loader, the writer untouched).
 */
import { resolve } from 'node:path';
import { loadSaga } from '../../../contracts/saga/load.js';
import { generateSagas } from '../../../generators/saga/index.js';
import type { GeneratedFile } from '../../../generators/core/registry.js';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** Generates from `sagaFile` as if into `out`; returns the files and the notes the generator made. */
export async function generateSaga(sagaFile: string, out: string, options: Record<string, unknown> = {}): Promise<{ files: GeneratedFile[]; notes: string[] }> {
  const outcome = await loadSaga({ name: 'saga', kind: 'saga', path: resolve(sagaFile) }, { cwd: ROOT, rootDir: ROOT, allowRemoteRefs: false });
  if (!outcome.contract) throw new Error(`saga did not load: ${JSON.stringify(outcome.findings)}`);
  const notes: string[] = [];
  const files = await generateSagas({ contracts: [outcome.contract] }, { out, options: { ...options, notes } });
  return { files, notes };
}
