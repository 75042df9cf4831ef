/**
 * Read/write direction: which schemas print differently on the two sides of
 * the wire, because they (or what they refer to) hold `readOnly` or
 * `writeOnly` members. Only those get a second, request-side type.
 */
import type { JsonSchema } from '../../../contracts/model/types.js';
import { isSchemaObject } from './types.js';

/**
 * The named schemas (keys of `schemas`) that differ by direction: own
 * readOnly/writeOnly members below the root, or a reference to one that
 * does. `target(ref)` names the schema a ref points to; other local refs are
 * looked into through `resolve`. Values (`example`, `default`, `const`,
 * `enum`) are data, not schemas, and are not looked into.
 */
export function directionalSchemas<K>(schemas: ReadonlyMap<K, JsonSchema>, target: (ref: string) => K | undefined, resolve: (ref: string) => JsonSchema | undefined): Set<K> {
  const own = new Map<K, { rw: boolean; refs: Set<K> }>();
  const scan = (node: unknown, acc: { rw: boolean; refs: Set<K> }, root: boolean, seen: Set<unknown>) => {
    if (!isSchemaObject(node) && !Array.isArray(node)) return;
    if (seen.has(node)) return;
    seen.add(node);
    if (isSchemaObject(node)) {
      if (!root && (node.readOnly === true || node.writeOnly === true)) acc.rw = true;
      if (typeof node.$ref === 'string') {
        const t = target(node.$ref);
        if (t !== undefined) acc.refs.add(t);
        else if (node.$ref.startsWith('#')) scan(resolve(node.$ref), acc, false, seen);
      }
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'example' && k !== 'examples' && k !== 'default' && k !== 'const' && k !== 'enum') scan(v, acc, false, seen);
  };
  for (const [key, schema] of schemas) {
    const acc = { rw: false, refs: new Set<K>() };
    scan(schema, acc, true, new Set());
    own.set(key, acc);
  }
  const directional = new Set([...own].filter(([, a]) => a.rw).map(([k]) => k));
  for (let changed = true; changed; ) {
    changed = false;
    for (const [k, a] of own) if (!directional.has(k) && [...a.refs].some((r) => directional.has(r))) directional.add(k), (changed = true);
  }
  return directional;
}

/**
 * Whether `schema` (through the refs `resolve` follows from the document `doc`
 * it lives in, each once) has a readOnly/writeOnly member, so its two
 * directions differ. `memo` keeps the answer per ref key across calls.
 */
export function hasSides<D>(
  schema: JsonSchema | undefined,
  doc: D,
  resolve: (ref: string, doc: D) => { schema: JsonSchema; doc: D; key: string } | undefined,
  memo: Map<string, boolean>,
  seen = new Set<string>(),
): boolean {
  if (schema === undefined || typeof schema !== 'object') return false;
  const s = schema as Record<string, any>;
  if (typeof s.$ref === 'string') {
    const target = resolve(s.$ref, doc);
    if (!target || seen.has(target.key)) return false;
    if (memo.has(target.key)) return memo.get(target.key)!;
    seen.add(target.key);
    const r = hasSides(target.schema, target.doc, resolve, memo, seen);
    memo.set(target.key, r);
    return r;
  }
  if (s.readOnly === true || s.writeOnly === true) return true;
  const kids: unknown[] = [...Object.values(s.properties ?? {}), s.items, s.additionalProperties, ...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])];
  return kids.some((k) => typeof k === 'object' && k !== null && hasSides(k as JsonSchema, doc, resolve, memo, seen));
}
