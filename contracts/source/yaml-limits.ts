/**
 * YAML resource limits shared by every loader: alias expansion (the "billion
 * laughs" alias bomb) and nesting depth, found on the parsed `yaml` Document
 * before anything expands it, and reported at the alias or node that crosses
 * the limit. The `yaml` package shares one object per anchor, so parsing stays
 * small; it is every later walker (Redocly's, the AsyncAPI parser's, lint
 * rules, breaking pairs) that would expand 9⁹ nodes. So the expanded size is
 * counted here, without expanding anything.
 */
import { createRequire } from 'node:module';
import type { Document, Node } from 'yaml';
import { MAX_NESTING_DEPTH, tooDeepMessage } from './depth.js';

// loaded on first use, so importing this module (the config loader does) costs nothing without YAML to read
let yamlModule: typeof import('yaml') | undefined;
const yaml = (): typeof import('yaml') => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof import('yaml'));

/** How many nodes all aliases of one file may expand to, in total (the documented limit, docs/limits.md). */
export const MAX_ALIAS_EXPANSION = 100_000;

/** The `maxAliasCount` handed to `yaml`'s `toJS` as a second net behind {@link findYamlLimitProblem}. */
export const MAX_ALIAS_COUNT = 1000;

/** A limit crossed at `offset` (0-based, into the source text). */
export interface YamlLimitProblem {
  offset: number;
  message: string;
  hint: string;
}

/**
 * The first alias whose expansion takes the file past {@link MAX_ALIAS_EXPANSION}
 * nodes, or the first node nested deeper than {@link MAX_NESTING_DEPTH}.
 * Iterative: the document may be as deep as the parser allows.
 */
export function findYamlLimitProblem(doc: Document, maxDepth = MAX_NESTING_DEPTH, maxExpansion = MAX_ALIAS_EXPANSION): YamlLimitProblem | undefined {
  const { isAlias, isCollection, isPair, isScalar } = yaml();
  const root = doc.contents as Node | null;
  if (!root) return undefined;
  // expanded size of each anchored node once its subtree is done
  const sizeOf = new Map<string, number>();
  let expanded = 0;
  // post-order walk: `size` accumulates a node's expanded size, `depth` counts collections
  type Frame = { node: unknown; depth: number; size: number; children?: unknown[]; next: number };
  const stack: Frame[] = [{ node: root, depth: 1, size: 1, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const node = frame.node;
    if (frame.children === undefined) {
      if (isAlias(node)) {
        // an alias of an anchor still open (an ancestor) is a cycle: depth finds it when expanded
        const size = sizeOf.get(node.source) ?? 1;
        expanded += size;
        if (expanded > maxExpansion) return aliasProblem(node.range?.[0] ?? 0, maxExpansion);
        frame.size = size;
        frame.children = [];
      } else if (isCollection(node)) {
        if (frame.depth > maxDepth) return depthProblem(node.range?.[0] ?? 0, maxDepth);
        frame.children = node.items as unknown[];
      } else if (isPair(node)) {
        frame.children = [node.key, node.value];
      } else {
        frame.children = [];
      }
    }
    if (frame.next < frame.children.length) {
      const child = frame.children[frame.next++];
      if (child === null || child === undefined || (typeof child !== 'object' && !isScalar(child))) continue;
      // a pair is not a level: its key and value sit at the map's depth + 1
      const depth = frame.depth + (isCollection(node) ? 1 : 0);
      stack.push({ node: child, depth, size: isAlias(child) ? 0 : 1, next: 0 });
      continue;
    }
    stack.pop();
    const anchor = (node as { anchor?: string }).anchor;
    if (anchor) sizeOf.set(anchor, frame.size);
    const parent = stack[stack.length - 1];
    if (parent) parent.size += frame.size;
  }
  return undefined;
}

function aliasProblem(offset: number, max: number): YamlLimitProblem {
  return {
    offset,
    message: `This alias takes the expanded document past ${max.toLocaleString('en-US')} nodes (aliases of aliases multiply: an alias bomb); contractkit stops reading here.`,
    hint: 'Write the repeated content out, or use `$ref` to a shared component instead of nested YAML anchors and aliases (see docs/limits.md).',
  };
}

function depthProblem(offset: number, max: number): YamlLimitProblem {
  return { offset, ...tooDeepMessage(max) };
}

/** True when `text` may hold a YAML anchor and an alias (cheap pre-filter before a second parse). */
export function mayHoldAliases(text: string): boolean {
  return /(^|[\s[{,:-])&[^\s[\]{},]/.test(text) && /(^|[\s[{,:-])\*[^\s[\]{},]/.test(text);
}

/**
 * For loaders whose parser is not `yaml` (Redocly's js-yaml): parses `text`
 * with `yaml` only when it may hold aliases, and returns the limit it crosses
 * with 1-based line and column.
 */
export function checkYamlAliases(text: string): (YamlLimitProblem & { line: number; column: number }) | undefined {
  if (!mayHoldAliases(text)) return undefined;
  const { LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  // a syntax error is the real parser's to report
  if (doc.errors.length > 0) return undefined;
  const problem = findYamlLimitProblem(doc);
  if (!problem) return undefined;
  const { line, col } = lineCounter.linePos(problem.offset);
  return { ...problem, line, column: col };
}

/** A `yaml` parser message for a report: yaml turns a stack overflow on deep nesting into an error, said here as the limit it is. */
export function parserMessage(message: string): string {
  const first = message.split('\n')[0]!.trim();
  return /Maximum call stack size exceeded/.test(first) ? `nesting is deeper than ${MAX_NESTING_DEPTH} levels (the documented limit, see docs/limits.md)` : first;
}
