/**
 * The Mermaid text `map` prints is real Mermaid: mermaid itself (the
 * package's browser bundle, loaded into headless Chromium from
 * node_modules, no network) parses and renders the example's map, the
 * PR-comment map of a change (classes and linkStyles) and hostile names.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { buildSystemMap } from '../../../contracts/system/build.js';
import { mapToMermaid } from '../../../generators/map/mermaid.js';
import { sagaToMermaid } from '../../../generators/diagram/saga-mermaid.js';
import type { SystemMap } from '../../../contracts/system/types.js';
import { loadExampleModel } from '../../contracts/system/example-model.js';
import { runCli } from '../../cli/run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`Mermaid browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

describe.skipIf(!hasChromium)('map Mermaid rendered by mermaid in headless Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let profile: string;
  const errors: string[] = [];
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'ck-chromium-'));
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('dialog', (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.setContent('<!doctype html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js') });
    await page.evaluate(() => (globalThis as unknown as { mermaid: { initialize(o: object): void } }).mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** The SVG mermaid renders for `text`; throws mermaid's parse error. */
  async function render(text: string): Promise<string> {
    return page.evaluate(async (src) => {
      const m = (globalThis as unknown as { mermaid: { render(id: string, t: string): Promise<{ svg: string }> } }).mermaid;
      const { svg } = await m.render(`g${Math.random().toString(36).slice(2)}`, src);
      return svg;
    }, text);
  }

  it('renders the example map with every service and saga', async () => {
    const map = buildSystemMap(await loadExampleModel());
    const svg = await render(mapToMermaid(map));
    for (const s of map.services) expect(svg).toContain(s.name);
    expect(svg).toContain('saga place-order v1');
    expect(errors).toEqual([]);
  }, 60_000);

  it('renders the saga diagram the saga page shows', async () => {
    const model = await loadExampleModel();
    const saga = model.contracts.find((c) => c.kind === 'saga')!;
    const svg = await render(sagaToMermaid(saga as Parameters<typeof sagaToMermaid>[0]));
    expect(svg).toContain('reserve-inventory');
  }, 60_000);

  it('renders the PR-comment map of a change (classes, linkStyle)', async () => {
    const r = runCli(['map', '--against', '../previous'], resolve(import.meta.dirname, '../../fixtures/map/change/current'));
    const block = /```mermaid\n([\s\S]*?)```/.exec(r.stdout)?.[1];
    expect(block).toBeDefined();
    const svg = await render(block!);
    expect(svg).toContain('storefront');
    expect(svg).toContain('removed: cartAbandoned');
  }, 60_000);

  it('renders hostile names as text', async () => {
    const map: SystemMap = {
      services: [
        { id: 'a', name: '<img src=x onerror=alert(1)> "q" #x; end', contracts: [], origin: 'x-service', servers: [] },
        { id: 'b', name: 'b]; click b call alert(2)', contracts: [], origin: 'title', servers: [] },
      ],
      operations: [],
      events: [],
      sagas: [],
      edges: [{ from: 'a', to: 'b', kind: 'event', labels: ['--> x', '"];'] }],
      findings: [],
    };
    // the harness can fail: an unescaped quote is a parse error
    await expect(render('flowchart LR\n  n_a["a"b"]')).rejects.toThrow();
    const svg = await render(mapToMermaid(map));
    expect(svg).not.toMatch(/<img/);
    expect(svg).toContain('b]; click b call alert(2)');
    expect(errors).toEqual([]);
  }, 60_000);
});
