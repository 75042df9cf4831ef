/**
 * Which contracts a command works on: the paths given, else the config's
 * contracts, else whatever is found under the working directory.
 */
import { resolve } from 'node:path';
import { UsageError } from '../contracts/errors.js';
import { discoverContracts } from '../contracts/load/discover.js';
import type { ContractSpec } from '../contracts/load/types.js';
import type { CommandContext } from './context.js';

/** @throws UsageError when a path does not exist or nothing is found. */
export function selectContracts(ctx: CommandContext, paths: readonly string[] = []): ContractSpec[] {
  if (paths.length === 0 && ctx.config.contracts.length > 0) return ctx.config.contracts;
  const { specs, findings } = discoverContracts(paths.length > 0 ? paths : ['.'], ctx.cwd);
  if (findings.length > 0) throw new UsageError('Some paths hold no contracts', findings);
  // a path that is a configured contract keeps the config's name
  const byPath = new Map(ctx.config.contracts.map((c) => [resolve(c.path), c]));
  return specs.map((s) => byPath.get(s.path) ?? s);
}
