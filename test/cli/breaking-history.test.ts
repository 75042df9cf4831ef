/**
 * The CI history check: `contractkit breaking --against HEAD~1` on a scratch
 * repository holding the orders example, through an additive commit (exit 0)
 * and a breaking one (exit 1); the markdown changelog; and the real
 * repository's examples/orders against the previous commit (HEAD~1).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageRoot } from '../../contracts/source/package-files.js';
import { runCli, type CliResult } from './run-cli.js';

const example = join(packageRoot(), 'examples/orders');

interface JsonReport {
  findings: { ruleId: string; severity: string; file: string; line: number }[];
  summary: { errors: number; warnings: number; infos: number };
}
const report = (r: CliResult): JsonReport => JSON.parse(r.stdout) as JsonReport;

/**
 * A scratch git repository for one describe block: `populate` fills it before
 * the first commit; `edit` replaces text in a file under `sub` (asserting it is there).
 */
function scratchHistory(prefix: string, sub: string, populate: (repo: string) => void) {
  const h = { repo: '', dir: '' };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: h.repo, stdio: 'pipe' });
  const edit = (rel: string, from: string, to: string) => {
    const path = join(h.dir, rel);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(from);
    writeFileSync(path, text.replace(from, to));
  };
  beforeAll(() => {
    h.repo = mkdtempSync(join(tmpdir(), prefix));
    h.dir = join(h.repo, sub);
    populate(h.repo);
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'ci@example.com');
    git('config', 'user.name', 'CI');
    git('add', '.');
    git('commit', '-qm', 'initial');
  });
  afterAll(() => rmSync(h.repo, { recursive: true, force: true }));
  return { h, git, edit };
}

describe('breaking --against HEAD~1 over a scratch history of examples/orders', () => {
  const { h, git, edit } = scratchHistory('contractkit-history-', 'orders', (repo) =>
    cpSync(example, join(repo, 'orders'), { recursive: true, filter: (src) => !/[/\\](generated|previous|node_modules)$/.test(src) }),
  );

  it('an additive commit passes (exit 0) and the markdown changelog lists it', () => {
    // a new event on a new channel, published by the orders service
    edit(
      'asyncapi/order-events.yaml',
      '\noperations:\n',
      [
        '  orderNoteAdded:',
        '    address: order.note-added',
        '    description: Notes added to orders.',
        '    messages:',
        '      orderNoteAdded:',
        '        name: orderNoteAdded',
        '        x-event-type: order.note-added',
        '        x-event-version: 1',
        '        payload:',
        '          type: object',
        '          properties:',
        '            orderId: { type: string }',
        '            note: { type: string }',
        '',
        'operations:',
        '  publishOrderNoteAdded:',
        '    action: send',
        '    channel:',
        "      $ref: '#/channels/orderNoteAdded'",
        '',
      ].join('\n'),
    );
    git('commit', '-qam', 'order.note-added event');
    // one run, read as the PR comment it becomes: a heading, then the changes grouped by level
    const md = runCli(['breaking', '--against', 'HEAD~1', '--format', 'markdown', '--level', 'info'], h.dir);
    expect(md.stderr).toBe('');
    expect(md.code).toBe(0);
    expect(md.stdout).not.toContain('#### Errors');
    for (const id of ['channel-added', 'operation-added', 'message-added']) expect(md.stdout).toContain(`\`${id}\``);
    expect(md.stdout).toMatch(/^### .+/);
    expect(md.stdout).toMatch(/#### Infos \(\d+\)|<summary>Infos \(\d+\)<\/summary>/);
    expect(md.stdout).toContain('| `asyncapi/order-events.yaml:');
    expect(md.stdout).toContain('Channel `orderNoteAdded` (`order.note-added`) was added.');
  });

  it('a breaking commit fails (exit 1) with the Confluent difference and the versioning rule', () => {
    edit('asyncapi/shared/messages.yaml', 'customerId: { type: string, format: uuid }', 'customerId: { type: integer }');
    git('commit', '-qam', 'customerId becomes a number');
    const r = runCli(['breaking', '--against', 'HEAD~1', '--format', 'json'], h.dir);
    expect(r.stderr).toBe('');
    const out = report(r);
    const errors = out.findings.filter((f) => f.severity === 'error');
    expect(new Set(errors.map((f) => f.ruleId))).toEqual(new Set(['TYPE_CHANGED', 'event-breaking-needs-new-version']));
    expect(errors.every((f) => f.file === 'asyncapi/shared/messages.yaml')).toBe(true);
    expect(r.code).toBe(1);

  });

  it('an x-contractkit-allow-breaking note with a reason lets the same change pass', () => {
    edit(
      'asyncapi/shared/messages.yaml',
      '  orderCreated:\n    name: orderCreated\n',
      '  orderCreated:\n    name: orderCreated\n    x-contractkit-allow-breaking:\n      reason: No consumer reads customerId yet (checked with every team).\n',
    );
    git('commit', '-qam', 'acknowledge');
    const r = runCli(['breaking', '--against', 'HEAD~2', '--format', 'json'], h.dir);
    expect(report(r).summary.errors).toBe(0);
    expect(r.code).toBe(0);
  });
});

describe('breaking --against HEAD~1 over the example GraphQL subgraphs', () => {
  const { h, git, edit } = scratchHistory('contractkit-graphql-history-', '.', (repo) => {
    cpSync(join(example, 'graphql'), join(repo, 'graphql'), { recursive: true });
    writeFileSync(join(repo, 'contractkit.yaml'), 'version: 1\ncontracts:\n  customers-graph:\n    graphql: graphql/customers.graphql\n    subgraph: customers\n  orders-graph:\n    graphql: graphql/orders.graphql\n    subgraph: orders\n');
  });

  it('a removed field fails (exit 1) under graphql-inspector\'s id, at the type that lost it, with the versioning rule', () => {
    edit('graphql/customers.graphql', '  email: String!\n  tier', '  tier');
    git('commit', '-qam', 'drop Customer.email');
    const r = runCli(['breaking', '--against', 'HEAD~1', '--format', 'json'], h.repo);
    expect(r.stderr).toBe('');
    expect(report(r).findings.map((f) => [f.ruleId, f.severity, f.file, f.line])).toEqual([
      ['breaking-change-needs-new-version', 'error', 'graphql/customers.graphql', 4],
      ['FIELD_REMOVED', 'error', 'graphql/customers.graphql', 27],
    ]);
    expect(r.code).toBe(1);
  });

  it('moving the field to the other subgraph with @override is no breaking change (exit 0)', () => {
    git('reset', '-q', '--hard', 'HEAD~1');
    edit('graphql/customers.graphql', '  email: String!\n  tier', '  tier');
    edit('graphql/orders.graphql', 'type Customer @key(fields: "id") {\n  id: ID!\n', 'type Customer @key(fields: "id") {\n  id: ID!\n  email: String! @override(from: "customers")\n');
    edit('graphql/orders.graphql', 'import: ["@key", "@shareable"]', 'import: ["@key", "@shareable", "@override"]');
    git('commit', '-qam', 'move Customer.email to orders');
    const r = runCli(['breaking', '--against', 'HEAD~1', '--format', 'json', '--level', 'info'], h.repo);
    expect(r.stderr).toBe('');
    expect(report(r).findings.map((f) => [f.ruleId, f.severity, f.file])).toEqual([
      ['FIELD_ADDED', 'info', 'graphql/orders.graphql'],
      ['graphql-field-moved-subgraph', 'info', 'graphql/orders.graphql'],
    ]);
    expect(r.code).toBe(0);
  });
});

describe('the repository’s own examples/orders', () => {
  const hasHistory = (() => {
    try {
      execFileSync('git', ['rev-parse', '--verify', '-q', 'HEAD~1^{commit}'], { cwd: example, stdio: 'pipe' });
      return true;
    } catch {
      return false;
    }
  })();

  // what CI checks on every submission: the example contracts as committed against the commit before
  it.skipIf(!hasHistory)('has no breaking errors against the previous commit (HEAD~1)', () => {
    const r = runCli(['breaking', '--against', 'HEAD~1', '--format', 'json'], example);
    expect(r.stderr).toBe('');
    expect(report(r).findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(r.code).toBe(0);
  });
});
