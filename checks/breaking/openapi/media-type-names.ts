/**
 * Media type names as oasdiff compares them (diff/media_type_name.go,
 * diff/content_diff.go, checker/check_response_mediatype_name_updated.go).
 *
 * A media type removed from a response and one added to it are taken for the
 * same media type renamed when one contains the other: same type, and either
 * the same subtype with the old suffixes a prefix of the new ones
 * (`image/png+json` → `image/png+json+xml`), or a base type refined by a
 * suffix naming it (`application/json` → `application/problem+json`).
 * Parameters are ignored for pairing. A pair is then one change, not a removal
 * and an addition, and its schemas are compared with each other. Wildcards are
 * not special: `application/json` → `application/*` is not a pair (oasdiff
 * reports the removal and the addition).
 */

/** A parsed media type name: `application/problem+json; charset=utf-8`. */
export interface MediaTypeName {
  type: string;
  subtype: string;
  suffixes: string[];
  parameters: Map<string, string>;
}

/** Parses a media type name; undefined when it is not `type/subtype[+suffix…][; k=v…]`. */
export function parseMediaTypeName(name: string): MediaTypeName | undefined {
  const [head, ...params] = name.split(';');
  const parts = head.trim().toLowerCase().split('/');
  if (parts.length !== 2) return undefined;
  const type = parts[0].trim();
  const [subtype, ...suffixes] = parts[1].split('+').map((s) => s.trim());
  if (!type || !subtype || suffixes.some((s) => !s)) return undefined;
  const parameters = new Map<string, string>();
  for (const param of params) {
    if (param.trim() === '') continue;
    const eq = param.indexOf('=');
    if (eq <= 0) return undefined;
    const value = param.slice(eq + 1).trim();
    parameters.set(param.slice(0, eq).trim().toLowerCase(), value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value);
  }
  return { type, subtype, suffixes, parameters };
}

/** Whether `to` can be used where `from` was expected: `to` is `from` or a more specific form of it. */
export function isMediaTypeNameContained(from: string, to: string): boolean {
  const a = parseMediaTypeName(from);
  const b = parseMediaTypeName(to);
  if (!a || !b || a.type !== b.type) return false;
  if (a.suffixes.length === 0 && b.suffixes.length > 0 && b.suffixes[b.suffixes.length - 1] === a.subtype) return true;
  if (a.subtype !== b.subtype || b.suffixes.length < a.suffixes.length) return false;
  return a.suffixes.every((s, i) => b.suffixes[i] === s);
}

/**
 * Pairs the removed media types with the added ones (each added name, in
 * document order, takes the first unpaired removed name related to it).
 * Returns the pairs as [previous name, current name].
 */
export function pairRenamedMediaTypes(removed: string[], added: string[]): [string, string][] {
  const taken = new Set<string>();
  const pairs: [string, string][] = [];
  for (const to of added) {
    const from = removed.find((r) => !taken.has(r) && (isMediaTypeNameContained(r, to) || isMediaTypeNameContained(to, r)));
    if (from === undefined) continue;
    taken.add(from);
    pairs.push([from, to]);
  }
  return pairs;
}

/** One finding for a renamed media type: the id suffix after `response-media-type-` and its wording (after "Media type X of …"). */
export interface MediaTypeNameChange {
  suffix: 'name-changed' | 'name-generalized' | 'name-specialized' | 'parameter-added' | 'parameter-removed' | 'parameter-changed';
  text: string;
}

/**
 * Classifies a renamed media type as oasdiff does: parameters that only
 * appeared, only disappeared or only changed value are reported one by one;
 * parameters that moved in more than one direction, or together with the name
 * itself, are `name-changed` (they cannot be ordered). Otherwise the new name
 * is more specific (specialized) or more general (generalized) than the old.
 */
export function classifyMediaTypeRename(from: string, to: string): MediaTypeNameChange[] {
  const a = parseMediaTypeName(from)!;
  const b = parseMediaTypeName(to)!;
  const addedParams = [...b.parameters.keys()].filter((k) => !a.parameters.has(k));
  const removedParams = [...a.parameters.keys()].filter((k) => !b.parameters.has(k));
  const changedParams = [...a.parameters.keys()].filter((k) => b.parameters.has(k) && b.parameters.get(k) !== a.parameters.get(k));
  if (addedParams.length + removedParams.length + changedParams.length > 0) {
    const directions = [addedParams, removedParams, changedParams].filter((l) => l.length > 0).length;
    const nameAlsoChanged = a.type !== b.type || a.subtype !== b.subtype || a.suffixes.join('+') !== b.suffixes.join('+');
    if (directions > 1 || nameAlsoChanged) return [{ suffix: 'name-changed', text: `was changed to ${to}` }];
    return [
      ...addedParams.map((k): MediaTypeNameChange => ({ suffix: 'parameter-added', text: `gained the parameter \`${k}=${b.parameters.get(k)}\`` })),
      ...removedParams.map((k): MediaTypeNameChange => ({ suffix: 'parameter-removed', text: `lost the parameter \`${k}=${a.parameters.get(k)}\`` })),
      ...changedParams.map((k): MediaTypeNameChange => ({ suffix: 'parameter-changed', text: `had its parameter \`${k}\` changed from ${a.parameters.get(k)} to ${b.parameters.get(k)}` })),
    ];
  }
  return isMediaTypeNameContained(from, to)
    ? [{ suffix: 'name-specialized', text: `was specialized to ${to}` }]
    : [{ suffix: 'name-generalized', text: `was generalized to ${to}` }];
}
