import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_OUT, startE2eStack, type E2eStack } from '../helpers/e2e-stack';
import { loginAs } from '../helpers/login-as';

/**
 * A planner imports a CAD survey (DXF, CGCS2000 3° Gauss-Krüger CM 117°E, EPSG:4548) of 静淑苑
 * through the wizard (issue 11). The fixture is built from the community's OSM buildings
 * (tests/fixtures/survey/make-survey-fixture.ts), so where it lands can be checked against the
 * baseline it came from.
 */
const FIXTURE = join(import.meta.dirname, '../fixtures/survey/jingshuyuan-cgcs2000-4548.dxf');
const COMMUNITY = '静淑苑';

let stack: E2eStack | undefined;
let scenarioId: number | null = null;

beforeAll(async () => {
  stack = await startE2eStack();
});

afterAll(async () => {
  if (scenarioId !== null)
    await stack?.t.db.query(`DELETE FROM scenario WHERE id = $1 AND kind = 'proposal'`, [
      scenarioId,
    ]);
  await stack?.close();
});

describe('survey import wizard in headless Chromium', () => {
  it('uploads a DXF, guesses CRS and layers, previews on the map and commits stalls and buildings', async () => {
    const { browser, base, t } = stack!;
    const context = await browser.newContext({ viewport: { width: 1500, height: 950 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginAs(page, 'planner', base);
    await page.goto(base);
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 180_000 });
    await page.locator('rpm-community-list').getByText(COMMUNITY).first().click();
    await page.locator('rpm-scenario-panel li[data-scenario-id]').first().waitFor();
    await page.locator('rpm-scenario-panel [data-action="new-proposal"]').click();
    await page.locator('rpm-scenario-panel li[data-active] .tag', { hasText: '方案' }).waitFor();
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 60_000 });
    scenarioId = Number(
      await page
        .locator('rpm-app')
        .evaluate(
          (el) =>
            (el as unknown as { _planner: { view: { activeId: string } } })._planner.view.activeId,
        ),
    );
    expect(scenarioId).toBeGreaterThan(0);
    const addedBefore = Number(
      (await page.locator('rpm-ledger-cards [data-metric="added"] .number').textContent()) ?? 0,
    );

    await page.locator('[data-action="survey-open"]').click();
    const wizard = page.locator('rpm-survey-import');
    await wizard.locator('[data-input="survey-file"]').setInputFiles(FIXTURE);

    // Layers with their guesses from the CAD layer names; the CRS guessed from the coordinates.
    const layers = wizard.locator('[data-table="layers"] tbody tr');
    await layers.first().waitFor({ timeout: 60_000 });
    const kindOf = (name: string) =>
      wizard.locator(`tr[data-layer="${name}"]`).getAttribute('data-kind');
    expect(await kindOf('JMD')).toBe('building');
    expect(await kindOf('车位')).toBe('parking_stall');
    expect(await kindOf('TK')).toBe('ignore');
    expect(await kindOf('DLSS')).toBe('road');
    // 绿化 holds tree blocks and one green outline: guessed green, the planner picks tree
    // (a layer mapped to tree keeps its large closed outlines as green areas).
    expect(await kindOf('绿化')).toBe('green');
    await wizard.locator('tr[data-layer="绿化"] [data-input="layer-kind"]').selectOption('tree');
    await expect.poll(() => kindOf('绿化')).toBe('tree');
    expect(await wizard.locator('[data-input="survey-crs"]').inputValue()).toBe('EPSG:4548');
    await page.screenshot({ path: join(E2E_OUT, 'survey-import-layers.png') });

    await wizard.locator('[data-action="survey-preview"]').click();
    await wizard.locator('[data-preview-counts]').waitFor({ timeout: 60_000 });
    const count = async (kind: string) =>
      Number(
        ((await wizard.locator(`[data-count="${kind}"]`).textContent()) ?? '').replace(/\D/g, ''),
      );
    const buildings = await count('building');
    const stalls = await count('parking_stall');
    // The fixture: 31 OSM buildings round 静淑苑, 12 stall blocks, 6 tree blocks, 4 roads.
    expect(buildings).toBe(31);
    expect(stalls).toBe(12);
    expect(await count('tree')).toBe(6);
    expect(await count('road')).toBe(4);
    expect(await count('green')).toBe(1);
    // The preview is on the map before anything is saved.
    const previewed = await page.locator('rpm-map').evaluate((el) => {
      const map = (
        el as unknown as {
          map: { getSource(id: string): { _data?: { features?: unknown[] } } | undefined };
        }
      ).map;
      const src = map.getSource('survey-preview') as
        { serialize(): { data: { features: unknown[] } } } | undefined;
      return src ? src.serialize().data.features.length : -1;
    });
    expect(previewed).toBeGreaterThanOrEqual(buildings + stalls);
    await page.screenshot({ path: join(E2E_OUT, 'survey-import-preview.png') });
    const [before] = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM feature f JOIN scenario s ON s.id = f.scenario_id
       WHERE s.id = $1 AND f.source_id IS NULL`,
      [scenarioId],
    );
    expect(before?.n).toBe(0);

    await wizard.locator('[data-action="survey-commit"]').click();
    await wizard.locator('[data-result]').waitFor({ timeout: 60_000 });
    expect(await wizard.locator('[data-result]').textContent()).toMatch(/已导入 \d+ 个要素/);

    // Saved in the proposal: the stalls are in the ledger, the buildings where OSM has them.
    const saved = await t.db.query<{ kind: string; n: number }>(
      `SELECT f.kind, count(*)::int AS n FROM feature f JOIN scenario s ON s.id = f.scenario_id
       WHERE s.id = $1 AND f.source_id IS NULL GROUP BY f.kind`,
      [scenarioId],
    );
    const savedOf = (k: string) => saved.find((r) => r.kind === k)?.n ?? 0;
    expect(savedOf('building')).toBe(buildings);
    expect(savedOf('parking_stall')).toBe(stalls);
    await expect
      .poll(
        async () =>
          Number(
            (await page.locator('rpm-ledger-cards [data-metric="added"] .number').textContent()) ??
              0,
          ),
        { timeout: 30_000 },
      )
      .toBe(addedBefore + stalls);

    // Each imported building lies on the OSM building it was surveyed from (< 1 m).
    const offsets = await t.db.query<{ d: number }>(
      `SELECT (SELECT min(ST_Distance(ST_Centroid(f.geom)::geography, ST_Centroid(b.geom)::geography))
                 FROM feature b JOIN scenario bs ON bs.id = b.scenario_id
                WHERE bs.kind = 'baseline' AND b.kind = 'building') AS d
         FROM feature f JOIN scenario s ON s.id = f.scenario_id
        WHERE s.id = $1 AND f.kind = 'building' AND f.source_id IS NULL`,
      [scenarioId],
    );
    expect(offsets.length).toBe(buildings);
    expect(Math.max(...offsets.map((o) => Number(o.d)))).toBeLessThan(1);
    await wizard.locator('button.primary').click();
    await page.screenshot({ path: join(E2E_OUT, 'survey-import-done.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
