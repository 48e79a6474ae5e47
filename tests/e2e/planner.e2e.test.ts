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

// An open courtyard in 静淑苑 (west part of the community), WGS84 lon/lat.
//   lot: ~40 × 45 m rectangle        kerb: a ~51 m line south of it, stalls on its left (north)
const LOT: [number, number][] = [
  [116.342963, 40.004078],
  [116.343429, 40.004078],
  [116.343429, 40.003671],
  [116.342963, 40.003671],
];
const KERB: [number, number][] = [
  [116.342963, 40.003416],
  [116.343561, 40.003416],
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

const draftCount = async (page: Page): Promise<number> =>
  Number(
    await page.locator('rpm-parking-options [data-draft-count]').getAttribute('data-draft-count'),
  );

async function saveDraft(page: Page): Promise<void> {
  await page.locator('rpm-parking-options [data-action="confirm-parking"]').click();
  await page.locator('rpm-parking-options [data-draft-count]').waitFor({ state: 'detached' });
  await page.locator('rpm-draw-toolbar .status[data-state="saved"]').waitFor({ timeout: 120_000 });
}

describe('the planner in headless Chromium against the real server', () => {
  it('creates a proposal, draws a lot and a kerb row, saves the stalls and finds them again', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await loginAs(page, 'planner', base);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await openPlanner(page, '静淑苑');

    // A new proposal becomes the active scenario.
    await page.locator('rpm-scenario-panel [data-action="new-proposal"]').click();
    const active = page.locator('rpm-scenario-panel li[data-active]');
    await active.locator('.tag', { hasText: '方案' }).waitFor();
    const scenarioId = await active.getAttribute('data-scenario-id');
    expect(scenarioId).toMatch(/^\d+$/);
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 60_000 });
    // Issue 12 §2: existing is no longer 0 where lots or kerbs are estimated: it is the server's
    // figure for this proposal (the same engine counts both sides).
    const ind = (await (await fetch(`${base}/api/scenarios/${scenarioId}/indicators`)).json()) as {
      parking: { existing: number };
    };
    await expect.poll(() => metric(page, 'existing')).toBe(ind.parking.existing);
    expect(await metric(page, 'added')).toBe(0);

    // Parking lot (P): stalls and the ledger follow the pointer before the polygon is closed.
    await page.keyboard.press('p');
    for (const p of LOT) await clickAt(page, p);
    const { x, y } = await pixelOf(page, [116.343196, 40.00375]);
    await page.mouse.move(x, y, { steps: 4 });
    await expect.poll(() => metric(page, 'added')).toBeGreaterThan(0);
    await clickAt(page, LOT[0]!); // click the first point: close the lot
    const lotStalls = await draftCount(page);
    expect(lotStalls).toBeGreaterThan(10);
    expect(await metric(page, 'added')).toBe(lotStalls);
    await saveDraft(page);
    expect(await metric(page, 'added')).toBe(lotStalls);

    // Kerb row (K): click along the kerb, click the last point again to finish.
    await page.keyboard.press('k');
    for (const p of KERB) await clickAt(page, p);
    await clickAt(page, KERB[1]!);
    const kerbStalls = await draftCount(page);
    expect(kerbStalls).toBeGreaterThan(3);
    expect(await metric(page, 'added')).toBe(lotStalls + kerbStalls);
    await saveDraft(page);
    const total = lotStalls + kerbStalls;
    expect(await metric(page, 'added')).toBe(total);
    expect(await metric(page, 'net')).toBe(total);

    // The server holds exactly what the UI counted.
    const stalls = (await (
      await fetch(`${base}/api/scenarios/${scenarioId}/features?kind=parking_stall`)
    ).json()) as { features: { properties: { category: string; sourceId: unknown } }[] };
    expect(stalls.features).toHaveLength(total);
    expect(stalls.features.every((f) => f.properties.sourceId === null)).toBe(true);
    const lots = (await (
      await fetch(`${base}/api/scenarios/${scenarioId}/features?kind=parking_area`)
    ).json()) as { features: { properties: { capacity: number } }[] };
    expect(lots.features.map((f) => f.properties.capacity)).toEqual([lotStalls]);

    // Reload, reopen the community and the proposal: the stalls are there.
    await openPlanner(page, '静淑苑');
    await page.locator(`rpm-scenario-panel li[data-scenario-id="${scenarioId}"] input`).check();
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 60_000 });
    await expect.poll(() => metric(page, 'added')).toBe(total);
    const onMap = await page.locator('rpm-map').evaluate((el) => {
      const host = el as unknown as {
        overlay: {
          pickObjects(o: {
            x: number;
            y: number;
            width: number;
            height: number;
            layerIds: string[];
          }): { object: { properties: { kind: string; scenarioId: number } } }[];
        };
        clientWidth: number;
        clientHeight: number;
      };
      return host.overlay
        .pickObjects({
          x: 0,
          y: 0,
          width: host.clientWidth,
          height: host.clientHeight,
          layerIds: ['parking'],
        })
        .filter((p) => p.object.properties.kind === 'parking_stall')
        .map((p) => String(p.object.properties.scenarioId));
    });
    expect(onMap.filter((id) => id === scenarioId).length).toBeGreaterThan(0);
    await page.screenshot({ path: join(OUT, 'planner.png') });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
