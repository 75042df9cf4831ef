/**
 * `async-completion-detectable`: a client polling a 202 can tell when the
 * work is done. The contract names the status operation (the 202's `links`,
 * or a GET one path parameter below) and its body says the state (a
 * `status`/`state`/`phase` field whose enum has a done value, or a
 * long-running operation's boolean `done`), or the status operation answers
 * 303 to the result or 202 while busy, or `x-contractkit-completion` names the
 * field and its terminal values. Otherwise a generated client's `wait()` can
 * only guess, and its final result is `unknown`.
 */
import { contractsOfKind } from '../../../contracts/model/types.js';
import { asyncStatusOf, COMPLETION_EXTENSION, documentDeref } from '../../../contracts/openapi/async-status.js';
import { toPointer } from '../../../contracts/source/positions.js';
import type { ModelRule } from '../rule.js';

/** The rule definition. */
export const asyncCompletionDetectable: ModelRule = {
  id: 'async-completion-detectable',
  kind: 'openapi',
  engine: 'model',
  description: 'A 202 operation says how a client detects completion: a linked status resource with a state field (or `done`), a 303 to the result, or `x-contractkit-completion`.',
  defaultSeverity: 'warning',
  presets: ['recommended', 'strict'],
  check(model, ctx) {
    for (const contract of contractsOfKind(model, 'openapi')) {
      const deref = documentDeref(contract.document);
      for (const op of contract.operations) {
        if (!op.async) continue;
        const what = `${op.method.toUpperCase()} ${op.path}`;
        const status = asyncStatusOf(contract, op, deref);
        if (status.invalid) {
          ctx.report({
            file: status.invalid.at.file,
            pointer: status.invalid.at.pointer,
            onKey: true,
            message: status.invalid.message,
            hint: `Write it as \`${COMPLETION_EXTENSION}: { field: state, done: [finished], failed: [crashed] }\` (optional: \`result\`, the member holding the result; \`error\`).`,
          });
          continue;
        }
        if (status.completion.kind !== 'none') continue;
        ctx.report({
          file: op.location.file,
          pointer: `${op.location.pointer ?? toPointer(['paths', op.path, op.method])}/responses/202`,
          onKey: true,
          message: `${what} answers 202 but its completion cannot be detected: ${status.completion.why}.`,
          hint:
            'Link the status operation from the 202 response (`links: { status: { operationId: getJob } }`) and give its body a `status` enum with done and failed values ' +
            `(\`succeeded\`, \`failed\`), or name the field and its values: \`${COMPLETION_EXTENSION}: { field: state, done: [finished], failed: [crashed] }\`.`,
        });
      }
    }
  },
};
