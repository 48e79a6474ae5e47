import { chromium } from 'playwright-core';

/** Chromium flags: headless, no sandbox (containers), nothing fetched from the internet. */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Print a self-contained HTML document to PDF (A4, backgrounds on) in headless Chromium, so a
 * sheet looks the same whoever downloads it. One browser per call, always closed: printing is
 * rare and a browser left running would hold ~100 MB. Every request the page makes is
 * blocked: the document must carry everything it shows inline.
 */
export async function printPdf(html: string, options: { chromiumPath: string }): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: options.chromiumPath,
    headless: true,
    args: ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await browser.close();
  }
}
