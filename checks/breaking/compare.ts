/**
 * Runs the breaking-change engine of each contract kind over matched
 * (previous, current) contract pairs; contracts added or removed are reported here.
 */
import type { Finding, Severity } from '../../contracts/finding.js';
import { atOrAbove } from '../../contracts/finding.js';
import type { Contract } from '../../contracts/model/types.js';

/** Options every engine receives. */
export interface BreakingOptions {
  /** Lowest level reported (`info` gives a full changelog). */
  level: Severity;
  /** Per-contract settings from the config (AsyncAPI compatibility mode, buf category). */
  compatibility?: string;
  protoCategory?: string;
  minSunsetDays?: number;
  /** Today, for sunset dates (injectable for tests). */
  today?: Date;
  /**
   * Drops accepted findings (notes, the ignore file). Engines apply it before
   * their versioning rules count breaking changes, so an accepted change does
   * not ask for a new version; default: keeps everything.
   */
  suppress?: (findings: Finding[]) => Finding[];
}

/** The suppression of `options`, or one that keeps everything. */
export function suppressorOf(options: { suppress?: (findings: Finding[]) => Finding[] }): (findings: Finding[]) => Finding[] {
  return options.suppress ?? ((fs) => fs);
}

/** A breaking-change engine for one kind: decides and reports, given a matched pair. */
export type BreakingEngine = (previous: Contract, current: Contract, options: BreakingOptions) => Promise<Finding[]> | Finding[];

const engines = new Map<Contract['kind'], BreakingEngine>();

/**
 * An engine that compares all pairs of its kind at once (GraphQL: a change in
 * one subgraph is judged against the others and the composed supergraph).
 * It receives every pair of the kind, added and removed ones included; those
 * are still reported as `contract-added`/`contract-removed` here.
 */
export type BreakingGroupEngine = (pairs: ContractPair[], options: BreakingOptions) => Promise<Finding[]> | Finding[];

const groupEngines = new Map<Contract['kind'], BreakingGroupEngine>();

/** Registers the engine that compares every pair of a kind together. */
export function registerBreakingGroupEngine(kind: Contract['kind'], engine: BreakingGroupEngine): void {
  groupEngines.set(kind, engine);
}

/** Registers the engine for a contract kind. */
export function registerBreakingEngine(kind: Contract['kind'], engine: BreakingEngine): void {
  engines.set(kind, engine);
}

/** A previous/current pair; either side may be missing (added or removed contract). */
export interface ContractPair {
  name: string;
  previous?: Contract;
  current?: Contract;
}

/** Compares every pair; returns the findings at or above `options.level`. */
export async function compareContracts(pairs: readonly ContractPair[], options: BreakingOptions): Promise<Finding[]> {
  const findings: Finding[] = [];
  const suppress = suppressorOf(options);
  const push = (f: Finding) => findings.push(...suppress([f]));
  for (const pair of pairs) {
    const { previous, current } = pair;
    if (!previous && current) {
      push({
        ruleId: 'contract-added',
        severity: 'info',
        kind: current.kind,
        file: current.file,
        line: 1,
        column: 1,
        message: `Contract \`${pair.name}\` was added.`,
      });
    } else if (previous && !current) {
      push({
        ruleId: 'contract-removed',
        severity: 'error',
        kind: previous.kind,
        file: previous.file,
        line: 1,
        column: 1,
        message: `Contract \`${pair.name}\` was removed: every client or consumer of it breaks.`,
        hint: 'Deprecate it and keep it until its consumers have moved, or restore it.',
      });
    } else if (previous && current) {
      if (groupEngines.has(current.kind)) continue;
      const engine = engines.get(current.kind);
      if (!engine) {
        push({
          ruleId: 'breaking-unsupported',
          severity: 'warning',
          kind: current.kind,
          file: current.file,
          line: 1,
          column: 1,
          message: `Breaking-change checks for ${current.kind} contracts are not available in this version; \`${pair.name}\` was not compared.`,
        });
        continue;
      }
      findings.push(...(await engine(previous, current, options)));
    }
  }
  for (const [kind, engine] of groupEngines) {
    const group = pairs.filter((p) => (p.current ?? p.previous)?.kind === kind);
    if (group.length > 0) findings.push(...(await engine(group, options)));
  }
  return findings.filter((f) => atOrAbove(f.severity, options.level));
}
