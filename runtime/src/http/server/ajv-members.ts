/**
 * ajv's errors as invalid members: the JSON pointer of the value at fault
 * (for a missing property, the property itself) and what is wrong with it.
 * Generated validators (ajv standalone code, compiled at generation time)
 * are wrapped with this.
 */
import type { AjvValidateFunction } from '../operation.js';
import type { InvalidMember } from './problem.js';
import type { MemberCheck } from './types.js';

interface AjvError {
  instancePath?: string;
  message?: string;
  keyword?: string;
  params?: Record<string, unknown>;
}

const escape = (name: string) => name.replace(/~/g, '~0').replace(/\//g, '~1');

/** A {@link MemberCheck} of an ajv validate function (at most 10 members reported). */
export function ajvMembers(validate: AjvValidateFunction): MemberCheck {
  return (value) => {
    if (validate(value)) return undefined;
    const errors = (validate.errors ?? []) as AjvError[];
    const out: InvalidMember[] = errors.slice(0, 10).map((e) => {
      const at = e.instancePath ?? '';
      if (e.keyword === 'required' && typeof e.params?.missingProperty === 'string') return { pointer: `${at}/${escape(e.params.missingProperty)}`, detail: 'is required' };
      if (e.keyword === 'additionalProperties' && typeof e.params?.additionalProperty === 'string') return { pointer: `${at}/${escape(e.params.additionalProperty)}`, detail: 'is not allowed here' };
      return { pointer: at, detail: e.message ?? 'is invalid' };
    });
    return out.length ? out : [{ pointer: '', detail: 'is invalid' }];
  };
}
