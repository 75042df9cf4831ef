/**
 * The schema keywords compared beside types, enums, bounds and properties
 * (schema-compare.ts): `const`, `exclusiveMinimum`/`exclusiveMaximum`,
 * `multipleOf`, `uniqueItems`, `minProperties`/`maxProperties`,
 * `discriminator`, the JSON Schema 2020-12 applicators oasdiff checks
 * (`if`/`then`/`else`, `contains`, `prefixItems`, `dependentRequired`,
 * `dependentSchemas`, `patternProperties`, `propertyNames`, `unevaluated*`,
 * `content*`), and a property's own lifecycle (`deprecated` with `x-sunset`,
 * `x-stability-level`).
 *
 * Like the rest of the comparison, each change is recorded by suffix without
 * judging it; the catalogue decides, per direction, whether oasdiff names it.
 * `args.text` carries the wording the reporter appends to the subject.
 */
import { addDays, stabilityOf, STABILITY_LEVELS, sunsetOf } from './operations.js';
import { child, isObject, type DiffContext, type Json } from './context.js';
import type { SchemaNode } from './schema-compare.js';

function add(node: SchemaNode, suffix: string, pp: string, cp: string | undefined, text: string): void {
  node.changes.push({ suffix, args: { text }, prev: pp, curr: cp });
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function show(v: unknown): string {
  return JSON.stringify(v) ?? 'undefined';
}

/** Compares every keyword of this file between two resolved schemas. */
export function compareKeywords(ctx: DiffContext, node: SchemaNode, p: Json, c: Json, pp: string, cp: string): void {
  compareConst(node, p, c, pp, cp);
  compareExclusive(node, p, c, pp, cp);
  compareMultipleOf(node, p, c, pp, cp);
  compareObjectBounds(node, p, c, pp, cp);
  compareDiscriminator(node, p, c, pp, cp);
  compareApplicators(node, p, c, pp, cp);
  compareLifecycle(ctx, node, p, c, pp, cp);
}

function compareConst(node: SchemaNode, p: Json, c: Json, pp: string, cp: string): void {
  if (p.const === undefined && c.const === undefined) return;
  const a = show(p.const);
  const b = show(c.const);
  if (a === b) return;
  if (p.const === undefined) add(node, 'const-added', pp, cp, `was restricted to the const value ${b}`);
  else if (c.const === undefined) add(node, 'const-removed', pp, cp, `had its const value ${a} removed`);
  else add(node, 'const-changed', pp, cp, `had its const value changed from ${a} to ${b}`);
}

/**
 * OpenAPI 3.1 (JSON Schema) writes the exclusive bound as a number; 3.0 as a
 * boolean beside `minimum`/`maximum`. A 3.0 `true` newly set counts as the bound
 * set (oasdiff treats `false` as absent); turning it off only widens.
 */
function compareExclusive(node: SchemaNode, p: Json, c: Json, pp: string, cp: string): void {
  for (const [kw, stem, inclusive] of [
    ['exclusiveMinimum', 'exclusive-min', 'minimum'],
    ['exclusiveMaximum', 'exclusive-max', 'maximum'],
  ] as const) {
    const pv = p[kw];
    const cv = c[kw];
    if (pv === cv) continue;
    if (typeof pv === 'boolean' || typeof cv === 'boolean') {
      if (pv !== true && cv === true) add(node, `${stem}-set`, pp, cp, `had ${kw} set (${inclusive} ${show(c[inclusive])} is now excluded)`);
      else if (pv === true && cv !== true) add(node, `${stem}-unset`, pp, cp, `had its ${kw} removed`);
      continue;
    }
    const a = num(pv);
    const b = num(cv);
    if (a === b) continue;
    if (a === undefined) add(node, `${stem}-set`, pp, cp, `had ${kw} set to ${b}`);
    else if (b === undefined) add(node, `${stem}-unset`, pp, cp, `had its ${kw} of ${a} removed`);
    else {
      const dir = b > a ? 'increased' : 'decreased';
      add(node, `${stem}-${dir}`, pp, cp, `had its ${kw} ${dir} from ${a} to ${b}`);
    }
  }
}

/** True when `a` is an integer multiple of `b` (every multiple of `a` is then one of `b`). */
export function isIntegerMultiple(a: number, b: number): boolean {
  if (b === 0) return false;
  const ratio = a / b;
  return Math.abs(ratio - Math.round(ratio)) <= 1e-9 * Math.max(Math.abs(ratio), 1);
}

/**
 * `multipleOf`: for requests a new divisor of the old value accepts everything
 * accepted before (generalized); for responses a new multiple of the old value
 * returns only what was returned before (specialized). Anything else is changed.
 */
function compareMultipleOf(node: SchemaNode, p: Json, c: Json, pp: string, cp: string): void {
  const a = num(p.multipleOf);
  const b = num(c.multipleOf);
  if (a === b) return;
  if (a === undefined) add(node, 'multiple-of-set', pp, cp, `had multipleOf set to ${b}`);
  else if (b === undefined) add(node, 'multiple-of-unset', pp, cp, `had its multipleOf of ${a} removed`);
  else {
    const text = `had its multipleOf changed from ${a} to ${b}`;
    // The reporter maps the direction that narrows to `multiple-of-changed`.
    const suffix = isIntegerMultiple(a, b) ? 'multiple-of-generalized' : isIntegerMultiple(b, a) ? 'multiple-of-specialized' : 'multiple-of-changed';
    add(node, suffix, pp, cp, text);
  }
}

function compareObjectBounds(node: SchemaNode, p: Json, c: Json, pp: string, cp: string): void {
  const pu = p.uniqueItems === true;
  const cu = c.uniqueItems === true;
  if (!pu && cu) add(node, 'unique-items-set', pp, cp, 'now requires unique items');
  if (pu && !cu) add(node, 'unique-items-unset', pp, cp, 'no longer requires unique items');
  // minProperties: absent means 0, so setting it is an increase (as oasdiff reads it).
  const pmin = num(p.minProperties) ?? 0;
  const cmin = num(c.minProperties) ?? 0;
  if (pmin !== cmin) add(node, `min-properties-${cmin > pmin ? 'increased' : 'decreased'}`, pp, cp, `had its minProperties ${cmin > pmin ? 'increased' : 'decreased'} from ${pmin} to ${cmin}`);
  const pmax = num(p.maxProperties);
  const cmax = num(c.maxProperties);
  if (pmax === cmax) return;
  if (pmax === undefined) add(node, 'max-properties-set', pp, cp, `had maxProperties set to ${cmax}`);
  else if (cmax === undefined) add(node, 'max-properties-unset', pp, cp, `had its maxProperties of ${pmax} removed`);
  else add(node, `max-properties-${cmax > pmax ? 'increased' : 'decreased'}`, pp, cp, `had its maxProperties ${cmax > pmax ? 'increased' : 'decreased'} from ${pmax} to ${cmax}`);
}

function mapping(d: Json): Json {
  return isObject(d.mapping) ? d.mapping : {};
}

function compareDiscriminator(node: SchemaNode, p: Json, c: Json, pp: string, cp: string): void {
  const pd = isObject(p.discriminator) ? p.discriminator : undefined;
  const cd = isObject(c.discriminator) ? c.discriminator : undefined;
  if (!pd && !cd) return;
  const dp = child(pp, 'discriminator');
  const dc = child(cp, 'discriminator');
  if (!pd) return add(node, 'discriminator-added', dp, dc, `had a discriminator (\`${String(cd!.propertyName)}\`) added`);
  // reported at the removed discriminator in the previous document: the current one has no such member
  if (!cd) return add(node, 'discriminator-removed', dp, undefined, `had its discriminator (\`${String(pd.propertyName)}\`) removed`);
  if (pd.propertyName !== cd.propertyName) add(node, 'discriminator-property-name-changed', dp, dc, `had its discriminator property name changed from \`${String(pd.propertyName)}\` to \`${String(cd.propertyName)}\``);
  const pm = mapping(pd);
  const cm = mapping(cd);
  const added = Object.keys(cm).filter((k) => !(k in pm));
  const deleted = Object.keys(pm).filter((k) => !(k in cm));
  if (added.length) add(node, 'discriminator-mapping-added', dp, dc, `had discriminator mapping keys ${added.map((k) => `\`${k}\``).join(', ')} added`);
  if (deleted.length) add(node, 'discriminator-mapping-deleted', dp, dc, `had discriminator mapping keys ${deleted.map((k) => `\`${k}\``).join(', ')} removed`);
  for (const k of Object.keys(pm)) {
    if (k in cm && show(pm[k]) !== show(cm[k])) add(node, 'discriminator-mapping-changed', dp, dc, `had discriminator mapping \`${k}\` changed from ${show(pm[k])} to ${show(cm[k])}`);
  }
}

/** Keywords whose mere presence constrains an instance: keyword → suffix stem. */
const PRESENCE: [string, string][] = [
  ['if', 'if'],
  ['then', 'then'],
  ['else', 'else'],
  ['contains', 'contains'],
  ['propertyNames', 'property-names'],
  ['unevaluatedItems', 'unevaluated-items'],
  ['unevaluatedProperties', 'unevaluated-properties'],
  ['contentSchema', 'content-schema'],
];

function keysOf(v: unknown): string[] {
  return isObject(v) ? Object.keys(v) : [];
}

function compareApplicators(node: SchemaNode, p: Json, c: Json, pp: string, cp: string): void {
  for (const [kw, stem] of PRESENCE) {
    const had = p[kw] !== undefined;
    const has = c[kw] !== undefined;
    if (had && !has) add(node, `${stem}-removed`, pp, cp, `had its \`${kw}\` removed`);
    else if (!had && has) add(node, `${stem}-added`, pp, cp, `had \`${kw}\` added`);
  }
  for (const [kw, stem] of [['contentMediaType', 'content-media-type'], ['contentEncoding', 'content-encoding']] as const) {
    if (p[kw] !== c[kw]) add(node, `${stem}-changed`, pp, cp, `had its ${kw} changed from ${show(p[kw])} to ${show(c[kw])}`);
  }
  for (const [kw, stem] of [['minContains', 'min-contains'], ['maxContains', 'max-contains']] as const) {
    const a = num(p[kw]);
    const b = num(c[kw]);
    if (a !== undefined && b !== undefined && a !== b) add(node, `${stem}-${b > a ? 'increased' : 'decreased'}`, pp, cp, `had its ${kw} ${b > a ? 'increased' : 'decreased'} from ${a} to ${b}`);
  }
  if (p.prefixItems !== undefined || c.prefixItems !== undefined) {
    const a = Array.isArray(p.prefixItems) ? p.prefixItems.length : 0;
    const b = Array.isArray(c.prefixItems) ? c.prefixItems.length : 0;
    if (b > a) add(node, 'prefix-items-added', pp, cp, `had ${b - a} prefixItems added`);
    if (b < a) add(node, 'prefix-items-removed', pp, cp, `had ${a - b} prefixItems removed`);
  }
  if (p.dependentRequired !== undefined || c.dependentRequired !== undefined) {
    const pd = isObject(p.dependentRequired) ? p.dependentRequired : {};
    const cd = isObject(c.dependentRequired) ? c.dependentRequired : {};
    for (const k of Object.keys(cd)) {
      if (!(k in pd)) add(node, 'dependent-required-added', pp, cp, `had dependentRequired \`${k}\` added`);
      else if (show(pd[k]) !== show(cd[k])) add(node, 'dependent-required-changed', pp, cp, `had dependentRequired \`${k}\` changed from ${show(pd[k])} to ${show(cd[k])}`);
    }
    for (const k of Object.keys(pd)) if (!(k in cd)) add(node, 'dependent-required-removed', pp, cp, `had dependentRequired \`${k}\` removed`);
  }
  for (const [kw, stem] of [['dependentSchemas', 'dependent-schema'], ['patternProperties', 'pattern-property']] as const) {
    if (p[kw] === undefined && c[kw] === undefined) continue;
    const pk = new Set(keysOf(p[kw]));
    const ck = new Set(keysOf(c[kw]));
    for (const k of ck) if (!pk.has(k)) add(node, `${stem}-added`, pp, child(cp, kw, k), `had ${kw} \`${k}\` added`);
    for (const k of pk) if (!ck.has(k)) add(node, `${stem}-removed`, child(pp, kw, k), cp, `had ${kw} \`${k}\` removed`);
  }
}

/** Suffixes that only make sense on a property (oasdiff has no body-level id for them). */
export const PROPERTY_ONLY_SUFFIXES: ReadonlySet<string> = new Set([
  'deprecated',
  'deprecated-with-sunset',
  'deprecated-sunset-missing',
  'deprecated-sunset-invalid',
  'sunset-date-too-small',
  'reactivated',
  'stability-decreased',
  'stability-increased',
]);

/** `deprecated` (with `x-sunset`) and `x-stability-level` of a property, as oasdiff reads them for endpoints. */
function compareLifecycle(ctx: DiffContext, node: SchemaNode, p: Json, c: Json, pp: string, cp: string): void {
  const was = p.deprecated === true;
  const is = c.deprecated === true;
  if (!was && is) {
    const sunset = sunsetOf(c);
    if (sunset && 'error' in sunset) add(node, 'deprecated-sunset-invalid', pp, cp, `was deprecated with an unreadable sunset date: ${sunset.error}`);
    else if (!sunset && ctx.minSunsetDays > 0) add(node, 'deprecated-sunset-missing', pp, cp, 'was deprecated without a sunset date');
    else if (sunset && ctx.minSunsetDays > 0 && sunset.date < addDays(ctx.today, ctx.minSunsetDays))
      add(node, 'sunset-date-too-small', pp, cp, `was deprecated with sunset date ${sunset.date}, less than ${ctx.minSunsetDays} days from now`);
    else if (sunset) add(node, 'deprecated-with-sunset', pp, cp, `was deprecated with sunset date ${sunset.date}`);
    else add(node, 'deprecated', pp, cp, 'was deprecated');
  } else if (was && !is) add(node, 'reactivated', pp, cp, 'was reactivated (no longer deprecated)');

  if (p['x-stability-level'] === undefined && c['x-stability-level'] === undefined) return;
  const ps = stabilityOf(p);
  const cs = stabilityOf(c);
  if (!('level' in ps) || !('level' in cs) || ps.level === cs.level || ps.level === 'draft' || ps.level === 'alpha') return;
  const down = STABILITY_LEVELS.indexOf(cs.level) < STABILITY_LEVELS.indexOf(ps.level);
  add(node, down ? 'stability-decreased' : 'stability-increased', pp, cp, `had its stability level ${down ? 'decreased' : 'increased'} from ${ps.level} to ${cs.level}`);
}
