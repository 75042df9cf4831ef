/**
 * Golden-file tests of every report format over one fixed set of findings.
 * Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change,
 * then review the diff.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../contracts/finding.js';
import { getReporter, isReportFormat, REPORT_FORMATS, resolvePositions, type ReportContext } from './index.js';
import { escapeData, escapeProperty } from './github.js';
import { codeSpan, inlineText } from './markdown.js';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '../../test/fixtures/report');
const src = (name: string) => join(fixtures, 'src', name);

/** The fixed findings: YAML and JSON pointers, explicit line/column, every severity. */
export const FIXTURE_FINDINGS: Finding[] = [
  {
    ruleId: 'paginate-collections',
    severity: 'warning',
    kind: 'openapi',
    file: src('orders.yaml'),
    pointer: '/paths/~1orders/get/responses/200/content/application~1json/schema',
    message: 'GET /orders returns an array but takes no `cursor` | `limit` parameters',
    hint: 'Add cursor pagination:\n`cursor` and `limit` query parameters, `nextCursor` in the response.',
  },
  {
    ruleId: 'FIELD_LOWER_SNAKE_CASE',
    severity: 'error',
    kind: 'proto',
    file: src('orders.proto'),
    line: 8,
    column: 10,
    endLine: 8,
    endColumn: 20,
    message: 'Field name "customerId" should be lower_snake_case, such as "customer_id".',
  },
  {
    ruleId: 'event-name-past-tense',
    severity: 'info',
    kind: 'asyncapi',
    file: src('events.json'),
    pointer: '/components/messages/processOrder/name',
    message: 'Event `process.order` reads as a command: 100% of consumers will assume it already happened',
    hint: 'Name domain events in the past tense (`order.processed`).',
  },
  {
    ruleId: 'path-no-verbs',
    severity: 'error',
    kind: 'openapi',
    file: src('orders.yaml'),
    pointer: '/paths/~1getOrders',
    onKey: true,
    message: 'Path segment `getOrders` is a verb',
    hint: 'Name the resource instead: `/orders`.',
  },
  {
    ruleId: 'event-envelope',
    severity: 'error',
    kind: 'asyncapi',
    file: src('events.json'),
    pointer: '/components/messages/processOrder/payload/properties/eventId',
    message: 'Envelope field `eventId` has no `format: uuid`',
  },
];

const CTX: ReportContext = {
  cwd: fixtures,
  color: false,
  toolVersion: '0.0.0-test',
  title: 'lint',
  ruleDocs: (id) =>
    id === 'path-no-verbs'
      ? { description: 'Paths name resources, not actions.', helpUri: 'https://example.com/rules/path-no-verbs' }
      : undefined,
};

const GOLDEN: Record<string, string> = {
  stylish: 'stylish.txt',
  json: 'report.json',
  sarif: 'report.sarif',
  github: 'github.txt',
  markdown: 'comment.md',
};

function golden(name: string, actual: string): void {
  const file = join(fixtures, 'golden', name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}

describe('reporters (golden files)', () => {
  const findings = resolvePositions(FIXTURE_FINDINGS);

  for (const format of REPORT_FORMATS) {
    it(`${format} matches its golden file byte for byte`, () => {
      golden(GOLDEN[format]!, getReporter(format)(findings, CTX));
    });
  }

  it('stylish with colour matches its golden file', () => {
    golden('stylish-color.txt', getReporter('stylish')(findings, { ...CTX, color: true }));
  });

  it('is deterministic whatever order findings arrive in', () => {
    const shuffled = resolvePositions([...FIXTURE_FINDINGS].reverse());
    for (const format of REPORT_FORMATS) {
      expect(getReporter(format)(shuffled, CTX)).toBe(getReporter(format)(findings, CTX));
    }
  });
});

describe('reporters on no findings', () => {
  it.each([
    ['stylish', '✔ No problems found\n'],
    ['github', 'contractkit lint: no problems found\n'],
    ['markdown', '### ✅ contractkit lint: No problems found\n'],
  ])('%s says there is nothing to report', (format, expected) => {
    expect(getReporter(format)([], CTX)).toBe(expected);
  });

  it('json gives an empty list and zero counts', () => {
    expect(JSON.parse(getReporter('json')([], CTX))).toEqual({
      version: 1,
      findings: [],
      summary: { errors: 0, warnings: 0, infos: 0 },
    });
  });
});

describe('quiet', () => {
  it('keeps only errors, in every format', () => {
    const findings = resolvePositions(FIXTURE_FINDINGS);
    const json = JSON.parse(getReporter('json')(findings, { ...CTX, quiet: true }));
    expect(json.findings.map((f: { severity: string }) => f.severity)).toEqual(['error', 'error', 'error']);
    expect(json.summary).toEqual({ errors: 3, warnings: 0, infos: 0 });
    const stylish = getReporter('stylish')(findings, { ...CTX, quiet: true });
    expect(stylish).not.toContain('warning  ');
    expect(stylish).toContain('✖ 3 problems (3 errors, 0 warnings, 0 infos)');
  });
});

describe('docs/report-json.md', () => {
  it('documents exactly the keys, in the order, that the json reporter writes', () => {
    const doc = readFileSync(join(here, '../../docs/report-json.md'), 'utf8');
    const examples = [...doc.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => JSON.parse(m[1]!));
    expect(examples.length).toBeGreaterThanOrEqual(2);
    const actual = JSON.parse(getReporter('json')(resolvePositions(FIXTURE_FINDINGS), CTX));
    for (const example of examples) {
      expect(Object.keys(example)).toEqual(Object.keys(actual));
      expect(Object.keys(example.summary)).toEqual(Object.keys(actual.summary));
      for (const f of example.findings) expect(Object.keys(f)).toEqual(Object.keys(actual.findings[0]));
      const count = (s: string) => example.findings.filter((f: { severity: string }) => f.severity === s).length;
      expect(example.summary).toEqual({ errors: count('error'), warnings: count('warning'), infos: count('info') });
    }
  });
});

describe('format registry', () => {
  it('knows the five formats and rejects others', () => {
    expect([...REPORT_FORMATS]).toEqual(['stylish', 'json', 'sarif', 'github', 'markdown']);
    expect(isReportFormat('sarif')).toBe(true);
    expect(isReportFormat('xml')).toBe(false);
    expect(() => getReporter('xml')).toThrow(/Unknown report format "xml"/);
  });
});

describe('github escaping', () => {
  it('escapes %, CR and LF in messages and also : and , in properties', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a,b:c%')).toBe('a%2Cb%3Ac%25');
  });

  it('leaves out columns on an annotation that spans lines', () => {
    const [f] = resolvePositions([
      { ruleId: 'r', severity: 'warning', kind: 'openapi', file: src('orders.yaml'), line: 3, column: 2, endLine: 5, endColumn: 4, message: 'm' },
    ]);
    expect(getReporter('github')([f!], CTX).split('\n')[0]).toBe('::warning file=src/orders.yaml,line=3,endLine=5,title=r::m');
  });
});

describe('markdown escaping and folding', () => {
  it('keeps balanced backticks as code, escapes pipes, HTML and odd backticks', () => {
    expect(inlineText('a `b|c` | <x>')).toBe('a `b\\|c` \\| &lt;x&gt;');
    expect(inlineText('odd ` tick')).toBe('odd \\` tick');
    expect(codeSpan('we`ird|name')).toBe('``we`ird\\|name``');
  });

  it('folds a long table into <details>', () => {
    const many: Finding[] = Array.from({ length: 12 }, (_, i) => ({
      ruleId: 'r',
      severity: 'warning',
      kind: 'openapi',
      file: src('orders.yaml'),
      line: i + 1,
      message: `finding ${i}`,
    }));
    const md = getReporter('markdown')(resolvePositions(many), CTX);
    expect(md).toContain('<details>\n<summary>Warnings (12)</summary>');
    expect(md.match(/^\| `src\/orders.yaml:/gm)).toHaveLength(12);
  });
});
