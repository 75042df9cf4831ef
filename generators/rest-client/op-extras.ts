/**
 * The typed-value and validation extras of each operation call: revivers for
 * `dateType: 'Date'` / `int64` (a plan table printed once per client),
 * request preparation for `int64: 'string'`, and the ajv validators of the
 * `validate` option (compiled into `validators.ts` at generation time).
 */
import type { HttpMediaType, JsonSchema, OpenApiContract } from '../../contracts/model/types.js';
import { stringLiteral } from '../core/names.js';
import type { GeneratedFile } from '../core/registry.js';
import type { TsFile } from '../core/ts-file.js';
import { responseValueKind } from './media-types.js';
import type { OperationView } from './operation-view.js';
import type { RestClientOptions } from './options.js';
import { createRevivals, type Plan } from './revival.js';
import type { Scope } from '../core/schema-ts/naming.js';
import { compileValidators, type ValidatorSpec } from './validators.js';

const RUNTIME = '@contractkit/runtime/http';

/** Per-operation extras, and the module-level declarations they need. */
export interface OpExtras {
  /** `key: value` members for the operation's extras literal. */
  of(fn: string, view: OperationView, finalSchema: JsonSchema | undefined): string[];
  /** Prints the plan table (if any plan was used) at the end of the client module. */
  finish(): void;
  /** The validators module, when `validate` is on. */
  files(): GeneratedFile[];
}

const jsonSchemaOf = (m: HttpMediaType | undefined): JsonSchema | undefined => (m && m.schema !== undefined && responseValueKind(m.mediaType) === 'json' ? m.schema : undefined);

function planText(plan: Plan): string {
  return typeof plan === 'string' ? stringLiteral(plan) : JSON.stringify(plan);
}

/** Builds the extras of one client module. */
export function createOpExtras(contract: OpenApiContract, options: RestClientOptions, file: TsFile, scope: Scope): OpExtras {
  const revivals = createRevivals(contract, options);
  let tableName: string | undefined;
  const table = () => (tableName ??= file.declare(scope.claim('revivalPlans')));
  const validators: ValidatorSpec[] = [];
  let validatorsModule: string | undefined;
  const validator = (name: string, schema: JsonSchema): string => {
    validators.push({ name, schema });
    validatorsModule ??= './validators.js';
    return file.importValue(name, validatorsModule);
  };
  const unionPlan = (schemas: JsonSchema[]): Plan | undefined => {
    const plans = schemas.map((s) => revivals.planOf(s)).filter((p): p is Plan => p !== undefined);
    return plans.length === 0 ? undefined : plans.length === 1 ? plans[0] : { u: plans };
  };

  return {
    of(fn, view, finalSchema) {
      const out: string[] = [];
      const success = [...new Set(view.success.map(jsonSchemaOf).filter((s): s is JsonSchema => s !== undefined))];
      const request = view.body?.encoding === 'json' ? view.body.media.schema : undefined;
      const responsePlan = view.kind === 'sse' ? undefined : unionPlan(success);
      const requestPlan = request !== undefined ? revivals.planOf(request) : undefined;
      if (responsePlan !== undefined) out.push(`revive: ${file.importValue('reviver', RUNTIME)}(${table()}, ${planText(responsePlan)})`);
      if (requestPlan !== undefined && options.int64 === 'string' && revivals.hasIntegers(requestPlan)) out.push(`prepare: ${file.importValue('preparer', RUNTIME)}(${table()}, ${planText(requestPlan)})`);
      const finalPlan = finalSchema !== undefined ? revivals.planOf(finalSchema) : undefined;
      if ([responsePlan, requestPlan, finalPlan].some((p) => revivals.hasIntegers(p))) out.push('preciseIntegers: true');
      if (finalPlan !== undefined) out.push(`reviveFinal: ${file.importValue('reviver', RUNTIME)}(${table()}, ${planText(finalPlan)})`);
      if (options.validate) {
        if (request !== undefined) out.push(`validateRequest: ${validator(`${fn}Request`, request)}`);
        if (success.length && view.kind !== 'sse') out.push(`validateResponse: ${validator(`${fn}Response`, success.length === 1 ? success[0]! : { anyOf: success })}`);
        if (finalSchema !== undefined) out.push(`validateFinal: ${validator(`${fn}Final`, finalSchema)}`);
      }
      return out;
    },
    finish() {
      if (tableName === undefined) return;
      const plans = revivals.table();
      const body = Object.entries(plans)
        .map(([k, p]) => `  ${stringLiteral(k)}: ${planText(p)},`)
        .join('\n');
      file.print(`\n/** Where typed values (dates, 64-bit integers) sit in the schemas, for the runtime's revivers. */\nconst ${tableName}: ${file.importType('RevivalTable', RUNTIME)} = {\n${body}\n};\n`);
    },
    files() {
      return validators.length ? [{ path: 'validators.ts', content: compileValidators(contract, validators) }] : [];
    },
  };
}
