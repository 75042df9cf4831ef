/**
 * The versioning rule shared with the other kinds
 * (`breaking-change-needs-new-version`): a subgraph that makes breaking
 * changes raises its major version. A subgraph declares its version with a
 * `@link` to contractkit's version URL on the schema:
 * `extend schema @link(url: "https://contractkit.dev/version/v2.0")` (a link
 * needs no directive definition and passes composition untouched).
 */
import type { GraphQLContract } from '../../../contracts/model/types.js';
import type { Finding } from '../../../contracts/finding.js';
import { NEEDS_NEW_VERSION_ID } from '../openapi/catalogue.js';

/** The versioning error for one subgraph, when it made `errors` breaking changes without a new major version. */
export function checkSubgraphVersion(previous: GraphQLContract, current: GraphQLContract, errors: number): Finding | undefined {
  if (errors === 0) return undefined;
  const before = previous.version?.major;
  const after = current.version?.major;
  if (before !== undefined && after !== undefined && after > before) return undefined;
  const major = after ?? before ?? 1;
  const where = current.version?.location;
  const from = after === undefined ? 'the subgraph declares no version' : `its version link still says major version ${major}`;
  return {
    ruleId: NEEDS_NEW_VERSION_ID,
    severity: 'error',
    kind: 'graphql',
    file: where?.file ?? current.files[0] ?? current.file,
    line: where?.line ?? 1,
    column: where?.column ?? 1,
    message: `${errors} breaking change${errors === 1 ? ' was' : 's were'} made to subgraph \`${current.subgraph}\` but ${from}.`,
    hint: `GraphQL evolves by deprecation: add the new field, deprecate the old one and remove it once no client uses it. For a deliberate breaking release, raise the version: \`extend schema @link(url: "https://contractkit.dev/version/v${major + 1}.0")\`.`,
  };
}
