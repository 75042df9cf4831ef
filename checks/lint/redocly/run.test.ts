import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { UserContext } from '@redocly/openapi-core';
import type { RedoclyRule } from '../rule.js';
import { operationSuccessStatus, pathNoVerbs } from '../openapi/index.js';
import { lineOf } from '../openapi/support/testing.js';
import { redoclyRulesForPreset } from './presets.js';
import { runRedoclyLint } from './run.js';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/lint/openapi/', import.meta.url));
const dupes = fixtures + 'redocly-config/openapi.yaml';

describe('runRedoclyLint', () => {
  it("runs Redocly's own recommended rules under their own ids", async () => {
    const findings = await runRedoclyLint({ source: readFileSync(dupes, 'utf8'), absoluteRef: dupes, rules: [], ...redoclyRulesForPreset('recommended') });
    const unique = findings.find((f) => f.ruleId === 'operation-operationId-unique');
    expect(unique).toMatchObject({ severity: 'error', kind: 'openapi', file: dupes });
    // Redocly points below the operation (`…/get/listOrders`, its own quirk); positions fall back to the nearest existing node.
    expect(unique!.pointer!.startsWith('/paths/~1customers/get')).toBe(true);
    expect(lineOf(unique!)).toBe(16);
    expect(findings.some((f) => f.ruleId === 'operation-summary' && f.severity === 'error')).toBe(true);
    expect(findings.some((f) => f.ruleId.startsWith('ck/'))).toBe(false);
  });

  it('honors a redocly.yaml and its ignore file for Redocly rules', async () => {
    const findings = await runRedoclyLint({
      source: readFileSync(dupes, 'utf8'),
      absoluteRef: dupes,
      rules: [],
      redoclyConfigPath: fixtures + 'redocly-config/redocly.yaml',
    });
    const ids = new Set(findings.map((f) => f.ruleId));
    expect(ids.has('operation-operationId-unique')).toBe(true);
    expect(ids.has('operation-summary')).toBe(false);
    expect(ids.has('security-defined')).toBe(false);
  });

  it('maps our rules without the plugin prefix, with their configured severity (info included)', async () => {
    const source = `{"openapi":"3.1.0","info":{"title":"t","version":"1"},"paths":{"/v1/getOrders":{"get":{"responses":{"200":{"description":"ok"}}}}}}`;
    const findings = await runRedoclyLint({ source, absoluteRef: '/virtual/engine.json', rules: [{ rule: pathNoVerbs, severity: 'info' }] });
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'path-no-verbs', severity: 'info', pointer: '/paths/~1v1~1getOrders', onKey: true, file: '/virtual/engine.json' }),
    ]);
    expect(findings[0]!.hint).toBeTruthy();
  });

  it('reports in the file a node is written in (multi-file $refs)', async () => {
    const root = fixtures + 'multi-file/openapi.yaml';
    const findings = await runRedoclyLint({ source: readFileSync(root, 'utf8'), absoluteRef: root, rules: [{ rule: operationSuccessStatus, severity: 'warning' }] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'operation-success-status', file: fixtures + 'multi-file/paths/orders.yaml', pointer: '/post/responses/200' });
    expect(lineOf(findings[0]!)).toBe(4);
  });

  it('turns a rule that throws into an internal-error finding and keeps the other rules running', async () => {
    const broken: RedoclyRule = {
      ...pathNoVerbs,
      id: 'always-throws',
      visitor: () => ({ Operation: { enter: () => { throw new Error('boom'); } } }),
    };
    const source = `openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths:\n  /createOrder:\n    post: { responses: { '201': { description: ok } } }\n`;
    const findings = await runRedoclyLint({ source, absoluteRef: '/virtual/throws.yaml', rules: [{ rule: broken, severity: 'error' }, { rule: pathNoVerbs, severity: 'error' }] });
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['internal-error', 'path-no-verbs']);
    const internal = findings.find((f) => f.ruleId === 'internal-error')!;
    expect(internal.message).toContain('`always-throws`');
    expect(internal.message).toContain('boom');
    expect(internal.severity).toBe('warning');
  });

  it('runs AsyncAPI rules (async3) and reports them as asyncapi findings', async () => {
    const eventName: RedoclyRule = {
      id: 'test-event-name',
      kind: 'asyncapi',
      engine: 'redocly',
      specs: ['async3'],
      description: 'test',
      defaultSeverity: 'warning',
      presets: ['recommended', 'strict'],
      visitor: () => ({
        Message(node: { name?: string }, ctx: UserContext) {
          if (node.name && !/^[a-z]+\.[a-z]+$/.test(node.name)) ctx.report({ message: `bad name ${node.name}`, location: ctx.location.child(['name']) });
        },
      }),
    };
    const source = `asyncapi: 3.0.0
info: { title: events, version: 1.0.0 }
channels:
  orders:
    address: orders
    messages:
      placed: { name: OrderPlaced, payload: { type: object } }
`;
    const findings = await runRedoclyLint({ source, absoluteRef: '/virtual/events.yaml', rules: [{ rule: eventName, severity: 'warning' }] });
    expect(findings).toEqual([
      expect.objectContaining({ ruleId: 'test-event-name', kind: 'asyncapi', pointer: '/channels/orders/messages/placed/name', severity: 'warning' }),
    ]);
    expect(lineOf(findings[0]!)).toBe(7);
  });

  it('returns a finding, not a throw, for a document Redocly cannot lint', async () => {
    const findings = await runRedoclyLint({ source: 'hello: world\n', absoluteRef: '/virtual/not-a-spec.yaml', rules: [{ rule: pathNoVerbs, severity: 'error' }] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: 'internal-error', severity: 'error', file: '/virtual/not-a-spec.yaml' });
  });
});
