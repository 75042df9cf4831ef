/**
 * Loads examples/orders through its contractkit.yaml, as `contractkit map` does there.
 */
import { resolve } from 'node:path';
import { loadConfig } from '../../../cli/config/load-config.js';
import { loadContracts } from '../../../contracts/load/load-all.js';
import type { ContractModel } from '../../../contracts/model/types.js';

/** The example system's folder. */
export const exampleRoot = resolve(import.meta.dirname, '../../../examples/orders');

/** The example's ContractModel; throws when it does not load. */
export async function loadExampleModel(): Promise<ContractModel> {
  const config = loadConfig(exampleRoot);
  const loaded = await loadContracts(config.contracts, { cwd: exampleRoot, rootDir: resolve(exampleRoot, '../..'), allowRemoteRefs: false });
  if (!loaded.usable) throw new Error(`examples/orders does not load: ${JSON.stringify(loaded.findings)}`);
  return loaded.model;
}
