import { execFileSync } from 'node:child_process';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../server/http/api-error';
import { PdfPrinter } from '../../server/presentation/pdf-printer';

// One long-lived Chromium prints every sheet in turn (issue 13 item 1): bounded pages at once,
// 503 past the queue, started again when it dies, closed when idle. Real Chromium, real PDFs.

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const doc = (n: number) =>
  `<!doctype html><html><head><meta charset="utf-8"><style>@page{size:A4}</style></head>` +
  `<body><h1>小区 ${n} sheet</h1><p>停车位 ${n * 10}</p></body></html>`;
const textOf = async (bytes: Buffer): Promise<string> => {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), {
    mergePages: true,
  });
  return text;
};
/** Chromium browser processes (not its renderers and helpers) started by this test process. */
const browserPids = (): number[] => {
  try {
    return execFileSync('pgrep', ['-P', String(process.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number)
      .filter((pid) => {
        try {
          return /chrom/i.test(
            execFileSync('ps', ['-o', 'comm=', '-p', String(pid)], { encoding: 'utf8' }),
          );
        } catch {
          return false;
        }
      });
  } catch {
    return [];
  }
};

let printer: PdfPrinter | undefined;
afterEach(async () => {
  await printer?.close();
  printer = undefined;
});

describe('the PDF printer', () => {
  it('prints 6 concurrent sheets in ONE browser, at most 2 pages at a time, each its own document', async () => {
    printer = new PdfPrinter({
      chromiumPath: CHROMIUM,
      concurrency: 2,
      maxQueue: 10,
      idleMs: 60_000,
    });
    const pdfs = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => printer!.print(doc(n))));
    expect(printer.stats).toMatchObject({ launches: 1, active: 0, waiting: 0, peakActive: 2 });
    expect(browserPids()).toHaveLength(1);
    for (const [i, pdf] of pdfs.entries()) {
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const text = await textOf(pdf);
      expect(text).toContain(`${i + 1} sheet`);
      expect(text).toContain(`${(i + 1) * 10}`);
    }
  });

  it('answers 503 BUSY with Retry-After past its queue, in both languages, and prints the rest', async () => {
    printer = new PdfPrinter({
      chromiumPath: CHROMIUM,
      concurrency: 1,
      maxQueue: 1,
      idleMs: 60_000,
    });
    const settled = await Promise.allSettled([1, 2, 3].map((n) => printer!.print(doc(n))));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    const err = (settled[2] as PromiseRejectedResult).reason as ApiError;
    expect(err).toBeInstanceOf(ApiError);
    expect(err.code).toBe('BUSY');
    expect(err.status).toBe(503);
    expect(err.details).toEqual({ retryAfterS: 10 });
    expect(JSON.stringify(err)).toMatch(/打印任务繁忙|Printing is busy/);
  });

  it('starts a new browser when the old one is killed, and the next sheet prints whole', async () => {
    printer = new PdfPrinter({
      chromiumPath: CHROMIUM,
      concurrency: 2,
      maxQueue: 10,
      idleMs: 60_000,
    });
    await printer.print(doc(1));
    const [pid] = browserPids();
    expect(pid).toBeGreaterThan(0);
    process.kill(pid!, 'SIGKILL');
    await expect.poll(() => browserPids().includes(pid!), { timeout: 10_000 }).toBe(false);
    const pdf = await printer.print(doc(2));
    expect(await textOf(pdf)).toContain('2 sheet');
    expect(printer.stats.launches).toBe(2);
    expect(browserPids()).toHaveLength(1);
  });

  it('closes its browser when idle, and a waiting caller that goes away leaves the queue', async () => {
    printer = new PdfPrinter({ chromiumPath: CHROMIUM, concurrency: 1, maxQueue: 5, idleMs: 300 });
    const gone = new AbortController();
    const first = printer.print(doc(1));
    const waiting = printer.print(doc(2), gone.signal);
    expect(printer.stats.waiting).toBe(1);
    gone.abort(new Error('client went away'));
    await expect(waiting).rejects.toThrow('client went away');
    expect(printer.stats.waiting).toBe(0);
    await first;
    await expect.poll(() => browserPids().length, { timeout: 10_000 }).toBe(0);
    expect(printer.stats.launches).toBe(1);
  });
});
