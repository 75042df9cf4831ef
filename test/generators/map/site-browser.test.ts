/**
 * The committed map site of examples/orders in headless Chromium (Debian's
 * `chromium`, driven by playwright-core): every page loads without console
 * errors or failed requests, every link resolves to a page of the site, the
 * map shows every service of the example, search finds pages, and contract
 * text cannot inject markup. A screenshot of the map goes to test-output/.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext } from 'playwright-core';
import { writeGeneratedFiles } from '../../../generators/core/writer.js';
import { renderSite } from '../../../generators/map/site.js';
import { buildSystemMap } from '../../../contracts/system/build.js';
import { loadContracts } from '../../../contracts/load/load-all.js';
import { loadExampleModel } from '../../contracts/system/example-model.js';

const CHROMIUM = '/usr/bin/chromium';
const site = resolve(import.meta.dirname, '../../../examples/orders/map/site');
const outDir = resolve(import.meta.dirname, '../../../test-output');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`map site browser test skipped: ${CHROMIUM} is missing (apt-get install -y chromium)`);

function pagesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? pagesUnder(join(dir, n)) : n.endsWith('.html') ? [join(dir, n)] : []));
}

describe.skipIf(!hasChromium)('the map site in headless Chromium', () => {
  let context: BrowserContext;
  let profile: string;
  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    profile = mkdtempSync(join(tmpdir(), 'ck-chromium-'));
    // a fresh profile and no network: nothing the site needs may come from outside
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  }, 60_000);
  afterAll(async () => {
    await context?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  /** Opens `file`, returning the console errors, failed requests and page errors seen. */
  async function open(file: string) {
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file://') && !r.url().startsWith('data:')) problems.push(`request outside the site: ${r.url()}`);
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return { page, problems };
  }

  it('shows every service of the example on the map, and a screenshot is saved', async () => {
    const map = buildSystemMap(await loadExampleModel());
    const { page, problems } = await open(join(site, 'index.html'));
    const shown = await page.$$eval('#map svg .node.service', (nodes) => nodes.map((n) => n.getAttribute('data-id')));
    expect(shown.sort()).toEqual(map.services.map((s) => s.id).sort());
    for (const s of map.services) expect(await page.locator('#map svg .node.service', { hasText: s.name }).count()).toBeGreaterThan(0);
    // laid out: every node has a size and they do not all sit at one spot
    const boxes = await page.$$eval('#map svg .node', (nodes) => nodes.map((n) => (n as SVGGraphicsElement).getBBox()).map((b) => [Math.round(b.x), Math.round(b.y), Math.round(b.width)]));
    expect(boxes.every(([, , w]) => w! > 0)).toBe(true);
    expect(new Set(boxes.map(([x, y]) => `${x},${y}`)).size).toBe(boxes.length);
    mkdirSync(outDir, { recursive: true });
    await page.screenshot({ path: join(outDir, 'map-orders.png'), fullPage: true });
    expect(existsSync(join(outDir, 'map-orders.png'))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('loads every page without console errors, and every link resolves to a page of the site', async () => {
    const pages = pagesUnder(site);
    expect(pages.length).toBeGreaterThan(30);
    const broken: string[] = [];
    for (const file of pages) {
      const { page, problems } = await open(file);
      expect(problems, relative(site, file)).toEqual([]);
      // HTML and SVG links alike (an SVG <a>'s `href` property is not a string)
      const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const href of hrefs) {
        const url = new URL(href, page.url());
        if (url.protocol !== 'file:') {
          broken.push(`${relative(site, file)} → ${href} (leaves the site)`);
          continue;
        }
        const target = fileURLToPath(url);
        if (!existsSync(target) || !target.startsWith(site)) broken.push(`${relative(site, file)} → ${href}`);
      }
      await page.close();
    }
    expect(broken).toEqual([]);
  }, 120_000);

  it('links the saga page to the services and operations it calls, and draws it', async () => {
    const { page, problems } = await open(join(site, 'sagas/place-order.html'));
    expect(await page.locator('#saga-diagram svg .node.step').count()).toBe(4);
    await page.getByRole('link', { name: 'payments.v1.PaymentService/Charge' }).click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/operations\/rpc-payments\.v1\.PaymentService-Charge\.html$/);
    expect(await page.locator('h1').textContent()).toContain('PaymentService.Charge');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('searches: typing shows matching pages, a result opens its page', async () => {
    const { page, problems } = await open(join(site, 'services/order.html'));
    await page.fill('#q', 'order.placed');
    const results = page.locator('#results li a');
    await expect.poll(() => results.count()).toBeGreaterThan(0);
    expect(await results.first().textContent()).toBe('order.placed');
    await results.first().click();
    await page.waitForLoadState('load');
    expect(page.url()).toMatch(/events\/order\.placed\.html$/);
    expect(await page.locator('pre.schema').count()).toBe(2);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  it('shows hostile contract text as text (no script runs, no markup injected)', async () => {
    const fixtures = resolve(import.meta.dirname, '../../fixtures/map');
    const loaded = await loadContracts([{ name: 'xss-events', kind: 'asyncapi', path: join(fixtures, 'xss-events.yaml') }], { cwd: fixtures, rootDir: fixtures, allowRemoteRefs: false });
    const dir = mkdtempSync(join(tmpdir(), 'ck-map-xss-'));
    try {
      const map = buildSystemMap(loaded.model);
      writeGeneratedFiles(dir, await renderSite(map, { title: '<script>alert("title")</script>', findings: map.findings.map((f) => f.message) }));
      for (const file of pagesUnder(dir)) {
        const { page, problems } = await open(file);
        let dialogs = 0;
        page.on('dialog', (d) => {
          dialogs++;
          void d.dismiss();
        });
        expect(await page.locator('main script, main img, main svg [onload], main b').count(), relative(dir, file)).toBe(0);
        expect(dialogs).toBe(0);
        expect(problems).toEqual([]);
        await page.close();
      }
      const { page } = await open(join(dir, 'index.html'));
      expect(await page.locator('h1').textContent()).toBe('<script>alert("title")</script>');
      await page.fill('#q', 'img');
      await expect.poll(() => page.locator('#results li a').count()).toBeGreaterThan(0);
      expect(await page.locator('#results img').count()).toBe(0);
      await page.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
