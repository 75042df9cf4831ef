/**
 * Every OpenAPI breaking id has a purpose sentence of its own: what changed
 * and whether it breaks clients, in words beyond its id's (issue 13, item 8).
 */
import { describe, expect, it } from 'vitest';
import { OPENAPI_BREAKING_RULES } from './catalogue.js';

const VERDICT = { error: /\b(Breaking|An error):/, warning: /\bA warning:/, info: /\bNot breaking:/ } as const;

/** The words of `text` that are not in `id` (lower case, letters and digits only). */
function wordsBeyondId(id: string, text: string): string[] {
  const own = new Set(id.split('-'));
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter((w) => !own.has(w));
}

describe('purpose sentences of the OpenAPI breaking ids', () => {
  it('finds a description made of its id\'s words (the check can fail)', () => {
    expect(wordsBeyondId('request-parameter-removed', 'Request parameter removed.')).toEqual([]);
  });

  it.each(OPENAPI_BREAKING_RULES.map((r) => [r.id, r] as const))('%s', (_, rule) => {
    expect(rule.description).toMatch(/^[A-Z`].*[.?]$/s);
    expect(rule.description).not.toMatch(/%[svdq]|\s{2}|,,/);
    // more than the id's words: at least what changed and a verdict
    expect(wordsBeyondId(rule.id, rule.description).length).toBeGreaterThanOrEqual(4);
    expect(rule.description).toMatch(VERDICT[rule.severity as keyof typeof VERDICT]);
  });

  it('no two ids share a sentence', () => {
    const seen = new Map<string, string>();
    const shared = OPENAPI_BREAKING_RULES.filter((r) => seen.has(r.description) || !seen.set(r.description, r.id)).map((r) => `${r.id} = ${seen.get(r.description)}`);
    expect(shared).toEqual([]);
  });
});
