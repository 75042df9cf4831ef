/**
 * Federation field sets (`@key(fields: "id sku { code }")`, `@requires`,
 * `@provides`): a selection written as a string, parsed with graphql-js.
 */
import { GraphQLError, Kind, parse, type SelectionSetNode } from 'graphql';
import type { FieldSelection } from '../model/graphql.js';


/** The selections of a field set; undefined when it does not parse. */
export function parseFieldSet(fields: string): FieldSelection[] | undefined {
  try {
    const doc = parse(`{${fields}}`, { noLocation: true });
    const op = doc.definitions[0];
    return op && op.kind === Kind.OPERATION_DEFINITION ? selections(op.selectionSet) : undefined;
  } catch (err) {
    if (err instanceof GraphQLError) return undefined;
    throw err;
  }
}

function selections(set: SelectionSetNode | undefined): FieldSelection[] {
  const out: FieldSelection[] = [];
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD) out.push({ name: s.name.value, selections: selections(s.selectionSet) });
    // `... on Book { isbn }` in an interface key: its fields count as selected
    else if (s.kind === Kind.INLINE_FRAGMENT) out.push(...selections(s.selectionSet));
  }
  return out;
}
