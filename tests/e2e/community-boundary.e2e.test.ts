import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_OUT, startE2eStack, type E2eStack } from '../helpers/e2e-stack';
import { loginAs } from '../helpers/login-as';

let stack: E2eStack | undefined;
let page: Page;
const NAME = `e2e 新画小区 ${process.pid}`;

beforeAll(async () => {
  stack = await startE2eStack();
}, 240_000);

afterAll(async () => {
  // A shared server database must get the demo back: the drawn community's features return to
  // the district context before the community goes.
  if (stack) {
    await stack.t.db.query(
      `UPDATE feature f SET scenario_id = ctx.id
       FROM scenario s, community c, scenario ctx
       WHERE f.scenario_id = s.id AND s.community_id = c.id AND c.name LIKE $1
         AND ctx.district_id = c.district_id AND ctx.community_id IS NULL AND ctx.kind = 'baseline'`,
      [`${NAME}%`],
    );
    await stack.t.db.query('DELETE FROM community WHERE name LIKE $1', [`${NAME}%`]);
  }
  await stack?.close();
});

// A block of public buildings north of 富润家园, outside every demo 小区 (WGS84 lon/lat):
//   (116.348, 40.004) ┌──────┐ (116.350, 40.004)
//                     │ 16 栋 │
//   (116.348, 40.002) └──────┘ (116.350, 40.002)
const BLOCK: [number, number][] = [
  [116.348, 40.004],
  [116.35, 40.004],
  [116.35, 40.002],
  [116.348, 40.002],
];

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

describe('community boundaries in headless Chromium', () => {
  it('draws a boundary, confirms the preview and finds the new community in the list with its buildings', async () => {
    const { browser, base, t } = stack!;
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginAs(page, 'planner', base);
    await page.goto(base);
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 180_000 });
    const list = page.locator('rpm-community-list');
    await list.getByText('共 11 个小区').waitFor();

    await page.locator('rpm-boundary-tools [data-action="boundary-draw"]').click();
    for (const p of BLOCK) await clickAt(page, p);
    await clickAt(page, BLOCK[0]!); // the first vertex closes the polygon

    // The confirm dialog previews the change (dry run) before anything is written.
    const dialog = page.locator('rpm-boundary-tools [role="dialog"]');
    await dialog.locator('table[data-preview]').waitFor({ timeout: 60_000 });
    // The block lies in the importer's provisional 石板房南路南侧居住区, which loses it: two rows.
    const previewRow = dialog.locator('tbody tr', { hasText: '新建' });
    const previewText = ((await previewRow.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(previewText).toMatch(/新建\s*→\s*\d+/);
    const [none] = await t.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM community WHERE name = $1',
      [NAME],
    );
    expect(none!.n).toBe(0);
    await dialog.locator('[data-field="boundary-name"]').fill(NAME);
    await page.screenshot({ path: join(E2E_OUT, 'community-boundary-confirm.png') });
    await dialog.locator('[data-action="boundary-confirm"]').click();

    // The district reloads with the new community, its buildings counted by the server.
    await list.getByText('共 12 个小区').waitFor({ timeout: 120_000 });
    const [saved] = await t.db.query<{ buildings: number; households: number }>(
      'SELECT building_count AS buildings, households FROM community WHERE name = $1',
      [NAME],
    );
    expect(saved!.buildings).toBeGreaterThanOrEqual(12);
    const item = list.locator('button', { hasText: NAME });
    await item.waitFor();
    expect(await item.textContent()).toContain(`${saved!.buildings} 栋`);
    expect(previewText).toContain(`新建 → ${saved!.buildings}`);
    await page.locator('rpm-boundary-tools input[name="name"]').waitFor();
    expect(await page.locator('rpm-boundary-tools input[name="name"]').inputValue()).toBe(NAME);
    await page.screenshot({ path: join(E2E_OUT, 'community-boundary.png') });
    expect(errors).toEqual([]);
  }, 400_000);

  it('splits the new community by a drawn line into two whose buildings add up', async () => {
    const { t } = stack!;
    const [before] = await t.db.query<{ buildings: number }>(
      'SELECT building_count AS buildings FROM community WHERE name = $1',
      [NAME],
    );
    // Zoom out one step so that the line can start and end outside the boundary.
    await page.locator('rpm-map').evaluate((el) => {
      const map = (el as unknown as { map: { setZoom(z: number): void; getZoom(): number } }).map;
      map.setZoom(map.getZoom() - 1);
    });
    await page.waitForTimeout(800);
    await page.locator('rpm-boundary-tools [data-action="boundary-split"]').click();
    const line: [number, number][] = [
      [116.3475, 40.003],
      [116.3505, 40.003],
    ];
    for (const p of line) await clickAt(page, p);
    await clickAt(page, line[1]!); // clicking the last point again finishes the line
    const dialog = page.locator('rpm-boundary-tools [role="dialog"]');
    await dialog.locator('table[data-preview]').waitFor({ timeout: 60_000 });
    expect(await dialog.locator('tbody tr').count()).toBe(2);
    await page.screenshot({ path: join(E2E_OUT, 'community-boundary-split.png') });
    await dialog.locator('[data-action="boundary-confirm"]').click();
    await page
      .locator('rpm-community-list')
      .getByText('共 13 个小区')
      .waitFor({ timeout: 120_000 });
    const parts = await t.db.query<{ buildings: number }>(
      'SELECT building_count AS buildings FROM community WHERE name LIKE $1 ORDER BY id',
      [`${NAME}%`],
    );
    expect(parts).toHaveLength(2);
    expect(parts.every((p) => p.buildings > 0)).toBe(true);
    expect(parts[0]!.buildings + parts[1]!.buildings).toBe(before!.buildings);
  }, 300_000);

  it('reshapes a boundary by dragging a vertex, renames it inline and merges the parts back', async () => {
    const { t } = stack!;
    const list = page.locator('rpm-community-list');
    const tools = page.locator('rpm-boundary-tools');
    const dialog = tools.locator('[role="dialog"]');
    const row = async (name: string) =>
      (
        await t.db.query<{ id: number; version: number; buildings: number; ring: string }>(
          `SELECT id, version, building_count AS buildings,
                  ST_AsGeoJSON(ST_ExteriorRing(ST_GeometryN(geom, 1))) AS ring
           FROM community WHERE name = $1`,
          [name],
        )
      )[0]!;
    const kept = await row(NAME);
    await list.locator('button', { hasText: NAME }).first().click();
    await page.waitForTimeout(1500);
    await tools.locator('[data-action="boundary-edit"]').click();
    await page.waitForTimeout(500);
    // Drag the ring's first vertex 20 px outwards (west); terra-draw shows the handles.
    const [lon, lat] = (JSON.parse(kept.ring) as { coordinates: [number, number][] })
      .coordinates[0]!;
    const from = await pixelOf(page, [lon, lat]);
    await page.mouse.move(from.x, from.y, { steps: 4 });
    await page.mouse.down();
    await page.mouse.move(from.x - 20, from.y, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    await tools.locator('[data-action="boundary-finish-edit"]:not([disabled])').click();
    await dialog.locator('table[data-preview]').waitFor({ timeout: 60_000 });
    await dialog.locator('[data-action="boundary-confirm"]').click();
    await expect
      .poll(async () => (await row(NAME)).version, { timeout: 60_000 })
      .toBe(kept.version + 1);
    expect((await row(NAME)).ring).not.toBe(kept.ring);

    // Rename inline: a PATCH with the name.
    const renamed = `${NAME} 北`;
    await list.locator('button', { hasText: NAME }).first().waitFor();
    await list.getByText(NAME, { exact: true }).click();
    await page.waitForTimeout(1000);
    await tools.locator('input[name="name"]').fill(renamed);
    await tools.locator('[data-action="boundary-rename"]').click();
    await dialog.locator('table[data-preview]').waitFor({ timeout: 60_000 });
    await dialog.locator('[data-action="boundary-confirm"]').click();
    await list.getByText(renamed).waitFor({ timeout: 60_000 });

    // Merge the other part into it: 12 communities again, the buildings of both.
    const a = await row(renamed);
    const b = await row(`${NAME} 二区`);
    await tools.locator('select[data-field="merge-with"]').selectOption(String(b.id));
    await tools.locator('[data-action="boundary-merge"]').click();
    await dialog.locator('table[data-preview]').waitFor({ timeout: 60_000 });
    expect(await dialog.locator('tbody tr').count()).toBe(2);
    await dialog.locator('[data-action="boundary-confirm"]').click();
    await list.getByText('共 12 个小区').waitFor({ timeout: 120_000 });
    const merged = await row(renamed);
    expect(merged.buildings).toBe(a.buildings + b.buildings);
    await list.getByText(`${merged.buildings} 栋`).first().waitFor();
    await page.screenshot({ path: join(E2E_OUT, 'community-boundary-merged.png') });
    await page.context().close();
  }, 300_000);
});
