import { chromium, type Browser } from 'playwright-core';
import { ApiError } from '../http/api-error';

/** Chromium flags: headless, no sandbox (containers), nothing fetched from the internet. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface PdfPrinterOptions {
  chromiumPath: string;
  /** Pages printed at once in the one browser (PRINT_CONCURRENCY). */
  concurrency: number;
  /** Prints that may wait for a page; past it 503 BUSY with Retry-After (PRINT_MAX_QUEUE). */
  maxQueue: number;
  /** The browser is closed after this long without a print, ms (PRINT_IDLE_MS). */
  idleMs: number;
}

/** Seconds a refused caller is told to wait. */
export const PRINT_RETRY_AFTER_S = 10;

/** Prints one page to PDF, in the same way in the pooled printer and the bench's baseline. */
async function printIn(browser: Browser, html: string): Promise<Buffer> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // The document must carry everything it shows inline: every request is refused.
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
  } finally {
    await context.close().catch(() => undefined);
  }
}

/**
 * Sheets and atlases to PDF in ONE long-lived headless Chromium (issue 13 item 1), not one
 * browser per request (six concurrent sheets used to start six browsers, ~100 MB each, with no
 * limit). At most `concurrency` pages print at once, each in its own browser context (no state
 * shared between prints); at most `maxQueue` wait, then 503 BUSY. The browser starts on the
 * first print, is started again if it dies (a print that lost its browser mid-way is retried
 * once in the new one, so a crash never returns half a PDF), and is closed after `idleMs`
 * without work, so an idle server holds no browser.
 */
export class PdfPrinter {
  private _browser: Promise<Browser> | null = null;
  private _active = 0;
  private readonly _waiting: (() => void)[] = [];
  private _idle: NodeJS.Timeout | null = null;
  private _launches = 0;
  private _peakActive = 0;

  constructor(readonly options: PdfPrinterOptions) {}

  /** Browsers started so far, pages printing now, prints waiting, most pages at once. */
  get stats(): { launches: number; active: number; waiting: number; peakActive: number } {
    return {
      launches: this._launches,
      active: this._active,
      waiting: this._waiting.length,
      peakActive: this._peakActive,
    };
  }

  async print(html: string, signal?: AbortSignal): Promise<Buffer> {
    await this._admit(signal);
    try {
      signal?.throwIfAborted();
      try {
        return await printIn(await this._browserNow(), html);
      } catch (err) {
        // The browser died under the print (killed, crashed): once more in a new one.
        if (this._browser && (await this._browser.catch(() => null))?.isConnected()) throw err;
        this._browser = null;
        return await printIn(await this._browserNow(), html);
      }
    } finally {
      this._release();
    }
  }

  /** Close the browser now (server stop, tests). */
  async close(): Promise<void> {
    if (this._idle) clearTimeout(this._idle);
    this._idle = null;
    const b = this._browser;
    this._browser = null;
    if (b) await (await b.catch(() => null))?.close();
  }

  private _browserNow(): Promise<Browser> {
    if (this._idle) clearTimeout(this._idle);
    this._idle = null;
    if (!this._browser) {
      this._launches++;
      const launching = chromium
        .launch({ executablePath: this.options.chromiumPath, headless: true, args: CHROMIUM_ARGS })
        .then((b) => {
          b.on('disconnected', () => {
            if (this._browser === launching) this._browser = null;
          });
          return b;
        });
      launching.catch(() => {
        if (this._browser === launching) this._browser = null;
      });
      this._browser = launching;
    }
    return this._browser;
  }

  private _admit(signal?: AbortSignal): Promise<void> {
    if (this._active < this.options.concurrency) {
      this._start();
      return Promise.resolve();
    }
    if (this._waiting.length >= this.options.maxQueue) return Promise.reject(this._busy());
    return new Promise((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', leave);
        this._start();
        resolve();
      };
      const leave = () => {
        const i = this._waiting.indexOf(go);
        if (i >= 0) this._waiting.splice(i, 1);
        reject(signal!.reason);
      };
      signal?.addEventListener('abort', leave, { once: true });
      this._waiting.push(go);
    });
  }

  private _start(): void {
    this._active++;
    this._peakActive = Math.max(this._peakActive, this._active);
  }

  private _release(): void {
    this._active--;
    const next = this._waiting.shift();
    if (next) return next();
    if (this._active === 0 && this._browser) {
      this._idle = setTimeout(() => void this.close(), this.options.idleMs);
      this._idle.unref();
    }
  }

  private _busy(): ApiError {
    return new ApiError(
      'BUSY',
      {
        zh: `打印任务繁忙 (${this._active} 页正在打印, ${this._waiting.length} 页排队), 请 ${PRINT_RETRY_AFTER_S} 秒后重试`,
        en: `Printing is busy (${this._active} pages printing, ${this._waiting.length} waiting); retry in ${PRINT_RETRY_AFTER_S} s`,
      },
      { retryAfterS: PRINT_RETRY_AFTER_S },
    );
  }
}

/**
 * The pre-issue-13 path, one browser per print, kept as the bench's side-by-side baseline
 * (bench/sheets.bench.ts).
 */
export async function printPdfOneBrowser(
  html: string,
  options: { chromiumPath: string },
): Promise<Buffer> {
  const browser = await chromium.launch({
    executablePath: options.chromiumPath,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    return await printIn(browser, html);
  } finally {
    await browser.close();
  }
}
