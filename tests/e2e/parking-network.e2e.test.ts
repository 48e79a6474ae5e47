import { join } from 'node:path';
import type { FeatureCollection, Point, Polygon, Position } from 'geojson';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localProjection, type XY } from '../../domain/geo/local-projection';
import { checkStallReachability } from '../../domain/parking/check-stall-reachability';
import { generateParkingLayout } from '../../domain/parking/generate-parking-layout';
import { E2E_OUT, startE2eStack, type E2eStack } from '../helpers/e2e-stack';
import { loginAs } from '../helpers/login-as';

let stack: E2eStack | undefined;
let browser: Browser;
let base: string;

beforeAll(async () => {
  stack = await startE2eStack();
  ({ browser, base } = stack);
});

afterAll(async () => {
  await stack?.close();
});

// A U-shaped lot in the open courtyard of 静淑苑 (tests/e2e/planner.e2e.test.ts), local metres
// from its south-west corner: 39 × 44 m with a 15 × 22 m notch in the north (≈ 1,390 m²), arms
// 12 m wide. At the community's zoom its inner vertices are < 40 px apart: terra-draw's default
// closing distance closed such a lot early as a triangle (issue 17).
//
//   (0,44)┌──┐(12,44)  (27,44)┌──┐(39,44)
//         │  │                │  │
//         │  └────────────────┘  │ (12,22)–(27,22)
//         │                      │
//    (0,0)└──────────────────────┘(39,0)
const SW: [number, number] = [116.342963, 40.003671];
const P = localProjection(SW);
const U_LOCAL: XY[] = [
  [0, 0],
  [39, 0],
  [39, 44],
  [27, 44],
  [27, 22],
  [12, 22],
  [12, 44],
  [0, 44],
];
const U = U_LOCAL.map((p) => P.toLonLat(p) as [number, number]);

async function pixelOf(page: Page, lngLat: Position): Promise<{ x: number; y: number }> {
  return page.locator('rpm-map').evaluate((el, ll) => {
    const map = (
      el as unknown as {
        map: {
          project(p: Position): { x: number; y: number };
          getCanvas(): HTMLCanvasElement;
        };
      }
    ).map;
    const p = map.project(ll);
    const rect = map.getCanvas().getBoundingClientRect();
    return { x: rect.left + p.x, y: rect.top + p.y };
  }, lngLat);
}

async function clickAt(page: Page, lngLat: Position): Promise<void> {
  const { x, y } = await pixelOf(page, lngLat);
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.click(x, y);
  await page.waitForTimeout(200);
}

interface DraftState {
  shape: Polygon;
  finished: boolean;
  count: number;
  context: {
    obstacles: FeatureCollection;
    keepClear: FeatureCollection;
    roads?: FeatureCollection;
  };
  entrance: Position | null;
}

/** The app's draft (shape, what it avoids) as the browser holds it. */
const draftState = (page: Page): Promise<DraftState> =>
  page.locator('rpm-app').evaluate((el) => {
    const app = el as unknown as {
      _draft: {
        draft: { shape: Polygon; finished: boolean; result: { count: number } | null };
        entrance: Position | null;
      };
      _draftContext(): DraftState['context'];
    };
    return {
      shape: app._draft.draft.shape,
      finished: app._draft.draft.finished,
      count: app._draft.draft.result?.count ?? -1,
      context: app._draftContext(),
      entrance: app._draft.entrance,
    };
  });

/** What the map is handed to draw: the preview stalls, aisles and entrance. */
const drawn = (page: Page) =>
  page.locator('rpm-map').evaluate((el) => {
    const plan = (
      el as unknown as {
        plan: {
          preview: FeatureCollection<Polygon, { angleDeg?: number }> | null;
          previewNetwork?: {
            aisles: FeatureCollection<Polygon, { kind: string; role?: string }>;
            marks: FeatureCollection;
            entrance: { geometry: Point; properties: { source: string } } | null;
          } | null;
        };
      }
    ).plan;
    return {
      stalls: plan.preview,
      aisles: plan.previewNetwork?.aisles ?? null,
      marks: plan.previewNetwork?.marks.features.length ?? 0,
      entrance: plan.previewNetwork?.entrance ?? null,
    };
  });

const shownCount = async (page: Page): Promise<number> =>
  Number(
    await page.locator('rpm-parking-options [data-draft-count]').getAttribute('data-draft-count'),
  );

describe('a U-shaped lot drawn by mouse (issue 17)', () => {
  it('closes only on the first vertex and shows only reachable stalls, with their aisles and entrance', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await loginAs(page, 'planner', base);
    await page.goto(base);
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 180_000 });
    await page.locator('rpm-community-list').getByText('静淑苑').first().click();
    await page.locator('rpm-scenario-panel li[data-scenario-id]').first().waitFor();
    await page.locator('rpm-scenario-panel [data-action="new-proposal"]').click();
    await page.locator('rpm-scenario-panel li[data-active] .tag', { hasText: '方案' }).waitFor();
    await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 60_000 });

    // The inner corners really are closer on screen than terra-draw's default 40 px.
    const px = await Promise.all(U.map((p) => pixelOf(page, p)));
    const gaps = px.map((p, i) => Math.hypot(p.x - px[(i + 1) % 8]!.x, p.y - px[(i + 1) % 8]!.y));
    expect(Math.min(...gaps)).toBeLessThan(40);

    await page.keyboard.press('p');
    for (const p of U) await clickAt(page, p);
    // Eight vertices placed and the lot still open: no early close.
    let state = await draftState(page);
    expect(state.finished).toBe(false);
    await clickAt(page, U[0]!); // the first vertex closes it
    await page.locator('rpm-parking-options [data-draft-count]').waitFor();
    state = await draftState(page);
    expect(state.finished).toBe(true);
    expect(state.shape.type).toBe('Polygon');
    expect(state.shape.coordinates[0]).toHaveLength(9); // 8 corners + closing position

    // The count shown is the domain's for that polygon, and every stall has a way in.
    const domain = generateParkingLayout({
      boundary: state.shape,
      obstacles: state.context.obstacles,
      keepClear: state.context.keepClear,
      ...(state.context.roads ? { roads: state.context.roads } : {}),
    });
    const shown = await shownCount(page);
    expect(shown).toBe(domain.count);
    expect(shown).toBeGreaterThan(20);
    const map = await drawn(page);
    expect(map.stalls!.features).toHaveLength(shown);
    expect(map.aisles!.features.some((f) => f.properties.role === 'connector')).toBe(true);
    expect(map.marks).toBeGreaterThan(0);
    expect(map.entrance).not.toBeNull();
    const check = checkStallReachability({
      stalls: map.stalls! as FeatureCollection<Polygon, { angleDeg: number }>,
      aisles: map.aisles!,
      entrance: map.entrance!.geometry,
    });
    expect(check.reachableCount).toBe(shown);
    expect(check.oneNetwork).toBe(true);
    await page.screenshot({ path: join(E2E_OUT, 'parking-network-u.png') });

    // The planner moves the entrance to the east arm's east side: the layout follows.
    await page.locator('rpm-parking-options [data-action="place-entrance"]').click();
    await clickAt(page, P.toLonLat([39, 34]));
    await expect.poll(async () => (await drawn(page)).entrance?.properties.source).toBe('given');
    state = await draftState(page);
    const moved = generateParkingLayout({
      boundary: state.shape,
      obstacles: state.context.obstacles,
      keepClear: state.context.keepClear,
      ...(state.context.roads ? { roads: state.context.roads } : {}),
      entrance: state.entrance!,
    });
    expect(await shownCount(page)).toBe(moved.count);
    const after = await drawn(page);
    const [ex, ey] = P.toLocal(after.entrance!.geometry.coordinates);
    expect(ex).toBeCloseTo(39, 0);
    expect(ey).toBeCloseTo(34, 0);
    const check2 = checkStallReachability({
      stalls: after.stalls! as FeatureCollection<Polygon, { angleDeg: number }>,
      aisles: after.aisles!,
      entrance: after.entrance!.geometry,
    });
    expect(check2.reachableCount).toBe(moved.count);
    // Close up, for a person to look at: aisles, arrows, connectors and the entrance.
    await page.locator('rpm-map').evaluate(
      (el, bounds) => {
        const map = (el as unknown as { map: { fitBounds(b: unknown, o: unknown): void } }).map;
        map.fitBounds(bounds, { animate: false, padding: 120 });
      },
      [U[0]!, U[2]!],
    );
    await page.waitForTimeout(1500);
    await page.screenshot({ path: join(E2E_OUT, 'parking-network-u-entrance.png') });
    expect(errors).toEqual([]);
    await context.close();
  });
});
