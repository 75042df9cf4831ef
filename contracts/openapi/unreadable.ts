/**
 * The parts of an OpenAPI document the loader cannot read as the model and
 * skips: `paths` or a path item or operation that is not an object. Kept on
 * the contract (`unreadable`) so a generator can refuse a document it would
 * otherwise render without those parts, without reading the document itself.
 */
import type { UnreadablePart } from '../model/types.js';
import { isObject } from './locator.js';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace', 'query'];

/** What of `root` (a bundled OpenAPI document) is not an object where one must be, located by pointer. */
export function unreadableParts(root: Record<string, unknown>): UnreadablePart[] {
  const out: UnreadablePart[] = [];
  const paths = root.paths;
  if (paths !== undefined && !isObject(paths)) {
    out.push({ pointer: '/paths', message: '`paths` is not an object, so no operation can be read from it.', hint: 'Make `paths` a map of path templates to path items (`/orders: { get: … }`), or remove it.' });
    return out;
  }
  if (!isObject(paths)) return out;
  for (const [path, item] of Object.entries(paths)) {
    const p = `/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!isObject(item)) {
      out.push({ pointer: p, message: `The path item ${path} is not an object.`, hint: 'A path item maps HTTP methods to operations: `get: { responses: … }`.' });
      continue;
    }
    for (const m of METHODS) {
      if (item[m] !== undefined && !isObject(item[m])) out.push({ pointer: `${p}/${m}`, message: `The ${m.toUpperCase()} operation of ${path} is not an object.`, hint: 'An operation is an object with at least `responses`.' });
    }
  }
  return out;
}
