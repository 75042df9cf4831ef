import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffAsyncApi } from './asyncapi/index.js';
import { applyAllowBreakingNotes, applyBreakingSuppressions, createBreakingSuppressor } from './suppress.js';
import { loadAsyncApi } from '../../contracts/asyncapi/load.js';
import { packageRoot } from '../../contracts/source/package-files.js';
import type { AsyncApiContract } from '../../contracts/model/types.js';
import type { Finding } from '../../contracts/finding.js';
import { entryMatches } from '../suppress/ignore-file.js';

const ROOT = packageRoot();
const DIR = join(ROOT, 'test/fixtures/breaking/suppress');
const PREVIOUS = join(ROOT, 'test/fixtures/breaking/asyncapi/closed-optional-added-send/previous.yaml');
const CURRENT = join(ROOT, 'test/fixtures/breaking/asyncapi/closed-optional-added-send/current.yaml');

async function load(path: string): Promise<AsyncApiContract> {
  const out = await loadAsyncApi({ name: 'events', kind: 'asyncapi', path }, { cwd: ROOT, rootDir: ROOT, allowRemoteRefs: false });
  if (!out.contract) throw new Error(JSON.stringify(out.findings));
  return out.contract;
}

async function findingsFor(current: string): Promise<{ findings: Finding[]; files: string[] }> {
  const [prev, curr] = await Promise.all([load(PREVIOUS), load(current)]);
  return { findings: diffAsyncApi(prev, curr, { level: 'warning' }), files: curr.files };
}

const ids = (fs: Finding[]): string[] => fs.map((f) => f.ruleId).sort();

describe('x-contractkit-allow-breaking', () => {
  it('a note with a reason on the message acknowledges every finding under it', async () => {
    const { findings, files } = await findingsFor(join(DIR, 'note-all.yaml'));
    expect(ids(findings)).toEqual(['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL', 'event-breaking-needs-new-version']);
    expect(applyAllowBreakingNotes(findings, files, 'warning')).toEqual([]);
  });

  it('`rules` limits what it acknowledges', async () => {
    const { findings, files } = await findingsFor(join(DIR, 'note-one-rule.yaml'));
    expect(ids(applyAllowBreakingNotes(findings, files, 'warning'))).toEqual(['event-breaking-needs-new-version']);
  });

  it('a note without a reason acknowledges nothing and is an error at the note', async () => {
    const { findings, files } = await findingsFor(join(DIR, 'note-no-reason.yaml'));
    const out = applyAllowBreakingNotes(findings, files, 'warning');
    expect(ids(out)).toEqual(['PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL', 'allow-breaking-invalid', 'event-breaking-needs-new-version']);
    const bad = out.find((f) => f.ruleId === 'allow-breaking-invalid')!;
    expect(bad.severity).toBe('error');
    expect(bad.pointer).toBe('/components/messages/orderPlaced/x-contractkit-allow-breaking');
    expect(bad.message).toContain('no `reason`');
  });

  it('a note that acknowledges nothing is listed at info level only', async () => {
    const { findings, files } = await findingsFor(join(DIR, 'note-unused.yaml'));
    expect(findings).toEqual([]);
    expect(applyAllowBreakingNotes(findings, files, 'warning')).toEqual([]);
    const info = applyAllowBreakingNotes(findings, files, 'info');
    expect(ids(info)).toEqual(['allow-breaking-unused']);
    expect(info[0]!.pointer).toBe('/channels/orderPlaced/x-contractkit-allow-breaking');
  });

  it('OpenAPI: notes on an operation (with rules) and on a schema reached through $ref', () => {
    const file = join(DIR, 'openapi.yaml');
    const at = (ruleId: string, pointer: string): Finding => ({ ruleId, severity: 'error', kind: 'openapi', file, pointer, message: ruleId });
    const schemaPtr = '/paths/~1orders~1{orderId}/get/responses/200/content/application~1json/schema/properties/total';
    const out = applyAllowBreakingNotes(
      [
        at('response-property-removed', '/paths/~1orders~1{orderId}/get/responses/200'),
        at('request-parameter-type-changed', '/paths/~1orders~1{orderId}/get/parameters/0'),
        at('response-property-type-changed', schemaPtr),
        at('api-path-removed-without-deprecation', '/paths/~1customers'),
      ],
      [file],
      'warning',
    );
    // the operation's note covers only response-property-removed; the Order schema's note covers the schema finding
    expect(ids(out)).toEqual(['api-path-removed-without-deprecation', 'request-parameter-type-changed']);
  });

  it('findings about removed elements (in the previous version) are never acknowledged by notes', () => {
    const file = join(DIR, 'openapi.yaml');
    const f: Finding = { ruleId: 'response-property-removed', severity: 'error', kind: 'openapi', file, pointer: '/paths/~1orders~1{orderId}/get', sourceFile: '/tmp/prev/openapi.yaml', message: 'x' };
    expect(applyAllowBreakingNotes([f], [file], 'warning')).toEqual([f]);
  });
});

describe('the ignore file', () => {
  it('suppresses listed findings; an expired entry suppresses nothing and fails the run', async () => {
    const { findings } = await findingsFor(CURRENT);
    // applied after the differ, the versioning finding stays (the CLI hands the suppressor to the differ instead)
    const out = applyBreakingSuppressions(findings, { files: [CURRENT], ignoreFile: join(DIR, 'ignore.yaml'), level: 'warning', today: new Date('2026-06-01') });
    expect(ids(out)).toEqual(['event-breaking-needs-new-version', 'ignore-expired']);
    const expired = out.find((f) => f.ruleId === 'ignore-expired')!;
    expect(expired.severity).toBe('error');
    expect(expired.message).toContain('expired on 2020-01-31');
  });

  it('handed to the differ, ignored changes are not counted by the versioning rule', async () => {
    const [prev, curr] = await Promise.all([load(PREVIOUS), load(CURRENT)]);
    const suppressor = createBreakingSuppressor({ files: curr.files, ignoreFile: join(DIR, 'ignore.yaml'), level: 'warning', today: new Date('2026-06-01') });
    const out = [...diffAsyncApi(prev, curr, { level: 'warning', suppress: (fs) => suppressor.filter(fs) }), ...suppressor.extras()];
    expect(ids(out)).toEqual(['ignore-expired']);
  });

  it('an entry naming where a removed element was still covers its finding (reported at the surviving parent)', () => {
    const file = join(DIR, 'openapi.yaml');
    const removal: Finding = {
      ruleId: 'api-path-removed-without-deprecation',
      severity: 'error',
      kind: 'openapi',
      file,
      pointer: '/paths',
      previous: { file, pointer: '/paths/~1customers' },
      message: 'x',
    };
    const entry = (pointer: string) => ({ rule: removal.ruleId, file, pointer, reason: 'Never released.', index: 0 });
    expect(entryMatches(entry('/paths/~1customers'), removal)).toBe(true);
    expect(entryMatches(entry('/paths/~1orders'), removal)).toBe(false);
  });

  it('a missing ignore file changes nothing', async () => {
    const { findings } = await findingsFor(CURRENT);
    expect(applyBreakingSuppressions(findings, { files: [CURRENT], ignoreFile: join(DIR, 'absent.yaml'), level: 'warning' })).toEqual(findings);
  });
});
