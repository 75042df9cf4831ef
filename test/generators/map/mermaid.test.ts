import { describe, expect, it } from 'vitest';
import type { SystemMap } from '../../../contracts/system/types.js';
import { mapToMermaid, mermaidText } from '../../../generators/map/mermaid.js';
import { mapToMarkdown } from '../../../generators/map/markdown.js';

const loc = { file: '/x.yaml', pointer: '/operations/a' };
const map: SystemMap = {
  services: [
    { id: 'a', name: 'A "quoted" <b>', contracts: ['a'], origin: 'x-service', servers: [] },
    { id: 'a-b', name: 'a|b', contracts: ['b'], origin: 'title', servers: [] },
    { id: 'a_b', name: 'a_b', contracts: ['c'], origin: 'title', servers: [] },
  ],
  operations: [],
  events: [{ id: 'event:e#1', key: 'e#1', addresses: ['e'], messages: [{ id: 'e' }], producers: [{ service: 'a', contract: 'a', operation: 'o', reply: false, location: loc }], consumers: [], usedBy: [], sources: [] }],
  sagas: [],
  edges: [
    { from: 'a', to: 'a-b', kind: 'event', labels: ['x"];click a href "javascript:alert(1)"'] },
    { from: 'a-b', to: 'a_b', kind: 'event', labels: ['y'] },
  ],
  findings: [],
};

describe('mapToMermaid', () => {
  it('quotes every label with Mermaid entities, so contract text cannot end a label or add statements', () => {
    expect(mermaidText('a "b" <c> #d')).toBe('a #quot;b#quot; #lt;c#gt; #35;d');
    const text = mapToMermaid(map);
    expect(text).toContain('n_a["A #quot;quoted#quot; #lt;b#gt;"]:::service');
    expect(text).toContain('n_a -- "x#quot;];click a href #quot;javascript:alert(1)#quot;" --> n_a_b');
    // every statement line is a node, an edge, a classDef or a linkStyle
    for (const line of text.trim().split('\n').slice(1)) expect(line).toMatch(/^ {2}(n_\w+(\[|\{\{| --| -\.| ==)|classDef |linkStyle )/);
  });

  it('gives ids that differ for names that differ only in punctuation', () => {
    const text = mapToMermaid(map);
    expect(text).toContain('n_a_b["a|b"]');
    expect(text).toContain('n_a_b_2["a_b"]');
    expect(text).toContain('n_a_b -- "y" --> n_a_b_2');
  });

  it('styles marked nodes and edges by class and by the index of the edge drawn', () => {
    const text = mapToMermaid(map, { nodes: new Map([['a_b', 'added']]), edges: new Map([['event|a-b|a_b', 'removed']]) });
    expect(text).toContain('n_a_b_2["a_b"]:::added');
    expect(text).toContain('  linkStyle 1 stroke:#c62828');
  });
});

describe('mapToMarkdown', () => {
  it('escapes table cells and marks events without consumers', () => {
    const md = mapToMarkdown(map, 'T');
    expect(md).toContain('| a\\|b | b |');
    expect(md).toContain('| A "quoted" &lt;b&gt; |');
    expect(md).toContain('| `e#1` | e | A "quoted" &lt;b&gt; | **none** |');
  });
});
