/**
 * The documented nesting limit of every contract and config file. Loaders
 * check it right after parsing, before anything recursive (Redocly's walker,
 * the AsyncAPI parser, lint rules, breaking comparisons, generators) sees the
 * data, so a 10,000-deep document is a located finding, not a stack overflow.
 *
 * 100 is the limit js-yaml (Redocly's YAML parser) already applies to YAML
 * OpenAPI files; it holds for JSON and for every other loader too, so one
 * number is documented (docs/limits.md). Real contracts stay far below it: a
 * schema level costs two (`properties` → name), so it allows ~45 levels of
 * nested object schemas.
 */

/** Deepest nesting of objects/arrays (the document root is level 1) any contract file may have. */
export const MAX_NESTING_DEPTH = 100;

/**
 * The path (segments from the root) of the first object or array nested
 * deeper than `max`, or undefined when the value stays within it. Iterative:
 * safe on any depth a parser can produce.
 */
export function findTooDeep(value: unknown, max = MAX_NESTING_DEPTH): string[] | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  // each entry: a container, its depth and its path; the path is rebuilt only for the hit
  const stack: { node: object; depth: number; parent?: { key: string; up: unknown } }[] = [{ node: value, depth: 1 }];
  type Link = { key: string; up: unknown };
  while (stack.length > 0) {
    const { node, depth, parent } = stack.pop()!;
    if (depth > max) {
      const path: string[] = [];
      for (let l: Link | undefined = parent; l; l = l.up as Link | undefined) path.unshift(l.key);
      return path;
    }
    const entries: [string, unknown][] = Array.isArray(node) ? node.map((v, i) => [String(i), v]) : Object.entries(node);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i]!;
      if (child !== null && typeof child === 'object') stack.push({ node: child, depth: depth + 1, parent: { key, up: parent } });
    }
  }
  return undefined;
}

/** The message and hint of a too-deep finding. */
export function tooDeepMessage(max = MAX_NESTING_DEPTH): { message: string; hint: string } {
  return {
    message: `Nesting is deeper than ${max} levels here; contractkit reads documents up to ${max} levels of nested objects and arrays.`,
    hint: 'Flatten the structure: move deeply nested schemas to named components and refer to them with `$ref` (see docs/limits.md).',
  };
}
