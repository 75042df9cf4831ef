/**
 * Recursion. A named type may refer to itself through an object member or
 * an array element (`type Tree = { children?: Tree[] }` is fine), but not in
 * alias position: `type A = B | null; type B = A & {…}` is a circular alias
 * TypeScript rejects. Those refs print as `unknown`. Unnamed refs followed
 * inline are cut at the first repeat (`InlineStack`).
 */
import type { JsonSchema } from '../../../contracts/model/types.js';
import { isSchemaObject } from './types.js';

/** Which named types each named type refers to in alias position (refs outside object members and array items). */
export function aliasEdges<K>(schemas: ReadonlyMap<K, JsonSchema>, target: (ref: string) => K | undefined): (from: K, to: K) => boolean {
  const edges = new Map<K, Set<K>>();
  const scan = (node: unknown, acc: Set<K>) => {
    if (!isSchemaObject(node)) return;
    if (typeof node.$ref === 'string') {
      const t = target(node.$ref);
      if (t !== undefined) acc.add(t);
      return;
    }
    for (const k of ['allOf', 'oneOf', 'anyOf']) if (Array.isArray(node[k])) for (const m of node[k] as unknown[]) scan(m, acc);
  };
  for (const [key, schema] of schemas) {
    const acc = new Set<K>();
    edges.set(key, acc);
    scan(schema, acc);
  }
  // whether `to` is reachable from `from` along alias edges
  return (from, to) => {
    const stack = [from];
    const seen = new Set<K>();
    while (stack.length) {
      const x = stack.pop()!;
      if (x === to) return true;
      if (seen.has(x)) continue;
      seen.add(x);
      stack.push(...(edges.get(x) ?? []));
    }
    return false;
  };
}

/** The unnamed refs being printed inline: a ref met again inside itself is `unknown` (else the text would be infinite). */
export class InlineStack {
  private readonly open = new Set<string>();

  /** `print()` of the ref's target, or `unknown` when the ref is already being printed. */
  enter(ref: string, print: () => string): string {
    if (this.open.has(ref)) return 'unknown';
    this.open.add(ref);
    try {
      return print();
    } finally {
      this.open.delete(ref);
    }
  }

  /** Marks `ref` as being printed (the named type being declared). */
  hold(ref: string): void {
    this.open.add(ref);
  }
}
