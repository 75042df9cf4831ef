/**
 * `path-segment-case`: one case for every path segment (kebab-case by
 * default), and collection names in the plural (`/orders/{orderId}`).
 */
import type { UserContext } from '@redocly/openapi-core';
import pluralize from 'pluralize';
import type { RedoclyRule } from '../rule.js';
import { report } from '../redocly/report.js';
import { isItemPath, isParamSegment, isPlural, pathSegments } from './support/http.js';

/** The cases a segment can be required to use. */
export const SEGMENT_CASES: Record<string, RegExp> = {
  'kebab-case': /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
  snake_case: /^[a-z0-9]+(?:_[a-z0-9]+)*$/,
  camelCase: /^[a-z][a-zA-Z0-9]*$/,
  lowercase: /^[a-z0-9]+$/,
};

/** Rewrites a segment in kebab-case, for hints. */
function toCase(segment: string, style: string): string {
  const words = segment.split(/[-_\s]|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean).map((w) => w.toLowerCase());
  if (style === 'snake_case') return words.join('_');
  if (style === 'camelCase') return words.map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
  if (style === 'lowercase') return words.join('');
  return words.join('-');
}

/** The rule definition. */
export const pathSegmentCase: RedoclyRule = {
  id: 'path-segment-case',
  kind: 'openapi',
  engine: 'redocly',
  specs: ['oas3', 'oas2'],
  description: 'Path segments use one case (kebab-case by default) and collection names are plural.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      case: { enum: Object.keys(SEGMENT_CASES) },
      plural: { type: 'boolean', description: 'Require plural collection names (a segment followed by a path parameter).' },
      pluralExceptions: { type: 'array', items: { type: 'string' }, description: 'Collection segments that may stay singular.' },
      ignoreSegments: { type: 'array', items: { type: 'string' }, description: 'Segments not checked at all (prefixes, well-known names).' },
    },
    additionalProperties: false,
  },
  defaultOptions: { case: 'kebab-case', plural: true, pluralExceptions: [], ignoreSegments: ['.well-known'] },
  visitor(options) {
    const style = options.case as string;
    const pattern = SEGMENT_CASES[style] ?? SEGMENT_CASES['kebab-case']!;
    const exceptions = new Set(options.pluralExceptions as string[]);
    const ignored = new Set(options.ignoreSegments as string[]);
    // Paths with an item path beside them (`/orders` when `/orders/{orderId}` exists) name collections.
    let collections = new Set<string>();
    return {
      Root: {
        enter(root: any) {
          collections = new Set(
            Object.keys(root?.paths ?? {})
              .filter((p) => isItemPath(p))
              .map((p) => p.replace(/\/[^/]*\/*$/, '')),
          );
        },
      },
      PathItem(_node: unknown, ctx: UserContext) {
        const path = String(ctx.key);
        if (!path.startsWith('/')) return;
        const segments = pathSegments(path);
        segments.forEach((segment, i) => {
          if (isParamSegment(segment) || ignored.has(segment)) return;
          // `orders:batchGet` (custom method) and `openapi.json` (a file): check the name part.
          const name = segment.split(':')[0]!.replace(/\.[a-z0-9]+$/i, '');
          if (name && !pattern.test(name)) {
            report(ctx, {
              message: `Path segment \`${segment}\` in \`${path}\` is not ${style}.`,
              hint: `Write it as \`${toCase(name, style)}\`; one case across all paths keeps URLs guessable.`,
              location: ctx.location.key(),
            });
          }
          if (options.plural === false || exceptions.has(segment)) return;
          const next = segments[i + 1];
          const namesCollection =
            (next !== undefined && isParamSegment(next)) ||
            (next === undefined && collections.has(path.replace(/\/+$/, '')));
          if (namesCollection && !/^v\d+$/.test(name) && !isPlural(name)) {
            report(ctx, {
              message: `Collection segment \`${segment}\` in \`${path}\` is singular.`,
              hint: `Name collections in the plural (\`${pluralize(name)}\`, as in \`/orders/{orderId}\`), or add \`${segment}\` to \`pluralExceptions\` if it is uncountable.`,
              location: ctx.location.key(),
            });
          }
        });
      },
    };
  },
};
