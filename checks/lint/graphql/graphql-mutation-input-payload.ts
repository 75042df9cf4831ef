/**
 * `graphql-mutation-input-payload`: a mutation takes one argument, `input`,
 * of its own non-null input type, and returns its own payload object type
 * (`placeOrder(input: PlaceOrderInput!): PlaceOrderPayload!`). Fields can then
 * be added to either side later without breaking clients, which a list of
 * scalar arguments or a bare entity result does not allow.
 */
import type { GraphQLContract, GraphQLField } from '../../../contracts/model/types.js';
import { namedTypeOf } from '../../../contracts/model/graphql.js';
import type { ModelRule } from '../rule.js';
import { at, coordinate, rootType, subgraphLabel, subgraphs } from './support/graphql-model.js';

function problems(c: GraphQLContract, f: GraphQLField, payloadSuffix: string): string[] {
  const out: string[] = [];
  const input = f.args.find((a) => a.name === 'input');
  if (f.args.length !== 1 || !input) out.push(f.args.length === 0 ? 'takes no `input` argument' : `takes ${f.args.map((a) => `\`${a.name}\``).join(', ')} instead of one \`input\` argument`);
  else {
    const inputType = c.types.find((t) => t.name === namedTypeOf(input.type));
    if (input.type.kind !== 'named' || !input.type.nonNull || (inputType && inputType.kind !== 'input')) out.push(`has \`input: ${input.typeText}\`, not a non-null input object type`);
  }
  const result = namedTypeOf(f.type);
  const resultType = c.types.find((t) => t.name === result);
  if (f.type.kind !== 'named' || (resultType && resultType.kind !== 'object') || !result.endsWith(payloadSuffix)) out.push(`returns \`${f.typeText}\`, not a \`…${payloadSuffix}\` object type`);
  return out;
}

/** The rule definition. */
export const graphqlMutationInputPayload: ModelRule = {
  id: 'graphql-mutation-input-payload',
  kind: 'graphql',
  engine: 'model',
  description: 'A mutation takes one `input: XInput!` argument and returns an `XPayload` object type.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      payloadSuffix: { type: 'string', minLength: 1, description: 'Suffix of payload type names (default `Payload`).' },
    },
    additionalProperties: false,
  },
  defaultOptions: { payloadSuffix: 'Payload' },
  check(model, ctx) {
    const suffix = ctx.options.payloadSuffix as string;
    for (const c of subgraphs(model)) {
      for (const f of rootType(c, 'mutation')?.fields ?? []) {
        const found = problems(c, f, suffix);
        if (found.length === 0) continue;
        const base = f.name ? f.name[0]!.toUpperCase() + f.name.slice(1) : 'Mutation';
        ctx.report({
          ...at(f.location),
          message: `Mutation \`${coordinate(f)}\` in ${subgraphLabel(c)} ${found.join(' and ')}.`,
          hint: `Write it as \`${f.name}(input: ${base}Input!): ${base}${suffix}!\`: new input fields and new payload fields can then be added without breaking clients.`,
        });
      }
    }
  },
};
