/**
 * A map diff as a PR comment: a summary line, the Mermaid map of the change
 * (added nodes and edges green, removed red and dashed, services with a
 * breaking change outlined red), then the lists.
 */
import type { Finding } from '../../contracts/finding.js';
import type { MapMarks } from '../../contracts/system/marks.js';
import type { SystemMap } from '../../contracts/system/types.js';
import { cell } from './markdown.js';
import { mapToMermaid } from './mermaid.js';

/** What the comment shows (see checks/map/diff.ts for how it is computed). */
export interface DiffView {
  title: string;
  against: string;
  added: { what: string; label: string }[];
  removed: { what: string; label: string }[];
  breaking: { finding: Finding; where: string; element?: string; service?: string }[];
  /** Map findings the change brings (an event nobody consumes any more). */
  newFindings: Finding[];
  merged: SystemMap;
  marks: MapMarks;
}

/** The PR comment. */
export function diffToMarkdown(d: DiffView): string {
  const breaking = d.breaking.filter((b) => b.finding.severity === 'error');
  const other = d.breaking.filter((b) => b.finding.severity !== 'error');
  const name = (id: string) => d.merged.services.find((s) => s.id === id)?.name ?? id;
  const out = [`### ${cell(d.title)}: changes against \`${cell(d.against)}\``, ''];
  if (d.added.length + d.removed.length + d.breaking.length + d.newFindings.length === 0) {
    out.push('No change to the system map, and nothing breaks.', '');
    return out.join('\n');
  }
  out.push(`**${d.added.length} added · ${d.removed.length} removed · ${breaking.length} breaking**${other.length ? ` · ${other.length} other change(s) to review` : ''}`, '');
  out.push('```mermaid', mapToMermaid(d.merged, d.marks).trimEnd(), '```', '');
  out.push('<sub>green: added · red dashed: removed · red outline: a breaking change in that service</sub>', '');
  const section = (heading: string, items: string[]) => {
    if (items.length) out.push(`#### ${heading}`, '', ...items.map((i) => `- ${i}`), '');
  };
  const where = (b: DiffView['breaking'][number]) => `${b.service ? `**${cell(name(b.service))}**` : ''}${b.element ? ` \`${cell(b.element)}\`` : ''}`.trim();
  section('Breaking', breaking.map((b) => `${where(b)}${where(b) ? ': ' : ''}${cell(b.finding.message)} <sub>(${cell(b.where)}, ${cell(b.finding.ruleId)})</sub>`));
  section('To review', other.map((b) => `${where(b)}${where(b) ? ': ' : ''}${cell(b.finding.message)} <sub>(${cell(b.where)}, ${cell(b.finding.ruleId)})</sub>`));
  section('New warnings', d.newFindings.map((f) => cell(f.message)));
  section('Added', d.added.map((c) => `${c.what} ${cell(c.label)}`));
  section('Removed', d.removed.map((c) => `${c.what} ${cell(c.label)}`));
  return out.join('\n');
}
