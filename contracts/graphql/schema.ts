/**
 * The GraphQLSchema of a subgraph as the differ sees it: every file's
 * definitions in one document, federation and link machinery (their directive
 * definitions and scalars) left out, and a type the subgraph only extends
 * (federation v1 `extend type Product @key(...)`) taken as defined, so what
 * the subgraph contributes is compared like any other type.
 */
import { buildASTSchema, GraphQLError, Kind, visit, type DefinitionNode, type DocumentNode, type GraphQLSchema, type NamedTypeNode } from 'graphql';
import type { Finding } from '../finding.js';
import { resolveLinks } from './links.js';
import { refOf } from './positions.js';

const EXTENSION_TO_DEFINITION: Partial<Record<string, Kind>> = {
  [Kind.OBJECT_TYPE_EXTENSION]: Kind.OBJECT_TYPE_DEFINITION,
  [Kind.INTERFACE_TYPE_EXTENSION]: Kind.INTERFACE_TYPE_DEFINITION,
  [Kind.UNION_TYPE_EXTENSION]: Kind.UNION_TYPE_DEFINITION,
  [Kind.ENUM_TYPE_EXTENSION]: Kind.ENUM_TYPE_DEFINITION,
  [Kind.INPUT_OBJECT_TYPE_EXTENSION]: Kind.INPUT_OBJECT_TYPE_DEFINITION,
  [Kind.SCALAR_TYPE_EXTENSION]: Kind.SCALAR_TYPE_DEFINITION,
};

const BUILT_IN = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

/** The document the differ builds its schema from. */
export function diffDocument(documents: readonly DocumentNode[]): DocumentNode {
  const links = resolveLinks(documents);
  const all = documents.flatMap((d) => d.definitions);
  const defined = new Set(all.filter((d) => !EXTENSION_TO_DEFINITION[d.kind] && 'name' in d && d.name).map((d) => (d as { name: { value: string } }).name.value));
  const definitions: DefinitionNode[] = [];
  for (const def of all) {
    if (def.kind === Kind.DIRECTIVE_DEFINITION && links.specName(def.name.value)) continue;
    const name = 'name' in def && def.name ? def.name.value : undefined;
    if (name && links.isMachineryType(name)) continue;
    const as = EXTENSION_TO_DEFINITION[def.kind];
    if (as && name && !defined.has(name)) {
      // the first extension stands in for the definition; later ones stay extensions of it
      defined.add(name);
      definitions.push({ ...def, kind: as } as DefinitionNode);
      continue;
    }
    definitions.push(def);
  }
  return { kind: Kind.DOCUMENT, definitions };
}

/** Builds the differ's schema; an undefined type or a bad extension is a located finding. */
export function buildDiffSchema(documents: readonly DocumentNode[]): { schema?: GraphQLSchema; findings: Finding[] } {
  const doc = diffDocument(documents);
  const unknown = unknownTypes(doc);
  if (unknown.length > 0) {
    return {
      findings: unknown.map((n) => ({
        ruleId: 'load/invalid-graphql',
        severity: 'error' as const,
        kind: 'graphql' as const,
        ...located(n),
        message: `Unknown type \`${n.name.value}\`: no file of this subgraph defines it.`,
        hint: 'Define the type (or import it with the federation `@link`), or fix the name.',
      })),
    };
  }
  // a directive definition the subgraph writes for a spec it does not import may name the spec's scalars (`FieldSet`)
  const scalars = unknownTypes(doc, true).map((n) => ({ kind: Kind.SCALAR_TYPE_DEFINITION, name: n.name }) as DefinitionNode);
  try {
    return { schema: buildASTSchema({ ...doc, definitions: [...doc.definitions, ...scalars] }, { assumeValidSDL: true }), findings: [] };
  } catch (err) {
    const node = err instanceof GraphQLError ? err.nodes?.[0] : undefined;
    const where = node ? located(node) : { file: documents[0]?.loc?.source.name ?? '', line: 1, column: 1 };
    return { findings: [{ ruleId: 'load/invalid-graphql', severity: 'error', kind: 'graphql', ...where, message: `The schema cannot be built: ${(err as Error).message}`, hint: 'Fix the definition at this position.' }] };
  }
}

function located(node: Parameters<typeof refOf>[0]): { file: string; line: number; column: number } {
  const r = refOf(node);
  return { file: r.file, line: r.line ?? 1, column: r.column ?? 1 };
}

/** Named-type references to types the document does not define (first reference of each), outside or inside directive definitions. */
function unknownTypes(doc: DocumentNode, inDirectiveDefinitions = false): NamedTypeNode[] {
  const defined = new Set<string>(BUILT_IN);
  for (const d of doc.definitions) if ('name' in d && d.name && d.kind !== Kind.DIRECTIVE_DEFINITION) defined.add(d.name.value);
  const seen = new Set<string>();
  const out: NamedTypeNode[] = [];
  let inside = false;
  visit(doc, {
    // directive arguments' types refer to spec scalars, added as plain scalars for the differ
    DirectiveDefinition: {
      enter: () => {
        inside = true;
      },
      leave: () => {
        inside = false;
      },
    },
    NamedType(node) {
      if (inside !== inDirectiveDefinitions) return;
      const name = node.name.value;
      if (!defined.has(name) && !seen.has(name)) {
        seen.add(name);
        out.push(node);
      }
    },
  });
  return out;
}
