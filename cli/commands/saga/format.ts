/**
 * Plain-text views of saga instances for `contractkit saga`: a table for
 * `list`, a record for `show`.
 */
import type { SagaInstance } from '../../../runtime/src/saga/index.js';

/** "3s", "4m", "2h", "5d": how long ago `from` was. */
export function age(from: Date, now: number = Date.now()): string {
  const s = Math.max(0, Math.round((now - from.getTime()) / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86_400)}d`;
}

function clip(text: string, max: number): string {
  const one = text.replace(/\s+/g, ' ');
  return one.length <= max ? one : one.slice(0, max - 1) + '…';
}

/** The `list` table: id, saga@version, status, step, age, last error. */
export function formatInstanceTable(rows: readonly SagaInstance[], now: number = Date.now()): string {
  if (rows.length === 0) return 'No saga instances.\n';
  const table = [
    ['ID', 'SAGA', 'STATUS', 'STEP', 'AGE', 'ERROR'],
    ...rows.map((r) => [r.id, `${r.saga}@${r.version}`, r.status, r.stepName || '-', age(r.createdAt, now), clip(r.lastError ?? '', 80)]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  return table.map((row) => row.map((cell, c) => (c === row.length - 1 ? cell : cell.padEnd(widths[c]!))).join('  ').trimEnd()).join('\n') + '\n';
}

/** The `show` record. */
export function formatInstance(r: SagaInstance, now: number = Date.now()): string {
  const lines: [string, string][] = [
    ['id', r.id],
    ['saga', `${r.saga} v${r.version}`],
    ['status', r.status],
    ['step', r.stepName ? `${r.stepName} (#${r.step})` : '-'],
    ['attempt', String(r.attempt)],
    ['attempts', Object.entries(r.attempts).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(', ') || '-'],
    ['lease', r.leaseOwner ? `${r.leaseOwner} until ${r.leaseExpiresAt?.toISOString()}` : '-'],
    ['next attempt', r.nextAttemptAt.toISOString()],
    ['deadline', r.deadlineAt?.toISOString() ?? '-'],
    ['created', `${r.createdAt.toISOString()} (${age(r.createdAt, now)} ago)`],
    ['updated', `${r.updatedAt.toISOString()} (${age(r.updatedAt, now)} ago)`],
    ['last error', r.lastError ?? '-'],
  ];
  // the trace its spans are in (W3C traceparent `00-<trace id>-<span id>-<flags>`), to look the saga up in a tracing UI
  const traceId = /^[0-9a-f]{2}-([0-9a-f]{32})-/.exec(r.traceContext?.traceparent ?? '')?.[1];
  if (traceId) lines.push(['trace', traceId]);
  const w = Math.max(...lines.map(([k]) => k.length));
  return lines.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n') + `\ndata\n${JSON.stringify(r.data, null, 2).replace(/^/gm, '  ')}\n`;
}
