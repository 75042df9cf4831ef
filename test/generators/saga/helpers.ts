/**
 * Runs the saga generator in-process on a saga file, as `contractkit generate
 * saga` does (the saga loaded with `loadContracts`, which resolves its
 * references; the writer untouched).
 */
import { resolve } from 'node:path';
import { loadContracts } from '../../../contracts/load/load-all.js';
import { sagaGenerator } from '../../../generators/saga/index.js';
import type { GeneratedFile, GeneratorContextInput } from '../../../generators/core/registry.js';

/** The repository root. */
export const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** Generates from `sagaFile` as if into `out`; returns the files and the notes the generator made. */
export async function generateSaga(
  sagaFile: string,
  out: string,
  options: Record<string, unknown> = {},
  context: Omit<GeneratorContextInput, 'out' | 'options' | 'note'> = {},
): Promise<{ files: GeneratedFile[]; notes: string[] }> {
  const loaded = await loadContracts([{ name: 'saga', kind: 'saga', path: resolve(sagaFile) }], { cwd: ROOT, rootDir: ROOT, allowRemoteRefs: false });
  if (!loaded.usable) throw new Error(`saga did not load: ${JSON.stringify(loaded.findings)}`);
  const notes: string[] = [];
  const files = await sagaGenerator.generate(loaded.model, { ...context, out, options, note: (text) => notes.push(text) });
  return { files, notes };
}
