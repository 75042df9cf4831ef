/**
 * Finds the text range of a JSON pointer in JSON text without building a tree.
 *
 * Written by hand because position-keeping parsers (yaml, yaml-ast-parser)
 * take seconds on a 13 MB description, while a finding needs only the one
 * path it names: this scanner skips every sibling value it does not enter.
 */

/** A half-open character range [start, end). */
export interface TextRange {
  start: number;
  end: number;
}

/** Range of the value (or, with `onKey`, the key) at `segments` in JSON `text`; undefined when absent. */
export function locateJsonPointer(text: string, segments: readonly string[], onKey = false): TextRange | undefined {
  let pos = skipWs(text, 0);
  let keyRange: TextRange | undefined;
  for (const segment of segments) {
    const ch = text[pos];
    if (ch === '{') {
      pos = skipWs(text, pos + 1);
      let found = false;
      while (text[pos] === '"') {
        const keyEnd = skipString(text, pos);
        const key = JSON.parse(text.slice(pos, keyEnd)) as string;
        const keyStart = pos;
        pos = skipWs(text, keyEnd);
        if (text[pos] !== ':') return undefined;
        pos = skipWs(text, pos + 1);
        if (key === segment) {
          keyRange = { start: keyStart, end: keyEnd };
          found = true;
          break;
        }
        pos = skipWs(text, skipValue(text, pos));
        if (text[pos] === ',') pos = skipWs(text, pos + 1);
      }
      if (!found) return undefined;
    } else if (ch === '[') {
      const index = Number(segment);
      if (!Number.isInteger(index) || index < 0) return undefined;
      pos = skipWs(text, pos + 1);
      for (let i = 0; i < index; i++) {
        if (text[pos] === ']') return undefined;
        pos = skipWs(text, skipValue(text, pos));
        if (text[pos] !== ',') return undefined;
        pos = skipWs(text, pos + 1);
      }
      if (text[pos] === ']') return undefined;
      keyRange = undefined;
    } else {
      return undefined;
    }
  }
  if (onKey && keyRange) return keyRange;
  return { start: pos, end: skipValue(text, pos) };
}

function skipWs(text: string, pos: number): number {
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === 32 || c === 10 || c === 13 || c === 9) pos++;
    else break;
  }
  return pos;
}

function skipString(text: string, pos: number): number {
  // pos is at the opening quote
  pos++;
  while (pos < text.length) {
    const c = text.charCodeAt(pos);
    if (c === 92) pos += 2; // backslash escape
    else if (c === 34) return pos + 1;
    else pos++;
  }
  return pos;
}

function skipValue(text: string, pos: number): number {
  const ch = text[pos];
  if (ch === '"') return skipString(text, pos);
  if (ch === '{' || ch === '[') {
    let depth = 0;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 34) {
        pos = skipString(text, pos);
        continue;
      }
      if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) {
        depth--;
        if (depth === 0) return pos + 1;
      }
      pos++;
    }
    return pos;
  }
  // number, true, false, null
  while (pos < text.length && !/[\s,\]}]/.test(text[pos]!)) pos++;
  return pos;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  /** Pointers (as given) that end at this node, and whether they want the key. */
  wants: { pointer: string; onKey: boolean }[];
}

/**
 * Ranges of many pointers in one pass over `text`: only the subtrees that hold
 * a requested pointer are entered, everything else is skipped. Linear in the
 * text at worst, where one {@link locateJsonPointer} call per finding would be
 * quadratic on a large document with thousands of findings.
 */
export function locateJsonPointers(
  text: string,
  requests: readonly { pointer: string; segments: readonly string[]; onKey: boolean }[],
): Map<string, TextRange> {
  const root: TrieNode = { children: new Map(), wants: [] };
  for (const r of requests) {
    let node = root;
    for (const s of r.segments) {
      let next = node.children.get(s);
      if (!next) node.children.set(s, (next = { children: new Map(), wants: [] }));
      node = next;
    }
    node.wants.push({ pointer: r.pointer, onKey: r.onKey });
  }
  const out = new Map<string, TextRange>();
  const key = (pointer: string, onKey: boolean) => (onKey ? `${pointer}\0k` : pointer);
  // iterative descent: returns the end offset of the value at `pos`
  const visit = (pos: number, node: TrieNode, keyRange: TextRange | undefined): number => {
    const end = node.children.size === 0 ? skipValue(text, pos) : descend(pos, node);
    for (const w of node.wants) out.set(key(w.pointer, w.onKey), w.onKey && keyRange ? keyRange : { start: pos, end });
    return end;
  };
  const descend = (pos: number, node: TrieNode): number => {
    const ch = text[pos];
    if (ch === '{') {
      pos = skipWs(text, pos + 1);
      while (text[pos] === '"') {
        const keyEnd = skipString(text, pos);
        const k = JSON.parse(text.slice(pos, keyEnd)) as string;
        const keyStart = pos;
        pos = skipWs(text, keyEnd);
        if (text[pos] !== ':') return pos;
        pos = skipWs(text, pos + 1);
        const child = node.children.get(k);
        pos = child ? visit(pos, child, { start: keyStart, end: keyEnd }) : skipValue(text, pos);
        pos = skipWs(text, pos);
        if (text[pos] === ',') pos = skipWs(text, pos + 1);
      }
      return text[pos] === '}' ? pos + 1 : pos;
    }
    if (ch === '[') {
      pos = skipWs(text, pos + 1);
      for (let i = 0; text[pos] !== ']' && pos < text.length; i++) {
        const child = node.children.get(String(i));
        pos = child ? visit(pos, child, undefined) : skipValue(text, pos);
        pos = skipWs(text, pos);
        if (text[pos] === ',') pos = skipWs(text, pos + 1);
        else break;
      }
      return text[pos] === ']' ? pos + 1 : pos;
    }
    return skipValue(text, pos);
  };
  visit(skipWs(text, 0), root, undefined);
  return out;
}
