import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_OUT, startE2eStack, type E2eStack } from '../helpers/e2e-stack';
import { DEMO_LOGIN, loginAs } from '../helpers/login-as';
import type { TestDatabase } from '../helpers/test-db';

const OUT = E2E_OUT;

let t: TestDatabase;
let stack: E2eStack | undefined;
let browser: Browser;
let base: string;
let districtId: number;
let communityId: number;
let baselineId: number;
let proposalId: number;
let storyId: number;
const pageErrors: string[] = [];

/** Every write this file makes through the API (a role check will guard them). */
/** The demo planner's session cookie (signed in once in beforeAll). */
let plannerCookie = '';
const writes = {
  signIn: async (): Promise<void> => {
    const res = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(DEMO_LOGIN.planner),
    });
    if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
    plannerCookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  },
  post: async (path: string, body: unknown): Promise<{ id: number; created?: number[] }> => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: plannerCookie },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: number };
  },
};

// Three stalls in an open courtyard of 静淑苑 (the planner e2e's lot), 2.5 × 5.3 m each.
const stall = (i: number) => {
  const [x, y] = [116.343 + i * (2.6 / 85_000), 40.0038];
  const [dx, dy] = [2.5 / 85_000, 5.3 / 111_000];
  return {
    type: 'Feature',
    properties: { kind: 'parking_stall', category: 'standard' },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [x + dx, y],
          [x + dx, y + dy],
          [x, y + dy],
          [x, y],
        ],
      ],
    },
  };
};

/** The saved camera: over the imported stalls and the east part of 静淑苑. */
const camera = { center: [116.3436, 40.0042], zoom: 17.6, bearing: 0, pitch: 0 };

beforeAll(async () => {
  stack = await startE2eStack();
  ({ t, browser, base } = stack);
  const [row] = await t.db.query<{ id: number; cid: number; did: number }>(
    `SELECT s.id, c.id AS cid, c.district_id AS did FROM scenario s
     JOIN community c ON c.id = s.community_id
     WHERE s.kind = 'baseline' AND c.name = '静淑苑'`,
  );
  baselineId = Number(row!.id);
  communityId = Number(row!.cid);
  districtId = Number(row!.did);
  await writes.signIn();
  proposalId = (await writes.post(`/api/scenarios/${baselineId}/proposals`, { name: '演示e2e' }))
    .id;
  await writes.post(`/api/scenarios/${proposalId}/import`, {
    type: 'FeatureCollection',
    features: [stall(0), stall(1), stall(2)],
  });
  storyId = (
    await writes.post('/api/stories', {
      districtId,
      communityId,
      title: '静淑苑 改造前后',
      views: [
        { camera, layers: [], scenarioId: baselineId, compareMode: 'none', caption: '一 现状' },
        {
          camera,
          layers: [],
          scenarioId: proposalId,
          compareMode: 'swipe',
          caption: '二 卷帘对比',
        },
        {
          camera,
          layers: ['buildings', 'parking', 'basemap'],
          scenarioId: proposalId,
          compareMode: 'side',
          caption: '三 并排对比',
        },
      ],
    })
  ).id;
});

afterAll(async () => {
  await t?.db.query('DELETE FROM story WHERE district_id = $1', [districtId]);
  await t?.db.query('DELETE FROM scenario WHERE id = $1', [proposalId]);
  await stack?.close();
});

const caption = (page: Page) => page.locator('rpm-presenter .caption').textContent();
const mainMap = (page: Page) => page.locator('rpm-map#main-map');

/** The centre of a map element's MapLibre camera. */
const centreOf = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const map = (el as unknown as { map: { getCenter(): { lng: number; lat: number } } }).map;
    const c = map.getCenter();
    return [c.lng, c.lat];
  });

describe('presenting before/after in headless Chromium', () => {
  it('opens a shared story read-only and steps through it with the keyboard', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${base}/?story=${storyId}`);
    await page.locator('rpm-presenter').waitFor({ timeout: 180_000 });
    await expect.poll(() => caption(page), { timeout: 60_000 }).toBe('一 现状');
    expect(await page.locator('rpm-app').getAttribute('presenting')).not.toBeNull();
    // Read-only: no drawing tools, no story editing, no header or side panels.
    expect(await page.locator('rpm-draw-toolbar').count()).toBe(0);
    expect(await page.locator('rpm-story-panel').count()).toBe(0);
    expect(await page.locator('rpm-header').isVisible()).toBe(false);
    await mainMap(page).and(page.locator('[data-ready="true"]')).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(OUT, 'present-1.png') });

    await page.keyboard.press('ArrowRight');
    await expect.poll(() => caption(page)).toBe('二 卷帘对比');
    await page.locator('rpm-app[data-story-step="1"]').waitFor({ timeout: 60_000 });
    const view = page.locator('rpm-compare-view[mode="swipe"]');
    await view.waitFor({ timeout: 60_000 });
    // Indicator cards: the three imported stalls, before → after.
    const parking = page.locator('rpm-compare-cards [data-card="compare.parking"] .values');
    await expect
      .poll(() => parking.textContent(), { timeout: 60_000 })
      .toMatch(/0\s*→\s*3 \(\+3\)/);
    await view.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 60_000 });
    // The camera is the saved one, on both maps.
    await expect
      .poll(async () => (await centreOf(page, 'rpm-map#main-map'))[0]!, { timeout: 10_000 })
      .toBeCloseTo(camera.center[0]!, 4);
    await page.screenshot({ path: join(OUT, 'present-2-swipe.png') });

    await page.keyboard.press(' ');
    await expect.poll(() => caption(page)).toBe('三 并排对比');
    await page.locator('rpm-compare-view[mode="side"]').waitFor();
    await expect
      .poll(() => page.locator('rpm-presenter .step').textContent())
      .toMatch(/3\s*\/\s*3/);
    // Only the saved layers are on: footways are off in this view.
    await page.waitForTimeout(1500);
    // The saved camera holds in side-by-side mode too (the baseline map follows, not leads).
    const side = await centreOf(page, 'rpm-map#main-map');
    expect(side[0]).toBeCloseTo(camera.center[0]!, 5);
    expect(side[1]).toBeCloseTo(camera.center[1]!, 5);
    await page.screenshot({ path: join(OUT, 'present-3-side.png') });
    await page.locator('rpm-app[data-story-step="2"]').waitFor({ timeout: 60_000 });
    await page.keyboard.press('PageDown'); // past the end: stays on the last view
    expect(await caption(page)).toBe('三 并排对比');
    await page.keyboard.press('PageUp');
    await expect.poll(() => caption(page)).toBe('二 卷帘对比');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => caption(page)).toBe('一 现状');
    await expect.poll(() => page.locator('rpm-compare-view').count()).toBe(0);

    await page.keyboard.press('Escape');
    await page.locator('rpm-presenter').waitFor({ state: 'detached' });
    expect(await page.locator('rpm-app').getAttribute('presenting')).toBeNull();
    expect(await page.locator('rpm-header').isVisible()).toBe(true);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('swipes: the divider drags and steps, the baseline is clipped there, the cameras stay in step', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await page.goto(`${base}/?story=${storyId}`);
    await page.locator('rpm-app[data-story-step="0"]').waitFor({ timeout: 180_000 });
    await page.keyboard.press('ArrowRight');
    const view = page.locator('rpm-compare-view[mode="swipe"]');
    await view.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 60_000 });
    const divider = view.locator('.divider');
    expect(await divider.getAttribute('aria-valuenow')).toBe('50');
    const box = (await view.boundingBox())!;
    const handle = (await divider.boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height / 2, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => divider.getAttribute('aria-valuenow')).toBe('25');
    expect(await view.locator('rpm-map').getAttribute('style')).toContain('calc(100% - 25');
    await divider.focus();
    await page.keyboard.press('Shift+ArrowRight');
    await expect.poll(() => divider.getAttribute('aria-valuenow')).toBe('35');
    await page.screenshot({ path: join(OUT, 'swipe-35.png') });

    // Pan the proposal map: the baseline map follows to the same centre.
    await mainMap(page).evaluate((el) =>
      (el as unknown as { map: { jumpTo(o: unknown): void } }).map.jumpTo({
        center: [116.3445, 40.0042],
      }),
    );
    const [a, b] = [
      await centreOf(page, 'rpm-map#main-map'),
      await centreOf(page, 'rpm-compare-view rpm-map'),
    ];
    expect(b[0]).toBeCloseTo(a[0]!, 6);
    expect(b[1]).toBeCloseTo(a[1]!, 6);
    expect(a[0]).toBeCloseTo(116.3445, 6);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('a planner saves a view as a story and exports the map as a print-resolution PNG', async () => {
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // Saving a story is a write: sign in as the demo planner first (the cookie stays with the
    // context).
    await loginAs(page, 'planner', base);
    await page.goto(base);
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 180_000 });
    await page.locator('rpm-community-list').getByText('静淑苑').first().click();
    await page.locator(`rpm-scenario-panel li[data-scenario-id="${proposalId}"] input`).check();
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 60_000 });
    await page.locator('rpm-compare-bar button[data-mode="swipe"]').click();
    await page.locator('rpm-compare-view rpm-map[data-ready="true"]').waitFor({ timeout: 60_000 });
    await page.locator('rpm-story-panel input[name="story-title"]').fill('规划师的演示');
    await page.locator('rpm-story-panel input[name="story-caption"]').fill('卷帘看新增车位');
    await page.locator('rpm-story-panel [data-action="add-view"]').click();
    await page.locator('rpm-story-panel li').first().waitFor();
    await page.locator('rpm-story-panel [data-action="save-story"]').click();
    const link = page.locator('rpm-story-panel .link a');
    await link.waitFor({ timeout: 30_000 });
    const id = (await link.textContent())!.match(/story=(\d+)/)![1]!;
    const saved = (await (await fetch(`${base}/api/stories/${id}`)).json()) as {
      title: string;
      views: { caption: string; compareMode: string; scenarioId: number }[];
    };
    expect(saved.title).toBe('规划师的演示');
    expect(saved.views).toEqual([
      expect.objectContaining({
        caption: '卷帘看新增车位',
        compareMode: 'swipe',
        scenarioId: proposalId,
      }),
    ]);
    await page.screenshot({ path: join(OUT, 'compare-swipe.png') });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('rpm-compare-bar button[data-export="png"]').click(),
    ]);
    await download.saveAs(join(OUT, 'export-map.png'));
    const png = await readFile(join(OUT, 'export-map.png'));
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    const canvas = await mainMap(page).evaluate((el) => {
      const c = (el as unknown as { map: { getCanvas(): HTMLCanvasElement } }).map.getCanvas();
      return { w: c.clientWidth, h: c.clientHeight };
    });
    // Twice the screen's pixels (device pixel ratio 1 here).
    expect(png.readUInt32BE(16)).toBe(canvas.w * 2);
    expect(png.readUInt32BE(20)).toBe(canvas.h * 2);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
