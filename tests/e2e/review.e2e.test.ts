import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_OUT, startE2eStack, type E2eStack } from '../helpers/e2e-stack';
import { loginAs } from '../helpers/login-as';
import type { TestDatabase } from '../helpers/test-db';

const OUT = E2E_OUT;
const COMMUNITY = '学士居';

let t: TestDatabase;
let stack: E2eStack | undefined;
let browser: Browser;
let base: string;
let proposalId: number;
const pageErrors: string[] = [];

beforeAll(async () => {
  stack = await startE2eStack();
  ({ t, browser, base } = stack);
  // The planner has drawn a plan for 学士居 and submitted it (through the API).
  const context = await browser.newContext();
  const page = await context.newPage();
  await loginAs(page, 'planner', base);
  const [row] = await t.db.query<{ id: number }>(
    `SELECT s.id FROM scenario s JOIN community c ON c.id = s.community_id
     WHERE s.kind = 'baseline' AND c.name = $1`,
    [COMMUNITY],
  );
  const created = await page.request.post(`${base}/api/scenarios/${row!.id}/proposals`, {
    data: { name: '学士居 改造方案' },
  });
  proposalId = ((await created.json()) as { id: number }).id;
  const submitted = await page.request.post(`${base}/api/scenarios/${proposalId}/review/submit`, {
    data: { note: '请审查' },
  });
  expect(submitted.status()).toBe(200);
  await context.close();
});

afterAll(async () => {
  await t?.db.query('DELETE FROM scenario WHERE id = $1', [proposalId]);
  await t?.db.query("DELETE FROM register_item WHERE name = '消防车道拓宽'");
  await stack?.close();
});

async function open(role: 'reviewer' | 'planner'): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1600, height: 950 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await loginAs(page, role, base);
  await page.goto(base);
  await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 180_000 });
  return page;
}

async function openProposal(page: Page): Promise<void> {
  await page.locator(`rpm-scenario-panel li[data-scenario-id="${proposalId}"] input`).check();
  await page.locator('rpm-review-panel [data-review-state]').waitFor();
}

/** Ids of the deck.gl layers the map draws now. */
const deckLayerIds = (page: Page) =>
  page
    .locator('rpm-map')
    .evaluate((el) =>
      (
        el as unknown as { overlay: { _props: { layers: { id: string }[] } } }
      ).overlay._props.layers.map((l) => l.id),
    );

const reviewState = (page: Page) =>
  page.locator('rpm-review-panel [data-review-state]').getAttribute('data-review-state');

describe('an official reviews a plan in headless Chromium', () => {
  it('sees the register and choropleth, pins a comment, returns; the planner resubmits; the official approves', async () => {
    const official = await open('reviewer');
    await expect
      .poll(() => official.locator('rpm-login-control .role').getAttribute('data-role'))
      .toBe('reviewer');

    // District review: the register of all 11 communities with the totals row.
    await official.locator('[data-action="district-review"]').click();
    const rows = official.locator('rpm-district-register tbody tr');
    await rows.first().waitFor({ timeout: 120_000 });
    expect(await rows.count()).toBe(11);
    expect(await official.locator('rpm-district-register [data-totals]').textContent()).toMatch(
      /11 个小区，\d+ 栋，[\d.]+万 m²，[\d.,]+万元/,
    );
    const row = official.locator(`rpm-district-register tr`, { hasText: COMMUNITY });
    expect(await row.locator('[data-review-state]').getAttribute('data-review-state')).toBe(
      'submitted',
    );
    // Colour the map by fire-lane violations: the legend follows; search narrows the table.
    await official
      .locator('rpm-district-register [data-field="indicator"]')
      .selectOption('violations');
    await official.locator('rpm-district-register [data-legend="violations"]').waitFor();
    await official.locator('rpm-district-register [data-field="search"]').fill('学士');
    await expect.poll(() => rows.count()).toBe(1);
    await official.waitForTimeout(1500);
    await official.screenshot({ path: join(OUT, 'review-district.png') });
    // Sorting by households puts the largest first.
    await official.locator('rpm-district-register [data-field="search"]').fill('');
    await official.locator('rpm-district-register th[data-sort="households"]').click();
    const households = await rows.evaluateAll((trs) =>
      trs.map((tr) => Number((tr.children[2]?.textContent ?? '').replace(/[^\d]/g, '') || -1)),
    );
    expect(households).toEqual([...households].sort((a, b) => b - a));

    // Clicking the row flies there and opens the community; the official opens the plan.
    await row.click();
    await openProposal(official);
    expect(await reviewState(official)).toBe('submitted');
    // Officials cannot edit: no new proposal, drawing disabled.
    expect(
      await official.locator('rpm-scenario-panel [data-action="new-proposal"]').isVisible(),
    ).toBe(false);
    const text = official.locator('rpm-review-panel [data-field="review-text"]');
    await text.fill('东侧车位占用消防车道, 请调整');
    await official.locator('rpm-review-panel [data-review-action="comment"]').click();
    await official.locator('rpm-review-panel li[data-action="comment"]').waitFor();
    await text.fill('请按意见修改后重新提交');
    await official.locator('rpm-review-panel [data-review-action="return"]').click();
    await expect.poll(() => reviewState(official)).toBe('returned');
    await official.screenshot({ path: join(OUT, 'review-returned.png') });

    // The planner sees the comment with its map pin, and resubmits.
    const planner = await open('planner');
    await planner.locator('rpm-community-list').getByText(COMMUNITY).first().click();
    await openProposal(planner);
    expect(await reviewState(planner)).toBe('returned');
    const comment = planner.locator('rpm-review-panel li[data-action="comment"]');
    expect(await comment.textContent()).toContain('东侧车位占用消防车道');
    expect(await comment.locator('[data-action="locate"]').count()).toBe(1);
    // Both pins (comment, return) are drawn on the map.
    await expect.poll(() => deckLayerIds(planner)).toContain('review-pins');
    // The planner records a register item and its progress: 30 % of 80万元 is released at 50 %.
    const register = planner.locator('rpm-register-panel');
    await register.locator('input[name="name"]').fill('消防车道拓宽');
    await register.locator('select[name="category"]').selectOption('basic');
    await register.locator('select[name="phase"]').selectOption('construction');
    await register.locator('input[name="quantity"]').fill('320');
    await register.locator('input[name="unit"]').fill('m');
    await register.locator('input[name="budgetWan"]').fill('80');
    await register.locator('input[name="progressPct"]').fill('50');
    await register.locator('[data-action="add-register-item"]').click();
    const itemRow = register.locator('tr[data-register-item]', { hasText: '消防车道拓宽' });
    await itemRow.waitFor();
    expect(await itemRow.locator('[data-released]').textContent()).toBe('24');
    await planner.screenshot({ path: join(OUT, 'review-planner.png') });
    await planner.locator('rpm-review-panel [data-field="review-text"]').fill('已移除占用车位');
    await planner.locator('rpm-review-panel [data-review-action="resubmit"]').click();
    await expect.poll(() => reviewState(planner)).toBe('submitted');

    // The official reloads and approves; the history shows every step, in order.
    await official.reload();
    await official.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 180_000 });
    await official.locator('rpm-community-list').getByText(COMMUNITY).first().click();
    await openProposal(official);
    expect(await reviewState(official)).toBe('submitted');
    await official.locator('rpm-review-panel [data-review-action="approve"]').click();
    await expect.poll(() => reviewState(official)).toBe('approved');
    // The register's budget reached the district table.
    await official.locator('[data-action="district-review"]').click();
    const budgetCell = official
      .locator('rpm-district-register tr', { hasText: COMMUNITY })
      .locator('td')
      .nth(7);
    await expect.poll(() => budgetCell.textContent()).toBe('80');
    const steps = await official
      .locator('rpm-review-panel li[data-history="review"]')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute('data-action')));
    expect(steps).toEqual(['submit', 'comment', 'return', 'resubmit', 'approve']);
    await official.screenshot({ path: join(OUT, 'review-approved.png') });
    expect(pageErrors).toEqual([]);
  });
});
