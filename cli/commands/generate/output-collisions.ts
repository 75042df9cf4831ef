/**
 * The `generate/one-contract-per-out` check after generating, for every
 * target: jobs that write one output directory for one target share it, and
 * two of them generating the same path with different content would
 * overwrite each other (two OpenAPI contracts in one rest-client folder, two
 * sagas of one name, two proto modules with a file of one name). Identical
 * files (a client two sagas embed alike) are fine. Reported before anything
 * is written.
 */
import { relative } from 'node:path';
import type { Finding } from '../../../contracts/finding.js';
import type { GeneratedFile } from '../../../generators/core/registry.js';
import type { Job } from './jobs.js';

/** One job's generated files. */
export interface JobOutput {
  job: Job;
  files: GeneratedFile[];
}

/** A finding per contract whose file another contract of the same output directory and target generates differently. */
export function outputCollisions(group: JobOutput[], cwd: string): Finding[] {
  const owner = new Map<string, JobOutput>();
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (const o of group) {
    for (const f of o.files) {
      const first = owner.get(f.path);
      if (!first) {
        owner.set(f.path, o);
        continue;
      }
      if (first === o || first.job.spec.path === o.job.spec.path) continue;
      if (first.files.find((x) => x.path === f.path)!.content === f.content) continue;
      const key = `${first.job.spec.name}\u0000${o.job.spec.name}`;
      if (reported.has(key)) continue;
      reported.add(key);
      const out = relative(cwd, o.job.target.out) || '.';
      const message = `The ${o.job.target.target} outputs of \`${first.job.spec.name}\` and \`${o.job.spec.name}\` both write ${out}/${f.path}, differently: one would overwrite the other; nothing was written.`;
      const hint = 'Give each contract its own `out` directory.';
      for (const s of [first.job.spec, o.job.spec]) findings.push({ ruleId: 'generate/one-contract-per-out', severity: 'error', kind: s.kind, file: s.path, line: 1, column: 1, message, hint });
    }
  }
  return findings;
}
