import { ChangeType } from '@graphql-inspector/core';
import { describe, expect, it } from 'vitest';
import { GRAPHQL_BREAKING_RULES, GRAPHQL_IDS } from './catalogue.js';

describe('the GraphQL breaking catalogue', () => {
  it('lists every graphql-inspector change name (directive usages as one family) and every id of our own', () => {
    const ids = new Set(GRAPHQL_BREAKING_RULES.map((r) => r.id));
    const missing = Object.values(ChangeType).filter((t) => !t.startsWith('DIRECTIVE_USAGE_') && !ids.has(t));
    expect(missing).toEqual([]);
    for (const id of Object.values(GRAPHQL_IDS)) expect(ids.has(id), id).toBe(true);
    expect(ids.has('breaking-change-needs-new-version')).toBe(true);
    expect(new Set(GRAPHQL_BREAKING_RULES.map((r) => r.id)).size).toBe(GRAPHQL_BREAKING_RULES.length);
  });
});
