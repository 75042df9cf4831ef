/**
 * Mermaid flowchart of a saga: steps in order, the pivot marked, compensations
 * as dashed edges running backwards.
 */
import type { SagaCall, SagaContract } from '../../contracts/model/types.js';

/** A Mermaid `flowchart` of `saga`. */
export function sagaToMermaid(saga: SagaContract): string {
  const id = (i: number) => `s${i}`;
  const cid = (i: number) => `c${i}`;
  const lines = ['flowchart LR', `  start((${label(saga.saga)}))`];
  saga.steps.forEach((step, i) => {
    const text = `${step.name}<br/><small>${callLabel(step.call)}</small>`;
    lines.push(step.pivot ? `  ${id(i)}{{"${esc(text)} (pivot)"}}` : `  ${id(i)}["${esc(text)}"]`);
    lines.push(`  ${i === 0 ? 'start' : id(i - 1)} --> ${id(i)}`);
    if (step.compensate) {
      lines.push(`  ${cid(i)}["${esc(`undo ${step.name}<br/><small>${callLabel(step.compensate)}</small>`)}"]`);
    }
  });
  lines.push(`  done((completed))`, `  ${saga.steps.length ? id(saga.steps.length - 1) : 'start'} --> done`);
  // compensation chain: a failure at step i undoes i-1 … 0 in reverse order
  const compensated = saga.steps.map((s, i) => (s.compensate ? i : -1)).filter((i) => i >= 0);
  if (compensated.length > 0) {
    lines.push(`  failed((compensated))`);
    for (let k = compensated.length - 1; k >= 0; k--) {
      const from = k === compensated.length - 1 ? id(compensated[k]! + 1 < saga.steps.length ? compensated[k]! + 1 : compensated[k]!) : cid(compensated[k + 1]!);
      lines.push(`  ${from} -. ${k === compensated.length - 1 ? 'fails' : 'then'} .-> ${cid(compensated[k]!)}`);
    }
    lines.push(`  ${cid(compensated[0]!)} -.-> failed`);
  }
  return lines.join('\n') + '\n';
}

function callLabel(call: SagaCall): string {
  if ('openapi' in call) return `REST ${call.openapi}.${call.operationId}`;
  if ('grpc' in call) return `gRPC ${call.method}`;
  if ('asyncapi' in call) return `event ${call.send}${call.reply ? ` → ${call.reply}` : ''}`;
  return `local ${call.local}`;
}

function label(s: string): string {
  return `"${esc(s)}"`;
}

function esc(s: string): string {
  // Mermaid labels are quoted: a quote inside must be an entity
  return s.replace(/"/g, '#quot;');
}
