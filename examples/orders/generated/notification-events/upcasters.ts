// Upcasters of Notification events: yours to edit. contractkit created this file once and only appends
// a skeleton when a new event version needs a step; it never changes what is here.

/**
 * order.placed v1 → v2. Written by you: turn a v1 payload into a v2 payload.
 * Handlers only ever see v2; consumers chain the steps.
 */
export function upcastOrderPlacedV1ToV2(payload: import('./types.js').OrderPlacedV1): import('./types.js').OrderPlacedV2 {
  throw new Error('not implemented: upcast order.placed v1 → v2 (upcasters.ts)');
}
