import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_OUT, startE2eStack, type E2eStack } from '../helpers/e2e-stack';

let s: E2eStack;
beforeAll(async () => {
  s = await startE2eStack();
}, 180_000);
afterAll(async () => {
  await s?.close();
});

describe('community list (issue 17)', () => {
  it('lists all 11 communities of the demo and marks the provisional name', async () => {
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(s.base);
    const items = page.locator('rpm-community-list li button');
    await items.first().waitFor({ timeout: 120_000 });
    expect(await items.count()).toBe(11);
    const marked = page.locator('rpm-community-list .provisional');
    expect(await marked.count()).toBe(1);
    expect(await marked.getAttribute('data-provisional')).toBe('road');
    const item = page.locator('rpm-community-list li', { has: page.locator('.provisional') });
    expect(await item.textContent()).toContain('石板房南路南侧居住区');
    expect(await marked.textContent()).toBe('暂定名');
    await page.screenshot({ path: join(E2E_OUT, 'provisional-names.png') });
    await page.close();
  }, 240_000);
});
