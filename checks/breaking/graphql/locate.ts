/**
 * Where an element named by a graphql-inspector path (`Query.order`,
 * `Query.order.id`, `OrderStatus.PENDING`, `@auth.role`, `Customer.@key`) is
 * in a subgraph, as a finding's position.
 */
import type { GraphQLContract, SourceRef } from '../../../contracts/model/types.js';

/** Position of the element at `path` in `c`, or undefined when `c` does not have it. */
export function elementAt(c: GraphQLContract, path: string): SourceRef | undefined {
  // a directive usage (`Customer.@key.fields`) is placed at the element carrying it
  const segments = path.split('.');
  const usage = segments.findIndex((s, i) => i > 0 && s.startsWith('@'));
  const parts = usage > 0 ? segments.slice(0, usage) : segments;
  if (parts[0]?.startsWith('@')) {
    const d = c.directiveDefinitions.find((x) => x.name === parts[0]!.slice(1));
    if (!d) return undefined;
    return (parts[1] ? d.args.find((a) => a.name === parts[1])?.location : undefined) ?? d.location;
  }
  const type = c.types.find((t) => t.name === parts[0]);
  if (!type) return undefined;
  if (parts.length === 1) return type.location;
  const field = type.fields.find((f) => f.name === parts[1]);
  if (field) return (parts[2] ? field.args.find((a) => a.name === parts[2])?.location : undefined) ?? (parts[2] ? undefined : field.location);
  const value = type.values.find((v) => v.name === parts[1]);
  if (value) return value.location;
  // a union member or an implemented interface: the type that names it
  if (type.members.includes(parts[1]!) || type.interfaces.includes(parts[1]!)) return type.location;
  return undefined;
}

/** Position of `path` in the first contract that has it, else the nearest ancestor there, else the first file's top. */
export function locatePath(path: string, contracts: readonly GraphQLContract[]): { file: string; line: number; column: number } {
  const segments = path.split('.');
  for (let n = segments.length; n > 0; n--) {
    const prefix = segments.slice(0, n).join('.');
    for (const c of contracts) {
      const at = prefix ? elementAt(c, prefix) : undefined;
      if (at?.line !== undefined) return { file: at.file, line: at.line, column: at.column ?? 1 };
    }
  }
  const first = contracts[0];
  return { file: first?.files[0] ?? first?.file ?? '', line: 1, column: 1 };
}
