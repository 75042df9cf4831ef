/** Messages of one operation (or reply) grouped by event type, each group's versions in order. */
import { camelCase } from '../core/names.js';
import type { EventGroup, MessagePlan } from './plan.js';

/** Message plans by event type as groups, each's versions in order (the last is the latest). */
export function eventGroups(groups: Map<string, MessagePlan[]>): EventGroup[] {
  return [...groups.entries()].map(([eventType, versions]) => {
    const sorted = [...versions].sort((a, b) => a.version - b.version);
    return { eventType, versions: sorted, latest: sorted[sorted.length - 1]!, baseName: camelCase(eventType) };
  });
}
