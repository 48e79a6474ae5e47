import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_OUT, startE2eStack, type E2eStack } from '../helpers/e2e-stack';
import { DEMO_LOGIN } from '../helpers/login-as';

let stack: E2eStack | undefined;
let proposalId: number;

beforeAll(async () => {
  stack = await startE2eStack();
  const { t, base } = stack;
  const [row] = await t.db.query<{ id: number }>(
    `SELECT s.id FROM scenario s JOIN community c ON c.id = s.community_id
     WHERE s.kind = 'baseline' AND c.name = '静淑苑'`,
  );
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(DEMO_LOGIN.planner),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const res = await fetch(`${base}/api/scenarios/${Number(row!.id)}/proposals`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ name: 'CAD 导出演示' }),
  });
  proposalId = ((await res.json()) as { id: number }).id;
}, 240_000);

afterAll(async () => {
  await stack?.t.db.query('DELETE FROM scenario WHERE id = $1', [proposalId]);
  await stack?.close();
});

describe('CAD/GIS export control (issue 11 item 3)', () => {
  it('downloads the proposal as DXF in a chosen Gauss-Krüger zone and as a Shapefile zip', async () => {
    const { browser, base } = stack!;
    const context = await browser.newContext({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 180_000 });
    await page.locator('rpm-community-list').getByText('静淑苑').first().click();
    await page.locator(`rpm-scenario-panel li[data-scenario-id="${proposalId}"] input`).check();
    const control = page.locator('rpm-compare-bar rpm-cad-export');
    await control.waitFor({ timeout: 60_000 });
    await control.locator('select[data-cad-export="crs"]').selectOption('EPSG:4548');
    const link = control.locator('a[data-cad-export="download"]');
    expect(await link.getAttribute('href')).toBe(
      `/api/scenarios/${proposalId}/export.dxf?crs=EPSG%3A4548`,
    );
    await page.locator('rpm-compare-bar').screenshot({ path: join(E2E_OUT, 'cad-export.png') });
    await page.screenshot({ path: join(E2E_OUT, 'cad-export-page.png') });
    const [dxf] = await Promise.all([page.waitForEvent('download'), link.click()]);
    await dxf.saveAs(join(E2E_OUT, 'cad-export.dxf'));
    const text = await readFile(join(E2E_OUT, 'cad-export.dxf'), 'utf8');
    expect(text).toContain('AC1021');
    expect(text).toContain('JMD_建筑');

    await control.locator('select[data-cad-export="format"]').selectOption('zip');
    await control.locator('select[data-cad-export="crs"]').selectOption('gcj02');
    expect(await link.getAttribute('href')).toBe(
      `/api/scenarios/${proposalId}/export.zip?crs=gcj02`,
    );
    const [zip] = await Promise.all([page.waitForEvent('download'), link.click()]);
    await zip.saveAs(join(E2E_OUT, 'cad-export.zip'));
    const bytes = await readFile(join(E2E_OUT, 'cad-export.zip'));
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(errors).toEqual([]);
    await context.close();
  });
});
