/**
 * Turns ajv validation errors into located findings a person can act on.
 */
import type { ErrorObject } from 'ajv';
import type { ContractKind, Finding } from '../finding.js';
import { didYouMean } from './suggest.js';

/**
 * Builds one finding per distinct problem, most specific first; `oneOf` noise
 * is folded. Errors of a validator compiled with ajv's `verbose` option (they
 * carry the data and the schema) name the nearest allowed key of an unknown
 * one, and the nearest allowed value of one outside an enum ("Did you mean").
 */
export function schemaErrorsToFindings(
  errors: readonly ErrorObject[],
  file: string,
  kind: ContractKind,
  ruleId: string,
  what: string,
): Finding[] {
  // ajv reports a failing `oneOf` together with every branch's errors; when
  // a more specific error exists at or below the same place, keep that one.
  const chosen = errors.filter((e) => {
    if (e.keyword === 'required' && isOneOfBranch(e, errors)) return false;
    if (e.keyword !== 'oneOf' && e.keyword !== 'anyOf') return true;
    return !errors.some((o) => o !== e && o.keyword !== 'oneOf' && o.keyword !== 'anyOf' && !isOneOfBranch(o, errors) && o.instancePath.startsWith(e.instancePath) && o.schemaPath.startsWith(e.schemaPath));
  });
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const e of chosen) {
    const { message, hint, pointer, onKey } = describe(e, what);
    const key = `${pointer}|${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push({ ruleId, severity: 'error', kind, file, pointer, onKey, message, hint });
  }
  return findings;
}

function isOneOfBranch(e: ErrorObject, all: readonly ErrorObject[]): boolean {
  return all.some((o) => o.keyword === 'oneOf' && e.schemaPath.startsWith(o.schemaPath + '/'));
}

function describe(e: ErrorObject, what: string): { message: string; hint?: string; pointer: string; onKey: boolean } {
  const at = e.instancePath || '';
  const where = at ? `\`${at.slice(1).replace(/\//g, '.')}\`` : `the ${what}`;
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String((e.params as { additionalProperty: string }).additionalProperty);
      const properties = (e.parentSchema as { properties?: unknown } | undefined)?.properties;
      const known = properties && typeof properties === 'object' ? Object.keys(properties) : [];
      return {
        message: `Unknown key \`${key}\` in ${where}.${didYouMean(key, known)}`,
        hint: known.length ? `Allowed keys: ${known.join(', ')}.` : 'Check the spelling; the JSON Schema in schema/ lists the allowed keys.',
        pointer: `${at}/${escape(key)}`,
        onKey: true,
      };
    }
    case 'required': {
      const prop = String((e.params as { missingProperty: string }).missingProperty);
      return { message: `${capital(where)} is missing the required key \`${prop}\`.`, hint: `Add \`${prop}\`.`, pointer: at, onKey: false };
    }
    case 'enum': {
      const values = (e.params as { allowedValues: unknown[] }).allowedValues ?? [];
      const allowed = values.map((v) => JSON.stringify(v)).join(', ');
      const suggestion = typeof e.data === 'string' ? didYouMean(e.data, values.filter((v): v is string => typeof v === 'string')) : '';
      return { message: `${capital(where)} must be one of ${allowed}.${suggestion}`, pointer: at, onKey: false };
    }
    case 'const':
      return { message: `${capital(where)} must be ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}.`, pointer: at, onKey: false };
    case 'oneOf': {
      const passing = (e.params as { passingSchemas?: number[] | null }).passingSchemas;
      return {
        message: passing ? `${capital(where)} matches more than one allowed form; it must match exactly one.` : `${capital(where)} matches none of the allowed forms.`,
        hint: `See ${what === 'config' ? 'schema/contractkit.schema.json' : 'the JSON Schema in schema/'} for the forms.`,
        pointer: at,
        onKey: false,
      };
    }
    default:
      return { message: `${capital(where)} ${e.message ?? 'is invalid'}.`, pointer: at, onKey: false };
  }
}

function escape(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
