/**
 * Proto breaking rules. buf's rules (`FIELD_NO_DELETE`, `RPC_NO_DELETE`, …)
 * report under buf's ids and are listed by `buf config ls-breaking-rules`;
 * this catalogue holds the rules contractkit adds on top.
 */
import type { BreakingRule } from '../rule.js';

/** Id of the versioning rule: a breaking change inside a package whose version did not change. */
export const PROTO_NEEDS_NEW_PACKAGE_VERSION_ID = 'proto-breaking-needs-new-package-version';

/** contractkit's own proto breaking rules. */
export const protoBreakingRules: BreakingRule[] = [
  {
    id: PROTO_NEEDS_NEW_PACKAGE_VERSION_ID,
    kind: 'proto',
    severity: 'error',
    description: 'A breaking change inside a versioned package (`orders.v1`) that kept its version: publish `orders.v2` and keep `orders.v1` until clients have moved.',
    source: 'contractkit',
  },
];
