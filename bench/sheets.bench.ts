/**
 * `npm run bench:sheets`: 20 concurrent sheet PDFs printed by the one long-lived browser of
 * PdfPrinter (issue 13 item 1) against today's baseline of one Chromium launched per request
 * (printPdfOneBrowser), side by side in one run: total time, per-sheet p50/p95, and the peak
 * memory of this process and every process it started (the browsers), sampled every 50 ms.
 *
 * The sheet is the real one of the demo district's first community (buildSheet on the server
 * bench database, BENCH_DATABASE_URL, the demo imported once), built once: what is measured is
 * the printing. BENCH_SHEETS (default 20) prints per measure; PRINT_CONCURRENCY as the server's.
 */
import { execFileSync } from 'node:child_process';
import { makePostgisCatalog } from '../server/db/catalog';
import { buildSheet } from '../server/presentation/build-sheet';
import { PdfPrinter, printPdfOneBrowser } from '../server/presentation/pdf-printer';
import { sheetDocument } from '../server/presentation/sheet-document';
import { DEMO, ensureDistrict, openServerBenchDatabase } from './lib/bench-database';
import { median, percentile, printTable, type Row } from './lib/stats';

const SHEETS = Number(process.env.BENCH_SHEETS ?? 20);
const CONCURRENCY = Number(process.env.PRINT_CONCURRENCY ?? 2);
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** RSS in MB of this process and all its descendants now. */
function treeRssMb(): number {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,rss='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number, number]);
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of rows) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  const rss = new Map(rows.map(([pid, , kb]) => [pid, kb]));
  let kb = 0;
  const stack = [process.pid];
  while (stack.length) {
    const pid = stack.pop()!;
    kb += rss.get(pid) ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return kb / 1024;
}

async function measure(
  print: (html: string) => Promise<Buffer>,
  html: string,
): Promise<{ totalS: number; each: number[]; peakMb: number }> {
  let peakMb = treeRssMb();
  const sampler = setInterval(() => (peakMb = Math.max(peakMb, treeRssMb())), 50);
  const t0 = performance.now();
  const each = await Promise.all(
    Array.from({ length: SHEETS }, async () => {
      const t = performance.now();
      const pdf = await print(html);
      if (pdf.subarray(0, 5).toString() !== '%PDF-') throw new Error('not a PDF');
      return performance.now() - t;
    }),
  );
  const totalS = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  return { totalS, each, peakMb };
}

const db = await openServerBenchDatabase();
let html: string;
try {
  const districtId = await ensureDistrict(db, DEMO);
  const [c] = await db.query<{ id: number }>(
    'SELECT id FROM community WHERE district_id = $1 ORDER BY id LIMIT 1',
    [districtId],
  );
  const sheet = await buildSheet(makePostgisCatalog(db), Number(c!.id), { lang: 'zh' });
  html = sheetDocument(sheet.name, [sheet.html], 'zh');
} finally {
  await db.close();
}

const base = await measure((h) => printPdfOneBrowser(h, { chromiumPath: CHROMIUM }), html);
const printer = new PdfPrinter({
  chromiumPath: CHROMIUM,
  concurrency: CONCURRENCY,
  maxQueue: SHEETS,
  idleMs: 60_000,
});
const pooled = await measure((h) => printer.print(h), html);
const launches = printer.stats.launches;
await printer.close();

const rows: Row[] = [
  {
    measure: `${SHEETS} concurrent sheets: total time`,
    value: `${pooled.totalS.toFixed(1)} s (1 browser, ${launches} launch, ${CONCURRENCY} pages at once)`,
    baseline: `${base.totalS.toFixed(1)} s (${SHEETS} browsers)`,
    ratio: pooled.totalS / base.totalS,
    target: '< 1×',
    met: pooled.totalS < base.totalS,
  },
  {
    measure: 'per sheet p50 / p95',
    value: `${(median(pooled.each) / 1000).toFixed(1)} / ${(percentile(pooled.each, 95) / 1000).toFixed(1)} s`,
    baseline: `${(median(base.each) / 1000).toFixed(1)} / ${(percentile(base.each, 95) / 1000).toFixed(1)} s`,
    ratio: percentile(pooled.each, 95) / percentile(base.each, 95),
    target: '',
    met: undefined,
  },
  {
    measure: 'peak memory, this process and its browsers',
    value: `${pooled.peakMb.toFixed(0)} MB`,
    baseline: `${base.peakMb.toFixed(0)} MB`,
    ratio: pooled.peakMb / base.peakMb,
    target: '< 0.5×',
    met: pooled.peakMb / base.peakMb < 0.5,
  },
];
printTable(`Sheet PDFs (one run, ${SHEETS} at once)`, rows);
