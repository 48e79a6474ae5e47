import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2eStack, type E2eStack } from '../helpers/e2e-stack';
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

const LOCAL = '某市地方标准 DB/T 0000-2024 §5.1';

/**
 * Issue 12 §1: a planner records a local rule (本项目地方标准) in the rule panel beside the
 * fire-lane check; the panel lists it with its value, the table's default and its source.
 */
describe('project-level rule overrides in the planner', () => {
  it('adds a local minimum lane width and lists it with default and source', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    try {
      await loginAs(page, 'planner', base);
      await page.goto(base);
      await page.locator('rpm-map[data-ready="true"]').waitFor({ timeout: 180_000 });
      await page.locator('rpm-community-list').getByText('静淑苑').first().click();
      await page.locator('rpm-scenario-panel li[data-scenario-id]').first().waitFor();
      const panel = page.locator('rpm-rule-overrides');
      await panel.getByText('本项目地方标准').waitFor({ timeout: 60_000 });
      await panel.getByText('未覆盖任何规则').waitFor();
      await panel.locator('select[name="key"]').selectOption('fireLane.minClearWidthM');
      await panel.locator('input[name="value"]').fill('4.5');
      await panel.locator('input[name="source"]').fill(LOCAL);
      await panel.locator('button[type="submit"]').click();
      const item = panel.locator('li[data-rule="fireLane.minClearWidthM"]');
      await item.waitFor({ timeout: 30_000 });
      const text = (await item.textContent()) ?? '';
      expect(text).toContain('4.5');
      expect(text).toContain('默认 4');
      expect(text).toContain(LOCAL);
      // Restore the table for other tests sharing the stack.
      await item.getByRole('button').click();
      await panel.getByText('未覆盖任何规则').waitFor({ timeout: 30_000 });
    } finally {
      await context.close();
    }
  });
});
