/**
 * Channels and operations: removed, renamed, moved. Channels match by id,
 * then by address (a new id for the same address is a rename); operations
 * by id, then by action + channel address + messages.
 */
import type { EventChannel, EventOperation } from '../../../contracts/model/types.js';
import { report, reportRemoved, type AsyncDiffContext } from './context.js';
import { messageKeyOf } from './messages.js';

/** Compares channels; returns previous channel id → matched current channel. */
export function checkChannels(ctx: AsyncDiffContext): Map<string, EventChannel> {
  const matched = new Map<string, EventChannel>();
  const currById = new Map(ctx.curr.channels.map((c) => [c.id, c]));
  const used = new Set<string>();
  for (const prev of ctx.prev.channels) {
    const curr = currById.get(prev.id);
    if (!curr) continue;
    matched.set(prev.id, curr);
    used.add(curr.id);
    if (curr.address !== prev.address) {
      report(
        ctx,
        'channel-address-changed',
        `Channel \`${prev.id}\` moved from address \`${prev.address}\` to \`${curr.address}\`: producers and consumers still on the old address no longer meet.`,
        curr.location,
        'Keep the old address, or add a new channel for the new address and keep the old one until every producer and consumer has moved.',
        '/address',
      );
    }
  }
  for (const prev of ctx.prev.channels) {
    if (matched.has(prev.id)) continue;
    const byAddress = ctx.curr.channels.find((c) => !used.has(c.id) && c.address === prev.address && prev.address !== '');
    if (byAddress) {
      matched.set(prev.id, byAddress);
      used.add(byAddress.id);
      report(ctx, 'channel-renamed', `Channel \`${prev.id}\` was renamed to \`${byAddress.id}\` (address \`${prev.address}\` unchanged).`, byAddress.location);
      continue;
    }
    reportRemoved(
      ctx,
      'channel-removed',
      `Channel \`${prev.id}\` (\`${prev.address}\`) was removed: its producers and consumers lose their address.`,
      prev.location,
      'Restore the channel, or deprecate it and keep it until nobody publishes or subscribes to it.',
    );
  }
  for (const curr of ctx.curr.channels) {
    if (!used.has(curr.id)) report(ctx, 'channel-added', `Channel \`${curr.id}\` (\`${curr.address}\`) was added.`, curr.location);
  }
  return matched;
}

/** Compares operations, given the channel matching. */
export function checkOperations(ctx: AsyncDiffContext, channels: Map<string, EventChannel>): void {
  const currById = new Map(ctx.curr.operations.map((o) => [o.id, o]));
  const used = new Set<string>();
  const addressOf = (ops: 'prev' | 'curr', id: string): string | undefined => ctx[ops].channels.find((c) => c.id === id)?.address;
  const keysOf = (side: 'prev' | 'curr', op: EventOperation): string[] => op.messages.map((id) => {
    const m = ctx[side].messages.find((x) => x.id === id);
    return m ? messageKeyOf(m) : id;
  });

  for (const prev of ctx.prev.operations) {
    let curr = currById.get(prev.id);
    if (!curr) {
      const prevKeys = keysOf('prev', prev).sort().join('\n');
      curr = ctx.curr.operations.find(
        (c) => !used.has(c.id) && !ctx.prev.operations.some((p) => p.id === c.id) && c.action === prev.action &&
          addressOf('curr', c.channel) === addressOf('prev', prev.channel) && keysOf('curr', c).sort().join('\n') === prevKeys,
      );
      if (curr) report(ctx, 'operation-renamed', `Operation \`${prev.id}\` was renamed to \`${curr.id}\`.`, curr.location);
    }
    if (!curr) {
      reportRemoved(
        ctx,
        'operation-removed',
        `Operation \`${prev.id}\` (${prev.action} on \`${addressOf('prev', prev.channel) ?? prev.channel}\`) was removed.`,
        prev.location,
        prev.action === 'send' ? 'Consumers of these events stop receiving them: keep publishing until they have moved.' : 'Producers of these events lose their consumer: keep consuming until they have moved.',
      );
      continue;
    }
    used.add(curr.id);
    compareOperation(ctx, prev, curr, channels, keysOf('prev', prev), keysOf('curr', curr), addressOf);
  }
  for (const curr of ctx.curr.operations) {
    if (!used.has(curr.id)) report(ctx, 'operation-added', `Operation \`${curr.id}\` (${curr.action}) was added.`, curr.location);
  }
}

function compareOperation(
  ctx: AsyncDiffContext,
  prev: EventOperation,
  curr: EventOperation,
  channels: Map<string, EventChannel>,
  prevKeys: string[],
  currKeys: string[],
  addressOf: (side: 'prev' | 'curr', id: string) => string | undefined,
): void {
  if (prev.action !== curr.action) {
    report(ctx, 'operation-action-changed', `Operation \`${curr.id}\` changed from ${prev.action} to ${curr.action}.`, curr.location, undefined, '/action');
  }
  const before = addressOf('prev', prev.channel);
  const after = addressOf('curr', curr.channel);
  const sameChannel = channels.get(prev.channel)?.id === curr.channel || before === after;
  if (!sameChannel) {
    report(ctx, 'operation-channel-changed', `Operation \`${curr.id}\` moved from channel \`${before ?? prev.channel}\` to \`${after ?? curr.channel}\`.`, curr.location, undefined, '/channel');
  }
  const currSet = new Set(currKeys);
  const prevSet = new Set(prevKeys);
  prevKeys.forEach((key, i) => {
    if (!currSet.has(key)) {
      report(ctx, 'operation-message-removed', `Operation \`${curr.id}\` no longer carries message \`${prev.messages[i]}\` (${key}).`, curr.location, undefined, '/messages');
    }
  });
  currKeys.forEach((key, i) => {
    if (!prevSet.has(key)) report(ctx, 'operation-message-added', `Operation \`${curr.id}\` now carries message \`${curr.messages[i]}\` (${key}).`, curr.location, undefined, '/messages');
  });
  if (prev.reply && !curr.reply) report(ctx, 'operation-reply-removed', `Operation \`${curr.id}\` no longer declares its reply.`, curr.location);
}
