/**
 * The programmatic mock: `startMock(contract, options) → { url, routes, close }`.
 * Serves an OpenAPI contract on `node:http`, a proto contract with grpc-js. Tests and the CLI use this;
 * the contract comes from `loadContracts` (contracts/).
 */
import { UsageError } from '../contracts/errors.js';
import type { Contract } from '../contracts/model/types.js';
import { startOpenApiMock, type OpenApiMockOptions, type RunningMock } from './openapi/server.js';
import type { ProtoMockOptions } from './proto/server.js';

export type { OpenApiMockOptions, RunningMock } from './openapi/server.js';
export type { Scenario } from './openapi/scenarios.js';
export { loadScenarios } from './openapi/scenarios.js';

/** Options of {@link startMock}. */
export type MockOptions = OpenApiMockOptions & ProtoMockOptions;

/** Starts a mock of `contract`. @throws UsageError for a contract that cannot be mocked (no operations, a kind without a mock). */
export async function startMock(contract: Contract, options: MockOptions = {}): Promise<RunningMock> {
  if (contract.kind === 'openapi') return startOpenApiMock(contract, options);
  // grpc-js is loaded only for a proto contract
  if (contract.kind === 'proto') return (await import('./proto/server.js')).startProtoMock(contract, options);
  throw new UsageError(`${contract.file}: contractkit mock serves OpenAPI and proto contracts; a ${contract.kind} contract has no mock yet.`, [
    { ruleId: 'mock/unsupported-kind', severity: 'error', kind: contract.kind === 'graphql' ? 'config' : contract.kind, file: contract.file, message: `A ${contract.kind} contract cannot be mocked yet.`, hint: 'Mock an OpenAPI or proto contract (docs/mock.md lists what is planned).' },
  ]);
}
