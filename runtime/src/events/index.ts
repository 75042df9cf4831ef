/**
 * @contractkit/runtime/events. Filled in by the events issue.
 */
export {};
