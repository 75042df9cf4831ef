/**
 * @contractkit/runtime/saga. Filled in by the saga issue.
 */
export {};
