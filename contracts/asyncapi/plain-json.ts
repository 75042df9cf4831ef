/**
 * Plain-JSON copies of parser output: the parser decorates documents and
 * schemas with `x-parser-*` keys and may leave circular references where
 * schemas refer to themselves. Our model holds neither.
 */

/** True for keys the parser adds (`x-parser-schema-id`, `x-parser-message-name`, …). */
export function isParserKey(key: string): boolean {
  return key.startsWith('x-parser-');
}

/**
 * Deep copy without `x-parser-*` keys. A reference back to an object that is
 * still being copied (a cycle) becomes `{ $ref: '#<pointer of that object>' }`,
 * relative to the copied root, so the result is a tree JSON.stringify accepts.
 * Shared (non-cyclic) sub-objects are copied once and shared again.
 */
export function toPlainJson<T = unknown>(value: T): T {
  const done = new Map<object, unknown>();
  const inProgress = new Map<object, string>();

  const copy = (v: unknown, pointer: string): unknown => {
    if (v === null || typeof v !== 'object') return v;
    const seen = done.get(v);
    if (seen !== undefined) return seen;
    const open = inProgress.get(v);
    if (open !== undefined) return { $ref: '#' + open };
    inProgress.set(v, pointer);
    let out: unknown;
    if (Array.isArray(v)) {
      out = v.map((item, i) => copy(item, `${pointer}/${i}`));
    } else {
      const obj: Record<string, unknown> = {};
      for (const [k, item] of Object.entries(v)) {
        if (isParserKey(k) || item === undefined) continue;
        obj[k] = copy(item, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
      }
      out = obj;
    }
    inProgress.delete(v);
    done.set(v, out);
    return out;
  };

  return copy(value, '') as T;
}
