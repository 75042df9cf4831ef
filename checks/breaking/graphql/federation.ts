/**
 * Federation-aware changes: what a change in one subgraph means for the
 * others and for the gateway. Keys removed or changed, fields another
 * subgraph `@requires` removed or retyped, fields moved between subgraphs, and
 * removals another subgraph still covers.
 */
import type { GraphQLContract, GraphQLEntityKey, GraphQLField, SourceRef } from '../../../contracts/model/types.js';
import type { GraphQLChange } from './changes.js';
import { GRAPHQL_IDS } from './catalogue.js';

/** A change with the side it is to be located in. */
export interface LocatedChange extends GraphQLChange {
  /** Which contract's files the position is taken from. */
  side: 'previous' | 'current';
  contract: GraphQLContract;
  hint?: string;
  /** The exact position, when known better than the path says (a `@key`). */
  at?: SourceRef;
}

const normalizeFields = (f: string) => f.replace(/[\s,]+/g, ' ').replace(/\s*([{}])\s*/g, '$1').trim();

/** Keys removed, changed or added on the entities of one subgraph. */
export function keyChanges(previous: GraphQLContract, current: GraphQLContract): LocatedChange[] {
  const out: LocatedChange[] = [];
  const sg = `subgraph \`${current.subgraph}\``;
  for (const before of previous.entities) {
    const after = current.entities.find((e) => e.type === before.type);
    const afterKeys = after?.keys ?? [];
    for (const k of before.keys) {
      const same = afterKeys.find((x) => normalizeFields(x.fields) === normalizeFields(k.fields));
      if (same && (same.resolvable || !k.resolvable)) continue;
      if (same) {
        out.push(keyChange(GRAPHQL_IDS.keyChanged, 'error', `Entity \`${before.type}\`'s \`@key(fields: "${k.fields}")\` became \`resolvable: false\` in ${sg}: the gateway can no longer fetch \`${before.type}\` from it by that key.`, `${before.type}.@key`, 'current', current, same));
      } else if (afterKeys.length === 0) {
        const still = current.types.some((t) => t.name === before.type);
        out.push(keyChange(GRAPHQL_IDS.keyRemoved, 'error', `Entity \`${before.type}\` lost its \`@key(fields: "${k.fields}")\` in ${sg}${still ? '' : ' (the type was removed)'}: other subgraphs that return \`${before.type}\` references can no longer have them resolved there.`, `${before.type}.@key`, 'previous', previous, k));
      } else {
        out.push(keyChange(GRAPHQL_IDS.keyChanged, 'error', `Entity \`${before.type}\`'s key changed in ${sg}: \`@key(fields: "${k.fields}")\` was replaced by ${afterKeys.map((x) => `\`@key(fields: "${x.fields}")\``).join(', ')}: references other subgraphs send by the old key no longer resolve.`, `${before.type}.@key`, 'current', current, afterKeys[0]!));
      }
    }
  }
  for (const after of current.entities) {
    const before = previous.entities.find((e) => e.type === after.type);
    for (const k of after.keys) {
      if (before?.keys.some((x) => normalizeFields(x.fields) === normalizeFields(k.fields))) continue;
      // a key that replaced another was reported as changed
      if (before?.keys.some((x) => !afterHas(after.keys, x))) continue;
      out.push(keyChange(GRAPHQL_IDS.keyAdded, 'info', `Entity \`${after.type}\` got \`@key(fields: "${k.fields}")\` in ${sg}.`, `${after.type}.@key`, 'current', current, k));
    }
  }
  return out;
}

function afterHas(keys: readonly GraphQLEntityKey[], k: GraphQLEntityKey): boolean {
  return keys.some((x) => normalizeFields(x.fields) === normalizeFields(k.fields));
}

function keyChange(type: string, severity: 'error' | 'info', message: string, path: string, side: 'previous' | 'current', contract: GraphQLContract, key: GraphQLEntityKey): LocatedChange {
  return { type, severity, message, path, side, contract, at: key.location };
}

/** Subgraphs that resolve `Type.field` (declare it without `@external`). */
export function resolvers(contracts: readonly GraphQLContract[], type: string, field: string): GraphQLContract[] {
  return contracts.filter((c) => c.types.find((t) => t.name === type)?.fields.some((f) => f.name === field && !f.federation.external));
}

function fieldOf(c: GraphQLContract, type: string, field: string): GraphQLField | undefined {
  return c.types.find((t) => t.name === type)?.fields.find((f) => f.name === field);
}

/**
 * Removals one subgraph made that the others cover: a field now resolved by a
 * subgraph that did not resolve it before moved there; an element another
 * subgraph resolved all along stays in the supergraph. Returns the replacement
 * for each such change (by index into `changes`).
 */
export function coveredRemovals(
  owner: { previous: GraphQLContract; current: GraphQLContract },
  changes: readonly GraphQLChange[],
  previousAll: readonly GraphQLContract[],
  currentAll: readonly GraphQLContract[],
): Map<number, LocatedChange> {
  const out = new Map<number, LocatedChange>();
  changes.forEach((change, i) => {
    if (change.type !== 'FIELD_REMOVED' && change.type !== 'TYPE_REMOVED' && change.type !== 'ENUM_VALUE_REMOVED' && change.type !== 'INPUT_FIELD_REMOVED') return;
    const [type, field] = change.path.split('.');
    const others = currentAll.filter((c) => c !== owner.current);
    if (change.type === 'FIELD_REMOVED' && field) {
      const now = resolvers(others, type!, field);
      if (now.length === 0) return;
      const before = new Set(resolvers(previousAll.filter((c) => c !== owner.previous), type!, field).map((c) => c.subgraph));
      const fresh = now.filter((c) => !before.has(c.subgraph));
      if (fresh.length > 0) {
        const to = fresh[0]!;
        const override = fieldOf(to, type!, field)?.federation.overrideFrom === owner.current.subgraph;
        out.set(i, {
          type: GRAPHQL_IDS.fieldMoved,
          severity: override ? 'info' : 'warning',
          message: `Field \`${type}.${field}\` moved from subgraph \`${owner.current.subgraph}\` to subgraph \`${to.subgraph}\`${override ? ' with `@override`' : ''}: the composed supergraph keeps it.`,
          path: change.path,
          side: 'current',
          contract: to,
          hint: override ? 'Remove `@override` once every gateway runs the new composition.' : `Declare \`@override(from: "${owner.current.subgraph}")\` on \`${type}.${field}\` in subgraph \`${to.subgraph}\`, so the gateway switches in one step whichever subgraph deploys first.`,
        });
        return;
      }
      out.set(i, stillComposed(change, owner.previous, now[0]!.subgraph));
      return;
    }
    const has = others.some((c) => {
      const t = c.types.find((x) => x.name === type);
      if (!t || t.extension) return false;
      return !field || t.fields.some((f) => f.name === field) || t.values.some((v) => v.name === field);
    });
    const by = others.find((c) => c.types.some((x) => x.name === type && !x.extension));
    if (has && by) out.set(i, stillComposed(change, owner.previous, by.subgraph));
  });
  return out;
}

function stillComposed(change: GraphQLChange, previous: GraphQLContract, by: string): LocatedChange {
  return {
    type: GRAPHQL_IDS.stillComposed,
    severity: 'info',
    message: `${change.message} in subgraph \`${previous.subgraph}\`; subgraph \`${by}\` still has it, so the composed supergraph keeps it.`,
    path: change.path,
    side: 'previous',
    contract: previous,
  };
}

/**
 * Fields another subgraph `@requires` that the subgraph resolving them
 * removed or retyped (`changes` are that subgraph's).
 */
export function requiredFieldChanges(owner: { previous: GraphQLContract; current: GraphQLContract }, changes: readonly GraphQLChange[], currentAll: readonly GraphQLContract[]): LocatedChange[] {
  const out: LocatedChange[] = [];
  for (const change of changes) {
    if (change.type !== 'FIELD_REMOVED' && change.type !== 'FIELD_TYPE_CHANGED' && change.type !== 'TYPE_REMOVED') continue;
    const [type, field] = change.path.split('.');
    for (const other of currentAll) {
      if (other.subgraph === owner.current.subgraph) continue;
      for (const f of other.types.find((t) => t.name === type)?.fields ?? []) {
        const sel = f.federation.requiresSelection ?? [];
        if (!sel.some((s) => !field || s.name === field)) continue;
        // still resolved elsewhere with the same type: nothing changes for the requiring subgraph
        if (change.type === 'FIELD_REMOVED' && resolvers(currentAll.filter((c) => c !== owner.current), type!, field!).length > 0) continue;
        const what = change.type === 'FIELD_TYPE_CHANGED' ? 'changed type' : 'was removed';
        out.push({
          type: GRAPHQL_IDS.requiredFieldChanged,
          severity: 'error',
          message: `\`${type}${field ? `.${field}` : ''}\`, which subgraph \`${other.subgraph}\` \`@requires\` for \`${type}.${f.name}\`, ${what} in subgraph \`${owner.current.subgraph}\`.`,
          path: change.path,
          side: change.type === 'FIELD_TYPE_CHANGED' ? 'current' : 'previous',
          contract: change.type === 'FIELD_TYPE_CHANGED' ? owner.current : owner.previous,
          hint: `Change subgraph \`${other.subgraph}\` first (its \`@external\` declaration and the resolver of \`${type}.${f.name}\`), or keep the field as it was.`,
        });
      }
    }
  }
  return out;
}
