/**
 * verify against a running provider: a hand-written server that keeps its
 * contract draws no finding; each way of breaking it is found at the
 * operation that breaks it.
 */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../contracts/finding.js';
import { verifyOpenApi } from '../../verify/openapi/verify-openapi.js';
import { loadOpenApi } from './support.js';
import { startWidgetsServer, type WidgetFault } from './widgets-server.js';

async function verifyWith(faults: WidgetFault[]): Promise<Finding[]> {
  const contract = await loadOpenApi('test/fixtures/verify/widgets.yaml');
  const server = await startWidgetsServer(faults);
  try {
    return (await verifyOpenApi(contract, { url: server.url, runs: 10, seed: 7 })).findings;
  } finally {
    await server.close();
  }
}

/** `ruleId at pointer` of each finding, sorted. */
const where = (findings: Finding[]) => [...new Set(findings.map((f) => `${f.ruleId} at ${f.pointer}`))].sort();

describe('verify <openapi> --url', () => {
  it('finds nothing in a provider that keeps its contract', async () => {
    expect(where(await verifyWith([]))).toEqual([]);
  });

  const cases: [WidgetFault, string, string][] = [
    ['undeclared-status', 'verify/undeclared-status', '/paths/~1widgets~1{widgetId}/get'],
    ['invalid-body', 'verify/invalid-body', '/paths/~1widgets/get/responses/200/content/application~1json'],
    ['missing-header', 'verify/missing-header', '/paths/~1reports/get/responses/200/headers/X-Request-Id'],
    ['no-retry-after', 'verify/retry-after', '/paths/~1stock/get/responses/503/headers/Retry-After'],
    ['no-problem-details', 'verify/problem-details', '/paths/~1widgets~1{widgetId}/delete/responses/404'],
    ['broken-replay', 'verify/idempotency-replay', '/paths/~1widgets/post/parameters/0'],
    ['accepts-invalid', 'verify/invalid-request-accepted', '/paths/~1widgets/post/requestBody'],
  ];
  for (const [fault, ruleId, pointer] of cases) {
    it(`finds ${ruleId} at the operation that breaks the contract (${fault})`, async () => {
      expect(where(await verifyWith([fault]))).toEqual([`${ruleId} at ${pointer}`]);
    });
  }
});
