import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_OUT, startE2eStack, type E2eStack } from '../helpers/e2e-stack';
import { buildLedgerFixture } from '../helpers/ledger-fixture';
import { loginAs } from '../helpers/login-as';

let stack: E2eStack | undefined;
let saved: Record<string, unknown>[] = [];
const pageErrors: string[] = [];

/** The recorded figures the import writes, kept to restore a shared server database after. */
const FIGURES = `id, code, built_year, households, households_estimated, building_count,
  floor_area_sqm, floor_area_estimated, stage, budget_wan`;

beforeAll(async () => {
  stack = await startE2eStack();
  saved = await stack.t.db.query(`SELECT ${FIGURES} FROM community`);
});

afterAll(async () => {
  const db = stack?.t.db;
  for (const c of saved)
    await db?.query(
      `UPDATE community SET code = $2, built_year = $3, households = $4, households_estimated = $5,
         building_count = $6, floor_area_sqm = $7, floor_area_estimated = $8, stage = $9,
         budget_wan = $10 WHERE id = $1`,
      [
        c.id,
        c.code,
        c.built_year,
        c.households,
        c.households_estimated,
        c.building_count,
        c.floor_area_sqm,
        c.floor_area_estimated,
        c.stage,
        c.budget_wan,
      ],
    );
  await db?.query(`DELETE FROM register_import WHERE file_name = '海淀区台账.xlsx'`);
  await stack?.close();
});

/** The fill colour deck.gl gives a community on the map (the choropleth). */
const mapColour = (page: Page, name: string) =>
  page.locator('rpm-map').evaluate((el, name) => {
    const layers = (
      el as unknown as {
        overlay: {
          _props: {
            layers: {
              id: string;
              props: { data: { properties: { name: string; choroplethColor?: number[] } }[] };
            }[];
          };
        };
      }
    ).overlay._props.layers;
    const communities = layers.find((l) => l.id.includes('communit'));
    const f = communities?.props.data.find((d) => d.properties.name === name);
    return f?.properties.choroplethColor?.join(',') ?? null;
  }, name);

const cellOf = (page: Page, name: string, column: number) =>
  page
    .locator('rpm-district-register tbody tr', { hasText: name })
    .locator(`td:nth-child(${column})`)
    .textContent();

describe('an official imports the district ledger in headless Chromium', () => {
  it('previews the Excel ledger, confirms, and sees the households column and the choropleth change', async () => {
    const { browser, base } = stack!;
    const context = await browser.newContext({ viewport: { width: 1600, height: 950 } });
    const page = await context.newPage();
    page.on('pageerror', (e) => pageErrors.push(e.message));
    await loginAs(page, 'reviewer', base);
    await page.goto(base);
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 180_000 });
    await page.locator('[data-action="district-review"]').click();
    const rows = page.locator('rpm-district-register tbody tr');
    await rows.first().waitFor({ timeout: 120_000 });
    // Colour the communities by budget: no budget recorded yet, every community alike.
    await page.locator('rpm-district-register [data-field="indicator"]').selectOption('budget');
    await page.locator('rpm-district-register [data-legend="budget"]').waitFor();
    await expect.poll(() => mapColour(page, '石科院生活区')).not.toBeNull();
    const before = {
      households: await cellOf(page, '石科院生活区', 3),
      colour: await mapColour(page, '石科院生活区'),
      other: await mapColour(page, '大华花园别墅'),
    };
    expect(before.colour).toBe(before.other);
    expect(
      await page.locator('rpm-district-register [data-action="xlsx"]').getAttribute('href'),
    ).toMatch(/\/register\.xlsx\?lang=zh$/);

    // "导入台账…": choose the ledger file; the preview dialog lists matches, misses and errors.
    await page.locator('rpm-district-register [data-field="ledger-file"]').setInputFiles({
      name: '海淀区台账.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await buildLedgerFixture(),
    });
    const dialog = page.locator('rpm-register-import-dialog');
    await dialog.locator('[data-summary]').waitFor({ timeout: 60_000 });
    expect(await dialog.locator('.chip[data-kind="matched"]').textContent()).toContain('匹配 3');
    expect(await dialog.locator('.chip[data-kind="unmatched"]').textContent()).toContain(
      '未匹配 1',
    );
    expect(await dialog.locator('.chip[data-kind="invalid"]').textContent()).toContain('错误 1');
    expect(await dialog.locator('tr[data-status="duplicate"]').count()).toBe(2);
    expect(await dialog.locator('tr[data-status="forbidden"]').count()).toBe(3);
    expect(await dialog.locator('[data-cell="D6"]').textContent()).toContain(
      'D6 户数: 「三百」不是数字',
    );
    const sky = dialog.locator('tr[data-row="3"][data-sheet="小区台账"] [data-field="households"]');
    expect((await sky.textContent())?.replace(/\s+/g, ' ')).toMatch(/户数: [\d,]+ \(估\) → 1,300/);
    await page.screenshot({ path: join(E2E_OUT, 'register-ledger-preview.png') });

    await dialog.locator('[data-action="import-confirm"]').click();
    await page.locator('rpm-district-register [data-import-done]').waitFor({ timeout: 60_000 });
    expect(await dialog.count()).toBe(0);
    // The register and the map follow the imported figures.
    await expect.poll(() => cellOf(page, '石科院生活区', 3), { timeout: 60_000 }).toBe('1,300');
    expect(await cellOf(page, '静淑苑', 3)).toBe('900');
    expect(before.households).not.toBe('1,300');
    expect(await cellOf(page, '石科院生活区', 8)).toBe('850.5');
    await expect.poll(() => mapColour(page, '石科院生活区')).not.toBe(before.colour);
    // The community list beside the map shows the recorded households (no longer ≈ estimates).
    await expect
      .poll(() => page.locator('rpm-community-list li', { hasText: '石科院生活区' }).textContent())
      .toMatch(/16 栋\s*1,300 户/);
    expect(await mapColour(page, '大华花园别墅')).toBe(before.other);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(E2E_OUT, 'register-ledger-imported.png') });
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
