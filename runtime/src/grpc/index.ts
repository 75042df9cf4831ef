/**
 * @contractkit/runtime/grpc. Filled in by the grpc issue.
 */
export {};
