/**
 * Per-file rule settings (`lint.overrides` in contractkit.yaml): for files
 * matching the globs, a rule's severity changes or it is turned off.
 */
import { relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Finding } from '../../contracts/finding.js';
import type { Config } from '../../contracts/config/types.js';

/** Applies `config.lint.overrides` (later overrides win) to findings. */
export function applyOverrides(findings: readonly Finding[], config: Config): Finding[] {
  const overrides = config.lint.overrides.map((o) => ({ match: picomatch(o.files, { dot: true }), rules: o.rules }));
  if (overrides.length === 0) return [...findings];
  const out: Finding[] = [];
  for (const f of findings) {
    const rel = relative(config.dir, f.file).split(sep).join('/');
    let severity: Finding['severity'] | 'off' = f.severity;
    for (const o of overrides) {
      const s = o.rules[f.ruleId]?.severity;
      if (s && o.match(rel)) severity = s;
    }
    if (severity !== 'off') out.push(severity === f.severity ? f : { ...f, severity });
  }
  return out;
}
