/**
 * `graphql-mutation-verb-first`: a mutation is named for what it does, verb
 * first (`placeOrder`, `cancelOrder`), not noun first (`orderPlace`): mutations
 * are actions, and verb-first names read as commands in clients' code.
 */
import type { ModelRule } from '../rule.js';
import { at, coordinate, nameWords, rootType, subgraphLabel, subgraphs } from './support/graphql-model.js';

/** Verbs a mutation name may start with (extend with the `verbs` option). */
export const MUTATION_VERBS = [
  'accept', 'activate', 'add', 'approve', 'archive', 'assign', 'attach', 'authorize', 'block', 'book', 'cancel', 'capture', 'change',
  'charge', 'checkout', 'claim', 'clear', 'close', 'complete', 'confirm', 'connect', 'copy', 'create', 'deactivate', 'decline', 'delete',
  'detach', 'disable', 'disconnect', 'dismiss', 'duplicate', 'enable', 'end', 'enqueue', 'execute', 'expire', 'export', 'finish', 'fulfill',
  'generate', 'grant', 'hide', 'import', 'invite', 'issue', 'join', 'leave', 'link', 'lock', 'login', 'logout', 'mark', 'merge', 'move',
  'open', 'pause', 'pay', 'place', 'publish', 'purchase', 'reactivate', 'record', 'redeem', 'refresh', 'refund', 'register', 'reject',
  'release', 'remove', 'rename', 'reopen', 'reorder', 'replace', 'report', 'request', 'reserve', 'reset', 'resend', 'resolve', 'restore',
  'resume', 'retry', 'revoke', 'run', 'save', 'schedule', 'send', 'set', 'share', 'ship', 'sign', 'start', 'stop', 'submit', 'subscribe',
  'suspend', 'sync', 'toggle', 'track', 'transfer', 'trigger', 'unarchive', 'unassign', 'unblock', 'unlink', 'unlock', 'unpublish',
  'unset', 'unsubscribe', 'update', 'upgrade', 'upload', 'upsert', 'validate', 'verify', 'void', 'withdraw',
];

/** The rule definition. */
export const graphqlMutationVerbFirst: ModelRule = {
  id: 'graphql-mutation-verb-first',
  kind: 'graphql',
  engine: 'model',
  description: 'Mutations are named verb first (`placeOrder`, not `orderPlace`).',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  optionsSchema: {
    type: 'object',
    properties: {
      verbs: { type: 'array', items: { type: 'string' }, description: 'More verbs a mutation may start with (added to the built-in list).' },
      allow: { type: 'array', items: { type: 'string' }, description: 'Mutation names allowed as they are.' },
    },
    additionalProperties: false,
  },
  defaultOptions: { verbs: [], allow: [] },
  check(model, ctx) {
    const verbs = new Set([...MUTATION_VERBS, ...(ctx.options.verbs as string[]).map((v) => v.toLowerCase())]);
    const allow = new Set(ctx.options.allow as string[]);
    for (const c of subgraphs(model)) {
      for (const f of rootType(c, 'mutation')?.fields ?? []) {
        if (allow.has(f.name)) continue;
        const words = nameWords(f.name);
        if (verbs.has(words[0] ?? '')) continue;
        const verb = words.slice(1).find((w) => verbs.has(w));
        const suggestion = verb ? `\`${verb}${words.filter((w) => w !== verb).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}\`` : 'a name starting with its verb';
        ctx.report({
          ...at(f.location),
          message: `Mutation \`${coordinate(f)}\` in ${subgraphLabel(c)} does not start with a verb (\`${words[0] ?? f.name}\`).`,
          hint: `Name it for the action, verb first: ${suggestion}. If \`${words[0]}\` is a verb, add it to the rule's \`verbs\` option.`,
        });
      }
    }
  },
};
