/**
 * @contractkit/runtime/http. Filled in by the http issue.
 */
export {};
