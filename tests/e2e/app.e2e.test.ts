import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_OUT, startE2eStack, type E2eStack } from '../helpers/e2e-stack';

const OUT = E2E_OUT;

let stack: E2eStack | undefined;
let browser: Browser;
let base: string;
const external: string[] = [];
const pageErrors: string[] = [];
/** Content-Security-Policy violations the page reports (issue 18: the CSP is on). */
const cspViolations: string[] = [];

beforeAll(async () => {
  stack = await startE2eStack();
  ({ browser, base } = stack);
});

afterAll(async () => {
  await stack?.close();
});

async function openApp(lang?: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    ...(lang ? { locale: lang } : {}),
  });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.exposeFunction('__cspViolation', (v: string) => cspViolations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (globalThis as unknown as { __cspViolation(v: string): void }).__cspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      ),
    );
  });
  // Offline promise: every request must go to our own server.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(base) || url.startsWith('data:') || url.startsWith('blob:'))
      return route.continue();
    external.push(url);
    return route.abort();
  });
  await page.goto(base);
  await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 180_000 });
  return page;
}

describe('the app in headless Chromium against the real server', () => {
  it('draws the demo district: communities and buildings are rendered on the map', async () => {
    const page = await openApp();
    const rendered = await page.locator('rpm-map').evaluate((el) => {
      const host = el as unknown as {
        map: {
          getStyle(): { layers: { id: string; 'source-layer'?: string }[] };
          queryRenderedFeatures(o?: {
            layers: string[];
          }): { properties: Record<string, unknown> }[];
          getCanvas(): HTMLCanvasElement;
        };
        overlay: {
          pickObjects(o: {
            x: number;
            y: number;
            width: number;
            height: number;
            layerIds: string[];
          }): { object: { properties: { name: string } } }[];
        };
      };
      const buildingLayers = host.map
        .getStyle()
        .layers.filter((l) => l['source-layer'] === 'building')
        .map((l) => l.id);
      const buildings = host.map.queryRenderedFeatures({ layers: buildingLayers });
      const canvas = host.map.getCanvas();
      const communities = host.overlay.pickObjects({
        x: 0,
        y: 0,
        width: canvas.clientWidth,
        height: canvas.clientHeight,
        layerIds: ['communities'],
      });
      return {
        buildingLayers,
        buildings: buildings.length,
        communityNames: [...new Set(communities.map((c) => c.object.properties.name))],
      };
    });
    await page.screenshot({ path: join(OUT, 'app-zh.png') });
    expect(rendered.buildingLayers.length).toBeGreaterThan(0);
    expect(rendered.buildings).toBeGreaterThan(100);
    expect(rendered.communityNames.length).toBeGreaterThanOrEqual(5);
    expect(rendered.communityNames).toContain('富润家园');
    // zh-CN by default, the list of communities in the sidebar, and the OSM attribution.
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    expect(await page.locator('rpm-community-list').getByText('静淑苑').count()).toBeGreaterThan(0);
    expect(await page.getByText('© OpenStreetMap contributors').count()).toBeGreaterThan(0);
    expect(external).toEqual([]);
    expect(pageErrors).toEqual([]);
    // The map, its workers and the deck.gl overlay run under the CSP without a violation.
    const csp = (await page.request.get(base)).headers()['content-security-policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(cspViolations).toEqual([]);
    await page.context().close();
  });
});
