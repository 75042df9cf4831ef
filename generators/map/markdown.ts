/**
 * The system map as a Markdown document (`map.md`): the Mermaid flowchart,
 * then services, events and sagas as tables. GitHub renders the Mermaid
 * block, so it serves a README, a docs folder or a PR comment.
 */
import type { SystemMap } from '../../contracts/system/types.js';
import { mapToMermaid, type MapMarks } from './mermaid.js';
import { MAP_MARKER } from './html/page.js';
import { callsOf } from '../../contracts/system/queries.js';

/** Text safe in a Markdown table cell (pipes, newlines, and inline HTML). */
export function cell(s: string): string {
  return s.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `map.md`: a title, the Mermaid map and the tables. */
export function mapToMarkdown(map: SystemMap, title: string, marks?: MapMarks): string {
  const name = (id: string) => map.services.find((s) => s.id === id)?.name ?? id;
  const out = [
    `# ${cell(title)}`,
    '',
    `<!-- ${MAP_MARKER}; do not edit. \`contractkit map --check\` fails when it is stale. -->`,
    '',
    '```mermaid',
    mapToMermaid(map, marks).trimEnd(),
    '```',
    '',
    '## Services',
    '',
    '| service | contracts | offers | calls (through its sagas) | sends | receives |',
    '|---|---|---|---|---|---|',
    ...map.services.map((s) => {
      const ops = map.operations.filter((o) => o.service === s.id).length;
      const sends = map.events.filter((e) => e.producers.some((p) => p.service === s.id)).map((e) => `\`${cell(e.key)}\``);
      const receives = map.events.filter((e) => e.consumers.some((c) => c.service === s.id)).map((e) => `\`${cell(e.key)}\``);
      const calls = callsOf(s.id, map).map((c) => `${cell(name(c.service))} (${c.what.map(cell).join(', ')})`);
      return `| ${cell(s.name)} | ${cell(s.contracts.join(', '))} | ${ops} operations | ${calls.join('; ')} | ${sends.join(', ')} | ${receives.join(', ')} |`;
    }),
    '',
    '## Events',
    '',
    '| event | versions | producers | consumers |',
    '|---|---|---|---|',
    ...map.events.map((e) => {
      const versions = e.messages.map((m) => (m.version !== undefined ? `v${m.version}` : cell(m.id))).join(', ');
      const who = (list: { service: string }[]) => [...new Set(list.map((u) => cell(name(u.service))))].join(', ') || '**none**';
      return `| \`${cell(e.key)}\` | ${versions} | ${who(e.producers)} | ${who(e.consumers)} |`;
    }),
    '',
  ];
  if (map.sagas.length) {
    out.push('## Sagas', '', '| saga | run by | steps |', '|---|---|---|');
    for (const s of map.sagas) out.push(`| ${cell(s.saga)} v${s.version} | ${s.service ? cell(name(s.service)) : ''} | ${s.steps.map((st) => `${cell(st.name)} (${cell(st.call.label)})`).join(' → ')} |`);
    out.push('');
  }
  if (map.findings.length) {
    out.push('## Findings', '');
    for (const f of map.findings) out.push(`- ${cell(f.message)}`);
    out.push('');
  }
  return out.join('\n');
}
