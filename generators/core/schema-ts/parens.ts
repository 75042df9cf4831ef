/**
 * Combining type texts: parentheses where precedence needs them, and unions
 * that collapse duplicates. Type texts are strings here, so `exact` reads the
 * top level of the text (skipping brackets, string literals and comments).
 */
import type { SchemaTsStyle } from './types.js';

/** Where `|` and `&` occur at the top level of a type text; `wrapped` when one pair of parentheses spans it all. */
export function topLevel(type: string): { union: boolean; intersection: boolean; wrapped: boolean } {
  let depth = 0;
  const r = { union: false, intersection: false, wrapped: type.startsWith('(') };
  for (let i = 0; i < type.length; i++) {
    const c = type[i];
    if (c === '/' && type[i + 1] === '*') {
      const end = type.indexOf('*/', i + 2);
      i = end < 0 ? type.length : end + 1;
      continue;
    }
    if (c === "'") {
      for (i++; i < type.length && type[i] !== "'"; i++) if (type[i] === '\\') i++;
      continue;
    }
    if (c === '(' || c === '{' || c === '[' || c === '<') depth++;
    else if (c === ')' || c === '}' || c === ']' || c === '>') {
      depth--;
      if (depth === 0 && i < type.length - 1) r.wrapped = false;
    } else if (depth === 0 && c === '|') r.union = true;
    else if (depth === 0 && c === '&') r.intersection = true;
  }
  return r;
}

/**
 * `type` ready to be an operand of `&` (or, with `strict`, of `[]`, where an
 * intersection needs parentheses too), in the style's reading of the text.
 */
export function group(type: string, style: SchemaTsStyle['parens'], strict = false): string {
  if (style === 'braces') return /[|&]/.test(type) && !/^\{[\s\S]*\}$/.test(type) ? `(${type})` : type;
  if (style === 'symbols') return /[|&]/.test(type) ? `(${type})` : type;
  const top = topLevel(type);
  if (top.wrapped) return type;
  return top.union || (strict && top.intersection) ? `(${type})` : type;
}

/** The exact union of `types`: duplicates once, `unknown` absorbs the rest, intersections parenthesised, `never` when empty. */
export function unionOf(types: readonly string[]): string {
  const unique = [...new Set(types)];
  if (unique.includes('unknown')) return 'unknown';
  if (unique.length === 0) return 'never';
  return unique
    .map((t) => {
      const top = topLevel(t);
      return top.intersection && !top.wrapped ? `(${t})` : t;
    })
    .join(' | ');
}

/** `types` joined by `|` in the style: exact unions collapse; the others list each member, grouped. */
export function joinUnion(types: readonly string[], style: SchemaTsStyle['parens']): string {
  return style === 'exact' ? unionOf(types) : types.map((t) => group(t, style)).join(' | ');
}
