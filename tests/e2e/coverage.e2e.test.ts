import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommunityCollection, PlanFeatureCollection } from '../../client/api/types';
import { districtToCoverageInput } from '../../domain/coverage/district-view-to-coverage-input';
import type { DistrictData } from '../../client/data/district-data';
import { mergeScenarioView } from '../../client/data/merge-scenario-view';
import type { AreaSummary } from '../../domain/coverage/types';
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

// Between the northern slab blocks of 静淑苑 (WGS84 lon/lat), on the main walking network:
// the blocks north of it are within 300 m of walk, those on the cut-off southern paths are not.
const ELDERLY_CARE_AT: [number, number] = [116.3442, 40.0047];

const getJson = async <T>(path: string): Promise<T> =>
  (await fetch(`${base}${path}`)).json() as Promise<T>;

async function openPlanner(page: Page, community: string): Promise<void> {
  await page.goto(base);
  await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 180_000 });
  await page.locator('rpm-community-list').getByText(community).first().click();
  await page.locator('rpm-scenario-panel li[data-scenario-id]').first().waitFor();
}

/** Centres the map on a lon/lat (zoom 17.5) and returns its page pixel. */
async function centreOn(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
  return page.locator('rpm-map').evaluate((el, ll) => {
    const map = (
      el as unknown as {
        map: {
          jumpTo(o: { center: [number, number]; zoom: number }): void;
          project(p: [number, number]): { x: number; y: number };
          getCanvas(): HTMLCanvasElement;
        };
      }
    ).map;
    map.jumpTo({ center: ll, zoom: 17.5 });
    const p = map.project(ll);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, lngLat);
}

const bar = (page: Page, category: string, area: 'community' | 'district') =>
  page.locator(`rpm-coverage-panel li[data-category="${category}"] .bar[data-area="${area}"]`);

async function shareOf(page: Page, category: string, area: 'community' | 'district') {
  const el = bar(page, category, area);
  return {
    share: Number(await el.getAttribute('data-share')),
    delta: Number(await el.getAttribute('data-delta')),
    text: (await el.locator('.value').textContent())?.replace(/\s+/g, ' ').trim() ?? '',
  };
}

/** The planner's merged view rebuilt from the API: the proposal replaces its community's baseline. */
async function mergedView(scenarioId: string, baselineScenarioId: string): Promise<DistrictData> {
  const communities = await getJson<CommunityCollection>('/api/communities?district=1');
  const baseline = await getJson<PlanFeatureCollection>(
    '/api/districts/1/features?kind=building,road,footway,facility,gate',
  );
  const active = await getJson<PlanFeatureCollection>(`/api/scenarios/${scenarioId}/features`);
  const of = (kind: string) => baseline.features.filter((f) => f.properties.kind === kind);
  const data: DistrictData = {
    districtId: '1',
    communities: communities.features,
    buildings: of('building'),
    roads: of('road'),
    footways: of('footway'),
    facilities: of('facility'),
    parking: [],
    gates: of('gate'),
    fireLanes: [],
    obstacles: [],
  };
  return mergeScenarioView(data, baselineScenarioId, active.features);
}

const percent = (share: number): number => Math.round(share * 1000) / 10;

describe('15-minute life-circle coverage in headless Chromium against the real server', () => {
  it('adds an elderly-care station in a proposal and sees the covered share rise', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await loginAs(page, 'planner', base);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await openPlanner(page, '静淑苑');
    const community = (
      await getJson<CommunityCollection>('/api/communities?district=1')
    ).features.find((c) => c.properties.name === '静淑苑')!;
    const communityId = String(community.properties.id);

    await page.locator('rpm-scenario-panel [data-action="new-proposal"]').click();
    const active = page.locator('rpm-scenario-panel li[data-active]');
    await active.locator('.tag', { hasText: '方案' }).waitFor();
    const scenarioId = (await active.getAttribute('data-scenario-id'))!;
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 60_000 });

    // Open the panel: the network builds (with progress), then elderly care is at 0 %.
    await page.locator('rpm-coverage-panel [data-action="toggle-coverage"]').click();
    await bar(page, 'elderly_care', 'community').waitFor({ timeout: 60_000 });
    await page
      .locator('rpm-coverage-panel select[data-control="category"]')
      .selectOption('elderly_care');
    expect(await shareOf(page, 'elderly_care', 'community')).toMatchObject({ share: 0, delta: 0 });
    expect(await shareOf(page, 'elderly_care', 'district')).toMatchObject({ share: 0, delta: 0 });
    expect(await page.locator('rpm-coverage-panel [data-gap="elderly_care"]').count()).toBe(1);

    // Facility tool (✚, key A): one click drops an elderly-care station, saved in the proposal.
    await page.locator('rpm-draw-toolbar [data-tool="facility"]').click();
    await page.locator('rpm-draw-toolbar [data-tool="facility"][aria-pressed="true"]').waitFor();
    const { x, y } = await centreOn(page, ELDERLY_CARE_AT);
    await page.waitForTimeout(300);
    await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.click(x, y);
    await page.locator('rpm-draw-toolbar .status[data-state="saved"]').waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => (await shareOf(page, 'elderly_care', 'community')).share)
      .toBeGreaterThan(0);
    // Inside the community: no "outside" note.
    expect(await page.locator('rpm-draw-toolbar [data-note]').count()).toBe(0);
    const now = await shareOf(page, 'elderly_care', 'community');
    const district = await shareOf(page, 'elderly_care', 'district');
    expect(now.delta).toBe(now.share);
    expect(now.text).toContain('▲');
    expect(district.share).toBeGreaterThan(0);
    expect(district.share).toBeLessThan(now.share);

    // The server holds the facility in the proposal.
    const saved = await getJson<PlanFeatureCollection>(
      `/api/scenarios/${scenarioId}/features?kind=facility`,
    );
    const added = saved.features.filter((f) => f.properties.category === 'elderly_care');
    expect(added).toHaveLength(1);
    expect(added[0]!.properties.sourceId).toBeNull();

    // The server's coverage of the same merged view (a full, non-incremental computation)
    // gives the numbers the panel shows (kept incrementally in the browser).
    const input = districtToCoverageInput(
      await mergedView(scenarioId, String(community.properties.baselineScenarioId)),
    );
    const response = await fetch(`${base}/api/analysis/coverage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...input, options: { categories: ['elderly_care'] } }),
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const { summary } = (await response.json()) as {
      summary: { district: AreaSummary; communities: AreaSummary[] };
    };
    const server = summary.communities.find((c) => c.communityId === communityId)!;
    expect(percent(server.byCategory.elderly_care!.share)).toBe(now.share);
    expect(percent(summary.district.byCategory.elderly_care!.share)).toBe(district.share);

    // Isochrones from the new station: select it, press 等时圈.
    await page.locator('rpm-draw-toolbar [data-tool="select"]').click();
    await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.click(x, y);
    await page.locator('rpm-coverage-panel [data-action="isochrone"]:not([disabled])').click();
    await page.locator('rpm-coverage-panel [data-legend] .swatch').nth(3).waitFor();
    // MapLibreOverlay keeps its props privately; the layer ids are what the map draws.
    const layerIds = await page
      .locator('rpm-map')
      .evaluate((el) =>
        (
          el as unknown as { overlay: { _props: { layers: { id: string }[] } } }
        ).overlay._props.layers.map((l) => l.id),
      );
    expect(layerIds).toEqual(
      expect.arrayContaining(['coverage-buildings', 'isochrone-areas', 'isochrone-lines']),
    );
    // Zoomed out so the 5/10/15-min bands show, with the elderly-care bars in view.
    await page.locator('rpm-map').evaluate((el) =>
      (el as unknown as { map: { jumpTo(o: { zoom: number }): void } }).map.jumpTo({
        zoom: 15.6,
      }),
    );
    await page
      .locator('rpm-coverage-panel li[data-category="elderly_care"]')
      .scrollIntoViewIfNeeded();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: join(OUT, 'coverage.png') });

    // Reload, reopen the proposal: the station is still there and still counts.
    await openPlanner(page, '静淑苑');
    await page.locator(`rpm-scenario-panel li[data-scenario-id="${scenarioId}"] input`).check();
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 60_000 });
    await page.locator('rpm-coverage-panel [data-action="toggle-coverage"]').click();
    await bar(page, 'elderly_care', 'community').waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => (await shareOf(page, 'elderly_care', 'community')).share)
      .toBe(now.share);
    expect((await shareOf(page, 'elderly_care', 'community')).delta).toBe(now.share);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('adds the station across the road, outside the community, and sees the share rise (issue 12 §3)', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    await loginAs(page, 'planner', base);
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await openPlanner(page, '静淑苑');
    await page.locator('rpm-scenario-panel [data-action="new-proposal"]').click();
    const active = page.locator('rpm-scenario-panel li[data-active]');
    await active.locator('.tag', { hasText: '方案' }).waitFor();
    const scenarioId = (await active.getAttribute('data-scenario-id'))!;
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 60_000 });
    await page.locator('rpm-coverage-panel [data-action="toggle-coverage"]').click();
    await bar(page, 'elderly_care', 'community').waitFor({ timeout: 60_000 });
    await page
      .locator('rpm-coverage-panel select[data-control="category"]')
      .selectOption('elderly_care');
    expect((await shareOf(page, 'elderly_care', 'community')).share).toBe(0);

    // On 学清路's service side, ≈ 60 m east of 静淑苑's boundary, inside no community
    // (tests/server/sheet-routes.test.ts checks that against the stored boundaries).
    await page.locator('rpm-draw-toolbar [data-tool="facility"]').click();
    await page.locator('rpm-draw-toolbar [data-tool="facility"][aria-pressed="true"]').waitFor();
    const { x, y } = await centreOn(page, [116.346, 40.005]);
    await page.waitForTimeout(300);
    await page.mouse.move(x, y, { steps: 4 });
    await page.mouse.click(x, y);
    await page.locator('rpm-draw-toolbar .status[data-state="saved"]').waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => (await shareOf(page, 'elderly_care', 'community')).share)
      .toBeGreaterThan(0);
    // The planner is told it lies outside: it counts here, not as the community's own.
    expect(await page.locator('rpm-draw-toolbar [data-note]').textContent()).toContain(
      '本小区范围外',
    );

    // Stored in the proposal, outside the community's outline.
    const saved = await getJson<PlanFeatureCollection>(
      `/api/scenarios/${scenarioId}/features?kind=facility`,
    );
    const added = saved.features.filter((f) => f.properties.category === 'elderly_care');
    expect(added).toHaveLength(1);
    const [lon, lat] = (added[0]!.geometry as { coordinates: number[] }).coordinates;
    expect(lon).toBeGreaterThan(116.3453); // 静淑苑's east edge
    expect(Math.abs(lon! - 116.346)).toBeLessThan(0.0001);
    expect(Math.abs(lat! - 40.005)).toBeLessThan(0.0001);

    const { version } = await getJson<{ version: number }>(`/api/scenarios/${scenarioId}`);
    const status = await page.evaluate(
      async ([id, v]) =>
        (await fetch(`/api/scenarios/${id}?version=${v}`, { method: 'DELETE' })).status,
      [scenarioId, String(version)] as const,
    );
    expect(status).toBe(204);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
