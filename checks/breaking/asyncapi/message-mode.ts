/**
 * Which compatibility mode a message is checked under, and its version.
 *
 * Most specific first: `x-contractkit-compatibility` on the message, then on
 * a channel carrying it, then on the document root, then the config
 * (`breaking.compatibility`, per contract or global), and by default the
 * direction: messages the service sends → `forward` (consumers already
 * running must read the new events), messages it receives → `backward`
 * (the new consumer must read events already in flight), both → `full`.
 */
import type { EventMessage } from '../../../contracts/model/types.js';
import { parseMode, type CompatibilityMode } from './compatibility.js';
import type { AsyncDiffContext } from './context.js';
import { isJson } from './schema-kinds.js';

/** The extension that sets a mode in the document. */
export const COMPATIBILITY_EXTENSION = 'x-contractkit-compatibility';

/** The mode and, for messages, why it applies. */
export interface ResolvedMode {
  mode: CompatibilityMode;
  why: string;
}

/** The mode of `m` in the current document. */
export function modeOf(ctx: AsyncDiffContext, m: EventMessage): ResolvedMode {
  const own = parseMode(m.extensions[COMPATIBILITY_EXTENSION]);
  if (own) return { mode: own, why: `set on the message` };
  const channels = isJson(ctx.curr.document.channels) ? ctx.curr.document.channels : {};
  const carrying = new Set(ctx.curr.operations.filter((o) => o.messages.includes(m.id)).map((o) => o.channel));
  for (const [id, channel] of Object.entries(channels)) {
    if (isJson(channel) && isJson(channel.messages) && m.id in channel.messages) carrying.add(id);
  }
  for (const id of [...carrying].sort()) {
    const channel = channels[id];
    const mode = isJson(channel) ? parseMode(channel[COMPATIBILITY_EXTENSION]) : undefined;
    if (mode) return { mode, why: `set on channel \`${id}\`` };
  }
  const doc = parseMode(ctx.curr.document[COMPATIBILITY_EXTENSION]);
  if (doc) return { mode: doc, why: 'set on the document' };
  const configured = parseMode(ctx.compatibility);
  if (configured) return { mode: configured, why: 'from the config' };
  const sent = ctx.curr.operations.some((o) => o.action === 'send' && o.messages.includes(m.id));
  const received = ctx.curr.operations.some((o) => o.action === 'receive' && o.messages.includes(m.id));
  if (sent && received) return { mode: 'full', why: 'the service both sends and receives it' };
  if (sent) return { mode: 'forward', why: 'the service sends it, so consumers already running must read the new events' };
  if (received) return { mode: 'backward', why: 'the service receives it, so the new consumer must read events already published' };
  return { mode: 'backward', why: 'no operation carries it (the Schema Registry default)' };
}

/** `[1, 2]` for `x-event-version: 1.2` (or `v1.2`); the model's major when the extension has no minor; undefined without a version. */
export function versionOf(m: EventMessage): number[] | undefined {
  const raw = m.extensions['x-event-version'];
  if (typeof raw === 'string') {
    const match = /^v?(\d+(?:\.\d+)*)$/i.exec(raw.trim());
    if (match) return match[1]!.split('.').map(Number);
  }
  return m.version !== undefined ? [m.version] : undefined;
}

/** Orders versions numerically (`1` = `1.0` < `1.1` < `2`). */
export function compareVersions(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
