import { join } from 'node:path';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_OUT, startE2eStack, type E2eStack } from '../helpers/e2e-stack';
import { loginAs } from '../helpers/login-as';

// Issue 12 §2 / §4: a demo community shows a non-zero existing count flagged as estimated (its
// surface lots carry no `capacity` in OpenStreetMap: 25 m² a stall, GB/T 51149-2016), and a
// survey count (现状调查) entered in the feature editor replaces the estimate.

let stack: E2eStack | undefined;
let base: string;
const pageErrors: string[] = [];

let started = '';
beforeAll(async () => {
  stack = await startE2eStack();
  ({ base } = stack);
  const [now] = await stack.t.db.query<{ at: string }>('SELECT now()::text AS at');
  started = now!.at;
});
afterAll(async () => {
  // The survey this test records stays out of the shared server database (the route tests
  // that follow expect the demo's lots estimated, not surveyed).
  if (started)
    await stack?.t.db.query('DELETE FROM parking_survey WHERE recorded_at >= $1::timestamptz', [
      started,
    ]);
  await stack?.close();
});

const get = async <T>(path: string): Promise<T> =>
  (await fetch(`${base}${path}`)).json() as Promise<T>;

interface Item {
  id: number;
  source: string;
  stalls: number;
}
interface Ledger {
  existing: number;
  existingEstimated: number;
  existingItems: Item[];
}

const metric = async (page: Page, name: string): Promise<number> =>
  Number(
    (await page.locator(`rpm-ledger-cards [data-metric="${name}"] .number`).textContent())?.replace(
      /[^\d]/g,
      '',
    ),
  );

/** A point inside a ring (lon/lat): the bbox centre if inside, else the first inside grid point. */
function pointInside(ring: number[][]): [number, number] {
  const inside = ([x, y]: [number, number]) => {
    let c = false;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) c = !c;
    }
    return c;
  };
  const xs = ring.map((p) => p[0]!);
  const ys = ring.map((p) => p[1]!);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const centre: [number, number] = [(x0 + x1) / 2, (y0 + y1) / 2];
  if (inside(centre)) return centre;
  for (let i = 1; i < 10; i++)
    for (let j = 1; j < 10; j++) {
      const p: [number, number] = [x0 + ((x1 - x0) * i) / 10, y0 + ((y1 - y0) * j) / 10];
      if (inside(p)) return p;
    }
  return centre;
}

describe('existing parking in the planner (issue 12 §2)', () => {
  it('shows an estimated existing count, and a survey entered in the UI replaces it', async () => {
    // The first demo community whose baseline counts a lot by its area.
    const communities = await get<FeatureCollection>('/api/communities');
    let found: { name: string; baselineId: number; ledger: Ledger; item: Item } | undefined;
    for (const c of communities.features) {
      const p = c.properties as { name: string; baselineScenarioId: number | null };
      if (p.baselineScenarioId === null) continue;
      const ind = await get<{ parking: Ledger }>(
        `/api/scenarios/${p.baselineScenarioId}/indicators`,
      );
      const items = ind.parking.existingItems.filter((i) => i.source === 'area_estimate');
      if (items.length === 0) continue;
      const item = items.reduce((a, b) => (b.stalls > a.stalls ? b : a));
      found = { name: p.name, baselineId: p.baselineScenarioId, ledger: ind.parking, item };
      break;
    }
    expect(found, 'a demo community with a lot estimated from its area').toBeDefined();
    const { name, baselineId, ledger, item } = found!;
    const lots = await get<FeatureCollection>(
      `/api/scenarios/${baselineId}/features?kind=parking_area`,
    );
    const lot = lots.features.find((f) => Number(f.properties?.['id']) === item.id) as
      Feature<Polygon> | undefined;
    expect(lot?.geometry.type).toBe('Polygon');

    const context = await stack!.browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await loginAs(page, 'planner', base);
    await page.goto(base);
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 180_000 });
    await page.locator('rpm-community-list').getByText(name).first().click();
    await page.locator('rpm-scenario-panel li[data-scenario-id]').first().waitFor();
    await page.locator('rpm-scenario-panel [data-action="new-proposal"]').click();
    await page.locator('rpm-scenario-panel li[data-active] .tag', { hasText: '方案' }).waitFor();
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 60_000 });

    // 现状 is the server's figure, non-zero, and flagged as estimated (估).
    await expect.poll(() => metric(page, 'existing')).toBe(ledger.existing);
    expect(ledger.existing).toBeGreaterThan(0);
    const badge = page.locator('rpm-ledger-cards [data-metric="existing"] [data-estimated]');
    expect(Number(await badge.getAttribute('data-estimated'))).toBe(ledger.existingEstimated);
    await expect
      .poll(() => page.locator('rpm-ledger-cards [data-source="area_estimate"]').count())
      .toBe(1);

    // Zoom to the lot, select it, enter a survey count.
    const ring = lot!.geometry.coordinates[0]!;
    await page.locator('rpm-map').evaluate((el, r) => {
      const map = (el as unknown as { map: { fitBounds(b: number[], o: object): void } }).map;
      const xs = r.map((p) => p[0]!);
      const ys = r.map((p) => p[1]!);
      map.fitBounds([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], {
        padding: 200,
        duration: 0,
      });
    }, ring);
    await page.waitForTimeout(800);
    const at = pointInside(ring);
    const { x, y } = await page.locator('rpm-map').evaluate((el, ll) => {
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
    }, at);
    await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.click(x, y);
    const editor = page.locator('rpm-feature-editor form.survey');
    await editor.waitFor({ timeout: 20_000 });
    expect(
      await editor.locator('[data-existing-source]').getAttribute('data-existing-source'),
    ).toBe('area_estimate');
    const surveyed = item.stalls + 5;
    await editor.locator('#surveyCount').fill(String(surveyed));
    await editor.locator('#surveyNote').fill('夜间清点');
    await editor.locator('[data-action="save-survey"]').click();

    // The survey replaces the estimate: existing +5, the estimated part shrinks by the lot's.
    await expect.poll(() => metric(page, 'existing')).toBe(ledger.existing + 5);
    await page.locator('rpm-ledger-cards [data-source="survey"]').waitFor();
    await editor.locator('[data-survey-recorded]').waitFor();
    const left = ledger.existingEstimated - item.stalls;
    if (left > 0) expect(Number(await badge.getAttribute('data-estimated'))).toBe(left);
    else expect(await badge.count()).toBe(0);
    expect(await metric(page, 'removed')).toBe(0);
    expect(await metric(page, 'added')).toBe(0);
    // The server agrees, on the baseline itself.
    const after = await get<{ parking: Ledger }>(`/api/scenarios/${baselineId}/indicators`);
    expect(after.parking.existing).toBe(ledger.existing + 5);
    await page.screenshot({ path: join(E2E_OUT, 'parking-existing.png') });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
