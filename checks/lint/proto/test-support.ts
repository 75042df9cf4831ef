/**
 * Test support for proto rules: load a fixture module with the real loader
 * and run a model rule on it with its default options.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../../../contracts/finding.js';
import { runModelRule as runRule } from '../run-model-rule.js';
import type { ModelRule } from '../rule.js';
import type { ProtoContract } from '../../../contracts/model/types.js';
import { loadProto } from '../../../contracts/proto/load.js';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Loads `rel` (relative to the repository root) with loadProto; throws when it does not load. */
export async function loadFixture(rel: string): Promise<ProtoContract> {
  const outcome = await loadProto({ name: 'fixture', kind: 'proto', path: path.join(repoRoot, rel) }, { cwd: repoRoot, rootDir: repoRoot, allowRemoteRefs: false });
  if (!outcome.contract) throw new Error(`fixture ${rel} did not load: ${JSON.stringify(outcome.findings)}`);
  return outcome.contract;
}

/** Runs `rule` over one contract with its default options merged under `options`. */
export function runModelRule(rule: ModelRule, contract: ProtoContract, options: Record<string, unknown> = {}): Finding[] {
  return runRule(rule, { contracts: [contract] }, { options });
}
