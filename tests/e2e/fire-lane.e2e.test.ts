import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_OUT, startE2eStack, type E2eStack } from '../helpers/e2e-stack';
import { loginAs } from '../helpers/login-as';

const OUT = E2E_OUT;

let stack: E2eStack | undefined;
let browser: Browser;
let base: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  stack = await startE2eStack();
  ({ browser, base } = stack);
});

afterAll(async () => {
  await stack?.close();
});

// An open courtyard in 静淑苑 (as in planner.e2e.test.ts), WGS84 lon/lat.
//   lot: ~40 × 45 m rectangle; lane: a west–east centreline across its middle rows
//
//   +-------------------+
//   |  ▭ ▭ ▭ ▭ ▭ ▭ ▭   |
//  =|===================|=  ← fire lane (4 m), stalls under it are flagged
//   |  ▭ ▭ ▭ ▭ ▭ ▭ ▭   |
//   +-------------------+
const LOT: [number, number][] = [
  [116.342963, 40.004078],
  [116.343429, 40.004078],
  [116.343429, 40.003671],
  [116.342963, 40.003671],
];
const LANE: [number, number][] = [
  [116.342903, 40.003875],
  [116.343489, 40.003875],
];

async function openPlanner(page: Page, community: string): Promise<void> {
  await page.goto(base);
  await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 180_000 });
  await page.locator('rpm-community-list').getByText(community).first().click();
  await page.locator('rpm-scenario-panel li[data-scenario-id]').first().waitFor();
}

/** Page pixel of a lon/lat on the map canvas. */
async function pixelOf(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.locator('rpm-map').evaluate((el, ll) => {
    const map = (
      el as unknown as {
        map: {
          project(p: [number, number]): { x: number; y: number };
          getCanvas(): HTMLCanvasElement;
        };
      }
    ).map;
    const p = map.project(ll);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, lngLat);
}

async function clickAt(page: Page, lngLat: [number, number]): Promise<void> {
  const { x, y } = await pixelOf(page, lngLat);
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.click(x, y);
  await page.waitForTimeout(200);
}

const metric = async (page: Page, name: string): Promise<number> =>
  Number(
    (await page.locator(`rpm-ledger-cards [data-metric="${name}"] .number`).textContent())?.replace(
      /[^\d]/g,
      '',
    ),
  );

const ruleCount = async (page: Page, rule: string): Promise<number> =>
  Number(
    await page
      .locator(`rpm-compliance-panel .rules li[data-rule="${rule}"]`)
      .getAttribute('data-count'),
  );

const summary = async (page: Page, name: string): Promise<number> =>
  Number(
    await page.locator(`rpm-compliance-panel [data-summary="${name}"]`).getAttribute('data-count'),
  );

const saved = (page: Page) =>
  page.locator('rpm-draw-toolbar .status[data-state="saved"]').waitFor({ timeout: 120_000 });

interface Check {
  summary: { total: number; byRule: Record<string, number> };
  violations: { features: { properties: { ruleId: string; featureId?: number } }[] };
}

describe('fire lanes in headless Chromium against the real server', () => {
  it('flags stalls in a drawn lane, removes them in one batch, and prints the report', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await loginAs(page, 'planner', base);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => void d.accept());
    await openPlanner(page, '静淑苑');

    await page.locator('rpm-scenario-panel [data-action="new-proposal"]').click();
    const active = page.locator('rpm-scenario-panel li[data-active]');
    await active.locator('.tag', { hasText: '方案' }).waitFor();
    const scenarioId = await active.getAttribute('data-scenario-id');
    expect(scenarioId).toMatch(/^\d+$/);
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 60_000 });
    await page.locator('rpm-compliance-panel [data-summary="total"]').waitFor();
    expect(await ruleCount(page, 'clear-width')).toBe(0);

    // A parking lot (P), saved in one batch request.
    const batches: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/features')) batches.push(r.url());
    });
    await page.keyboard.press('p');
    for (const p of LOT) await clickAt(page, p);
    await clickAt(page, LOT[0]!);
    await page.locator('rpm-parking-options [data-action="confirm-parking"]').click();
    await page.locator('rpm-parking-options [data-draft-count]').waitFor({ state: 'detached' });
    await saved(page);
    expect(batches.filter((u) => u.endsWith('/features/batch'))).toHaveLength(1);
    expect(batches.filter((u) => u.endsWith('/features'))).toHaveLength(0);
    const addedBefore = await metric(page, 'added');
    expect(addedBefore).toBeGreaterThan(10);

    // A fire lane (F) through the stalls: 4.5 m quick width, flagged live while drawing.
    await page.locator('rpm-compliance-panel [data-lane-width="4.5"]').click();
    await page.keyboard.press('f');
    for (const p of LANE) await clickAt(page, p);
    await expect.poll(() => ruleCount(page, 'clear-width')).toBeGreaterThan(0);
    await clickAt(page, LANE[1]!); // click the last point again: finish
    const lanesOf = async () =>
      (
        (await (
          await fetch(`${base}/api/scenarios/${scenarioId}/features?kind=fire_lane`)
        ).json()) as { features: { properties: { widthM: number } }[] }
      ).features;
    await expect.poll(async () => (await lanesOf()).length).toBe(1);
    await saved(page);
    await page.keyboard.press('v');
    await expect.poll(() => ruleCount(page, 'clear-width')).toBeGreaterThan(0);
    const blocked = await ruleCount(page, 'clear-width');
    const totalBefore = await summary(page, 'total');
    const errorsBefore = await summary(page, 'errors');

    // The server's check of the stored scenario agrees with the panel.
    const check = (await (
      await fetch(`${base}/api/scenarios/${scenarioId}/fire-lanes`)
    ).json()) as Check;
    expect(check.summary.byRule['clear-width']).toBe(blocked);
    expect(check.summary.total).toBe(totalBefore);
    const blockingIds = new Set(
      check.violations.features
        .filter((v) => v.properties.ruleId === 'clear-width')
        .map((v) => String(v.properties.featureId)),
    );
    expect(blockingIds.size).toBe(blocked);
    expect((await lanesOf()).map((f) => f.properties.widthM)).toEqual([4.5]);
    const stallsOf = async () =>
      (
        (await (
          await fetch(`${base}/api/scenarios/${scenarioId}/features?kind=parking_stall`)
        ).json()) as { features: { properties: { id: number } }[] }
      ).features.map((f) => String(f.properties.id));
    const stallsBefore = await stallsOf();
    // The ledger does not count stalls standing in a lane (domain/metrics): they are 'added' no more.
    expect(await metric(page, 'added')).toBe(addedBefore - blocked);

    // A finding picked in the list shows its clause and measured vs required.
    await page
      .locator('rpm-compliance-panel .findings li[data-rule="clear-width"] button')
      .first()
      .click();
    const picked = await page.locator('rpm-compliance-panel .picked').textContent();
    expect(picked).toContain('GB 50016');

    // One click removes the blocking stalls, in ONE batch request.
    batches.length = 0;
    await page.locator('rpm-compliance-panel [data-action="remove-blocking-all"]').click();
    await expect.poll(() => ruleCount(page, 'clear-width')).toBe(0);
    await saved(page);
    expect(batches.filter((u) => u.endsWith('/features/batch'))).toHaveLength(1);
    expect(await summary(page, 'total')).toBe(totalBefore - blocked);
    expect(await summary(page, 'errors')).toBe(errorsBefore - blocked);
    expect(await metric(page, 'added')).toBe(addedBefore - blocked);
    const stallsAfter = await stallsOf();
    expect(stallsAfter).toHaveLength(stallsBefore.length - blocked);
    expect(stallsAfter.some((id) => blockingIds.has(id))).toBe(false);
    const after = (await (
      await fetch(`${base}/api/scenarios/${scenarioId}/fire-lanes`)
    ).json()) as Check;
    expect(after.summary.byRule['clear-width']).toBe(0);

    await page.waitForTimeout(500);
    await page.screenshot({ path: join(OUT, 'fire-lane.png') });

    // The printable report opens from the panel's link in a new tab.
    const [report] = await Promise.all([
      context.waitForEvent('page'),
      page.locator('rpm-compliance-panel [data-action="print-report"]').click(),
    ]);
    await report.waitForLoadState();
    expect(report.url()).toContain(`/report/scenarios/${scenarioId}/compliance?lang=zh`);
    const text = (await report.locator('body').textContent()) ?? '';
    expect(text).toContain('消防车通道合规报告');
    expect(text).toContain('GB 50016');
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
