/**
 * Catalogued OpenAPI breaking ids the differ can not produce, each with the
 * specific reason (what oasdiff reports it for, and what contractkit reports
 * instead or why it does not read that input). The catalogue keeps them so
 * ignore files written for oasdiff stay valid.
 *
 * The catalogue-coverage test accepts exactly two states for an id: produced by
 * a fixture pair under test/fixtures/breaking/openapi, or listed here. An id
 * listed here that a fixture produces fails the test, so a reason can not go
 * stale. Every id is produced today; the record stays for the next id added to
 * the catalogue that the differ does not reach.
 */
import type { OpenApiBreakingId } from './catalogue.js';

/** Ids the differ never reports, and why. */
export const UNREACHABLE_IDS: Readonly<Partial<Record<OpenApiBreakingId, string>>> = {};
