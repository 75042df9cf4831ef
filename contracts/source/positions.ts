/**
 * Source text and positions: turns (file, JSON pointer) into line and column.
 *
 * Positions are resolved only for findings that get reported. JSON files use a
 * scanner that skips what it does not need; YAML files are parsed once with
 * `yaml` (keeping its CST ranges) and cached.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Node, Document } from 'yaml';
import { locateJsonPointer, locateJsonPointers, type TextRange } from './json-locate.js';

/** A 1-based position range. */
export interface Position {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

interface CachedSource {
  text: string;
  lineStarts?: number[];
  yaml?: Document.Parsed;
  /** Ranges found by {@link prefetchPositions}, keyed by pointer (+ `\0k` for keys); null = absent. */
  ranges?: Map<string, TextRange | null>;
}

const cache = new Map<string, CachedSource>();

/** Registers text for a file (the loader already read it, or it came from a git ref). */
export function setSourceText(file: string, text: string): void {
  cache.set(file, { text });
}

/** The text of a file, read once. Returns undefined when it cannot be read. */
export function getSourceText(file: string): string | undefined {
  const hit = cache.get(file);
  if (hit) return hit.text;
  try {
    const text = readFileSync(file, 'utf8');
    cache.set(file, { text });
    return text;
  } catch {
    return undefined;
  }
}

/** Forgets cached sources (tests, watch mode). */
export function clearSourceCache(): void {
  cache.clear();
}

// the same `$ref` pointers are followed again and again (a shared schema is referenced thousands of times)
const segmentCache = new Map<string, readonly string[]>();

/** Splits a JSON pointer (`/paths/~1orders/get`) into unescaped segments (a fresh array the caller may keep). */
export function pointerSegments(pointer: string): string[] {
  let segments = segmentCache.get(pointer);
  if (segments === undefined) {
    const p = pointer.startsWith('#') ? pointer.slice(1) : pointer;
    segments =
      p === '' || p === '/'
        ? p === '/'
          ? ['']
          : []
        : p
            .slice(1)
            .split('/')
            .map((s) => (s.includes('%') ? safeDecode(s) : s).replace(/~1/g, '/').replace(/~0/g, '~'));
    if (segmentCache.size > 100_000) segmentCache.clear();
    segmentCache.set(pointer, segments);
  }
  return [...segments];
}

// URI-fragment pointers are percent-encoded; plain ones may hold a lone `%`
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Builds a JSON pointer from segments. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/** Converts an offset to a 1-based line and column. */
export function offsetToLineColumn(file: string, offset: number): { line: number; column: number } {
  const src = cache.get(file) ?? (getSourceText(file) !== undefined ? cache.get(file) : undefined);
  if (!src) return { line: 1, column: 1 };
  if (!src.lineStarts) {
    const starts = [0];
    const t = src.text;
    // indexOf runs natively: several times faster than a charCodeAt loop on a 13 MB file
    for (let i = t.indexOf('\n'); i !== -1; i = t.indexOf('\n', i + 1)) starts.push(i + 1);
    src.lineStarts = starts;
  }
  const starts = src.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

/**
 * Position of the value (or key) at `pointer` in `file`. Falls back to the
 * deepest ancestor that exists, then to the top of the file.
 */
export function positionOf(file: string, pointer: string | undefined, onKey = false): Position {
  const text = getSourceText(file);
  if (text === undefined) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const segments = pointer ? pointerSegments(pointer) : [];
  const range = deepestRange(file, text, segments, onKey)?.range;
  if (!range) return { line: 1, column: 1, endLine: 1, endColumn: 1 };
  const start = offsetToLineColumn(file, range.start);
  const end = offsetToLineColumn(file, Math.max(range.start, range.end));
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

/** The range of the deepest prefix of `segments` that exists in the file, and how many segments it has. */
function deepestRange(file: string, text: string, segments: string[], onKey: boolean): { range: TextRange; depth: number } | undefined {
  for (let n = segments.length; n >= 0; n--) {
    const range = locate(file, text, segments.slice(0, n), onKey && n === segments.length);
    if (range) return { range, depth: n };
  }
  return undefined;
}

/**
 * The deepest prefix of `pointer` that exists in `file` (`''` at worst): where
 * a finding about something no longer there can point.
 */
export function survivingPointer(file: string, pointer: string): string {
  const text = getSourceText(file);
  const segments = pointerSegments(pointer);
  if (text === undefined) return '';
  return toPointer(segments.slice(0, deepestRange(file, text, segments, false)?.depth ?? 0));
}

function isJson(file: string, text: string): boolean {
  const first = text.trimStart()[0];
  return (first === '{' || first === '[') && !/\.ya?ml$/i.test(file);
}

function locate(file: string, text: string, segments: string[], onKey: boolean): TextRange | undefined {
  const ranges = cache.get(file)?.ranges;
  if (ranges) {
    const hit = ranges.get(onKey ? `${toPointer(segments)}\0k` : toPointer(segments));
    if (hit !== undefined) return hit ?? undefined;
  }
  // a JSON file is never handed to the YAML parser: on a large description that costs seconds
  if (isJson(file, text)) return locateJsonPointer(text, segments, onKey);
  return locateYamlPointer(file, text, segments, onKey);
}

/**
 * Locates many pointers of one JSON file in a single pass, so reporting
 * thousands of findings on a large description stays linear. Later
 * {@link positionOf} calls for these pointers are answered from the result.
 */
export function prefetchPositions(file: string, requests: readonly { pointer?: string; onKey?: boolean }[]): void {
  const text = getSourceText(file);
  if (text === undefined || !isJson(file, text) || requests.length < 8) return;
  const src = cache.get(file)!;
  const ranges = (src.ranges ??= new Map());
  const wanted = requests
    .filter((r) => r.pointer !== undefined)
    .map((r) => {
      const segments = pointerSegments(r.pointer!);
      const onKey = r.onKey ?? false;
      return { pointer: toPointer(segments), segments, onKey };
    });
  const found = locateJsonPointers(text, wanted);
  for (const w of wanted) {
    const k = w.onKey ? `${w.pointer}\0k` : w.pointer;
    ranges.set(k, found.get(k) ?? null);
  }
}

let yaml: typeof import('yaml') | undefined;
function yamlModule(): typeof import('yaml') {
  return (yaml ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));
}

function locateYamlPointer(file: string, text: string, segments: string[], onKey: boolean): TextRange | undefined {
  const src = cache.get(file)!;
  // loaded here, not at the top: a run that reports nothing in YAML (a cached generate, a JSON contract) skips it
  const { LineCounter, parseDocument, isMap, isSeq, isScalar, isPair } = yamlModule();
  if (!src.yaml) {
    src.yaml = parseDocument(text, { keepSourceTokens: false, lineCounter: new LineCounter(), uniqueKeys: false });
  }
  let node: unknown = src.yaml.contents;
  let keyNode: unknown;
  for (const segment of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && String(isScalar(p.key) ? p.key.value : p.key) === segment);
      if (!pair) return undefined;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(segment)];
      keyNode = undefined;
      if (node === undefined) return undefined;
    } else {
      return undefined;
    }
  }
  const target = (onKey && keyNode ? keyNode : node ?? keyNode) as Node | undefined;
  const range = target?.range;
  if (!range) return segments.length === 0 ? { start: 0, end: 0 } : undefined;
  return { start: range[0], end: range[1] };
}
